import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { TopEnterprise } from '../api/hazard-stats.api';

/** The enterprises with the most open (or overdue) hazards; a name opens that enterprise's ledger. */
export function TopEnterprises({ title, rows, testId }: { title: string; rows: TopEnterprise[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table<TopEnterprise>
        size="small"
        rowKey="enterpriseId"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name', dataIndex: 'name', title: t('hazard.enterprise'),
            render: (v: string, r) => (
              <>
                <Link to={`/hazard-overview/${r.enterpriseId}`}>{v}</Link>
                <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.subdistrictName} · {r.industryName}</Typography.Text></div>
              </>
            ),
          },
          { key: 'open', dataIndex: 'open', title: t('stats.open'), align: 'right' },
          { key: 'overdue', dataIndex: 'overdue', title: t('stats.overdue'), align: 'right' },
          { key: 'majorOpen', dataIndex: 'majorOpen', title: t('stats.majorOpen'), align: 'right' },
        ]}
      />
    </Card>
  );
}
