import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Pagination, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../app/api';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { SAFETY } from '../../../app/palette';
import type { ListState } from '../../../app/useListState';
import type { HazardSummary } from '../api/hazards.api';
import { HazardFlags } from './HazardFlags';
import { HazardLevelTag } from './HazardLevelTag';
import { hazardLink } from './HazardTable';
import { HazardStatusTag } from './HazardStatusTag';

type Props = { list: ListState; data: Page<HazardSummary> | undefined; loading: boolean; enterpriseId?: string; empty?: string };

/**
 * The ledger on a phone: one tappable card per hazard, the deadline and flags where a thumb can see them. Across
 * enterprises the code is followed by the enterprise's name, since each enterprise numbers its own hazards.
 */
export function HazardCards({ list, data, loading, enterpriseId, empty }: Props) {
  const { t } = useI18n();
  if (loading && !data) return <Skeleton active />;
  if (!data || data.items.length === 0) return <Empty description={empty ?? t('common.noData')} />;
  return (
    <Flex vertical gap={8} data-testid="hazard-cards">
      {data.items.map((h) => (
        <Link key={h.id} to={hazardLink(h, enterpriseId)} data-testid="hazard-link">
          <Card size="small" hoverable style={h.overdue ? { borderColor: SAFETY.red } : undefined}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={4} wrap align="center" style={{ marginBottom: 4 }}>
                  <HazardStatusTag status={h.status} />
                  <HazardLevelTag level={h.level} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.code}</Typography.Text>
                  {h.enterpriseName && <Typography.Text style={{ fontSize: 12 }} data-testid="hazard-enterprise">{h.enterpriseName}</Typography.Text>}
                </Flex>
                <Typography.Text strong ellipsis style={{ display: 'block' }}>{h.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {h.orgUnitName}
                  {h.deadline ? ` · ${t('hazard.deadline')} ${formatDate(h.deadline)}` : ` · ${formatDateTime(h.reportedAt)}`}
                  {h.rectifierName ? ` · ${h.rectifierName}` : ''}
                </Typography.Text>
                <div style={{ marginTop: 4 }}><HazardFlags hazard={h} /></div>
              </div>
              <RightOutlined style={{ color: '#bfbfbf', marginTop: 4 }} />
            </Flex>
          </Card>
        </Link>
      ))}
      <Flex justify="center" style={{ marginTop: 8 }}>
        <Pagination
          simple
          current={list.page}
          pageSize={list.pageSize}
          total={data.total}
          onChange={(page) => list.onTableChange({ current: page, pageSize: list.pageSize }, {}, {
            columnKey: list.sort, order: list.order === 'asc' ? 'ascend' : list.order === 'desc' ? 'descend' : null,
          })}
        />
      </Flex>
    </Flex>
  );
}
