import { Card, Empty, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { OverviewStats } from '../api/hazard-stats.api';
import { HazardFlags } from './HazardFlags';
import { HazardStatusTag } from './HazardStatusTag';

type Item = OverviewStats['majorOpen']['items'][number];

/** R-HAZ-4: open major hazards in scope, overdue and escalated first, each a link to the record. */
export function MajorOpenList({ data }: { data: OverviewStats['majorOpen'] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('hazardOverview.majorOpen', { n: data.total })} extra={<Link to="/major-hazards">{t('hazardOverview.all')}</Link>} data-testid="overview-major-open">
      <Table<Item>
        size="small"
        rowKey="hazardId"
        dataSource={data.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hazardOverview.majorOpenEmpty')} /> }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'code', dataIndex: 'code', title: t('hazard.code'),
            render: (v: string, h) => <Link to={`/enterprises/${h.enterpriseId}/hazards/${h.hazardId}`}>{v}</Link>,
          },
          {
            key: 'title', dataIndex: 'title', title: t('hazard.title'),
            render: (v: string, h) => (
              <Flex vertical gap={2}>
                <Typography.Text>{v}</Typography.Text>
                <HazardFlags hazard={h} />
              </Flex>
            ),
          },
          { key: 'enterprise', dataIndex: 'enterpriseName', title: t('hazard.enterprise') },
          { key: 'status', dataIndex: 'status', title: t('hazard.status'), render: (v: Item['status']) => <HazardStatusTag status={v} /> },
          { key: 'deadline', dataIndex: 'deadline', title: t('hazard.deadline'), render: (v: string | null) => formatDate(v) },
        ]}
      />
    </Card>
  );
}
