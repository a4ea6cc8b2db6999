import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { Figures, Rate } from '../api/hazard-stats.api';

type Row = Figures & { key: string; name: string };
type Props = { title: string; rows: Row[]; link: (key: string) => string; testId: string };

const pct = (r: Rate) => (r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`);

/** Figures per subdistrict or industry; a name drills down to the hazards it counts. */
export function RegionTable({ title, rows, link, testId }: Props) {
  const { t } = useI18n();
  return (
    <Table<Row>
      data-testid={testId}
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      columns={[
        { key: 'name', dataIndex: 'name', title: t('hazardOverview.name'), fixed: 'left', render: (v: string, r) => <Link to={link(r.key)}>{v}</Link> },
        { key: 'enterprises', dataIndex: 'enterprises', title: t('stats.enterprises'), align: 'right' },
        { key: 'found', dataIndex: 'found', title: t('stats.found'), align: 'right' },
        { key: 'closed', dataIndex: 'closed', title: t('stats.closed'), align: 'right' },
        { key: 'open', dataIndex: 'open', title: t('stats.open'), align: 'right' },
        { key: 'overdue', dataIndex: 'overdue', title: t('stats.overdue'), align: 'right', render: (v: number) => <Typography.Text type={v ? 'danger' : undefined}>{v}</Typography.Text> },
        { key: 'majorOpen', dataIndex: 'majorOpen', title: t('stats.majorOpen'), align: 'right', render: (v: number) => <Typography.Text type={v ? 'danger' : undefined}>{v}</Typography.Text> },
        { key: 'rect', title: t('stats.rectificationRate'), align: 'right', render: (_, r) => pct(r.rectificationRate) },
        { key: 'ontime', title: t('stats.onTimeRate'), align: 'right', render: (_, r) => pct(r.onTimeRate) },
      ]}
    />
  );
}
