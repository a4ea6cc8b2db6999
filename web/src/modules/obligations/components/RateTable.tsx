import type { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../app/i18n';
import { MEANING_TEXT } from '../../../app/palette';
import type { Rate } from '../api/obligations.api';
import { percent, rateMeaning } from './rate-format';

export type RateRow = Rate & { key: string; name: ReactNode };

type Props = {
  rows: RateRow[];
  title?: string;
  /** The first column's heading. */
  nameTitle: string;
  /** More columns after the figures (the board's 催报). */
  extra?: ColumnsType<RateRow>;
  empty?: string;
  testId: string;
};

const count = (v: number, danger = false) => <Typography.Text style={danger && v ? { color: MEANING_TEXT.danger } : undefined}>{v}</Typography.Text>;

/**
 * Rates per duty, person, subdistrict or industry: due, fulfilled (on time and late), overdue in red, waived, and the
 * rates. Wide on a phone, it scrolls sideways with the name fixed.
 */
export function RateTable({ rows, title, nameTitle, extra = [], empty, testId }: Props) {
  const { t } = useI18n();
  const columns: ColumnsType<RateRow> = [
    { key: 'name', dataIndex: 'name', title: nameTitle, fixed: 'left' },
    { key: 'due', title: t('obligation.col.due'), align: 'right', render: (_, r) => r.due },
    { key: 'fulfilled', title: t('obligation.col.fulfilled'), align: 'right', render: (_, r) => r.fulfilled },
    { key: 'onTime', title: t('obligation.col.onTime'), align: 'right', render: (_, r) => r.onTime },
    { key: 'late', title: t('obligation.col.late'), align: 'right', render: (_, r) => count(r.late, true) },
    { key: 'overdue', title: t('obligation.col.overdue'), align: 'right', render: (_, r) => <span data-testid="rate-overdue">{count(r.overdue, true)}</span> },
    { key: 'waived', title: t('obligation.col.waived'), align: 'right', render: (_, r) => r.waived },
    {
      key: 'rate',
      title: t('obligation.col.rate'),
      align: 'right',
      render: (_, r) => <Typography.Text strong style={{ color: MEANING_TEXT[rateMeaning(r.rate)] }}>{percent(r.rate)}</Typography.Text>,
    },
    { key: 'onTimeRate', title: t('obligation.col.onTimeRate'), align: 'right', render: (_, r) => percent(r.onTimeRate) },
    ...extra,
  ];
  return (
    <Table<RateRow>
      data-testid={testId}
      size="small"
      rowKey="key"
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      title={title ? () => <Typography.Text strong>{title}</Typography.Text> : undefined}
      locale={empty ? { emptyText: empty } : undefined}
    />
  );
}
