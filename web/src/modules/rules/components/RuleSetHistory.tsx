import { Table, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { RuleSetDetail } from '../api/rules.api';
import { RuleValueView } from './RuleValueView';

type Row = { version: number; value: unknown; note: string; createdAt: string | null; createdBy: string | null; previous: unknown };

/** Every saved version, newest first, then the defaults; a row opens to its values, changes from the one before marked. */
export function RuleSetHistory({ detail }: { detail: RuleSetDetail }) {
  const { t } = useI18n();
  const rows: Row[] = [
    ...detail.history.map((h, i) => ({ ...h, previous: detail.history[i + 1]?.value ?? detail.defaults })),
    { version: 0, value: detail.defaults, note: t('rules.defaults'), createdAt: null, createdBy: null, previous: undefined },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="version"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="rule-set-history"
      dataSource={rows}
      expandable={{ expandedRowRender: (r) => <RuleValueView schema={detail.schema} fields={detail.fields} value={r.value} compareTo={r.previous} /> }}
      columns={[
        {
          key: 'v', dataIndex: 'version', title: '#',
          render: (v: number) => <Typography.Text strong={v === detail.current.version} style={{ whiteSpace: 'nowrap' }}>{t('rules.version', { v })}{v === detail.current.version ? ` · ${t('rules.inForce')}` : ''}</Typography.Text>,
        },
        { key: 'at', dataIndex: 'createdAt', title: t('common.createdAt'), render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ? formatDateTime(v) : '—'}</span> },
        { key: 'by', dataIndex: 'createdBy', title: t('rules.author'), render: (v: string | null) => v ?? '—' },
        { key: 'note', dataIndex: 'note', title: t('rules.note'), render: (v: string) => v || '—' },
      ]}
    />
  );
}
