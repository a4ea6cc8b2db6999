import { Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useIsMobile } from '../../../app/responsive';
import type { Occurrence } from '../api/obligations.api';
import { districtToday, periodLabel } from '../api/period';
import { BasisTip } from './BasisTip';
import { DueLine } from './DueLine';
import { DutyActions } from './DutyActions';
import { dutyPath } from './DutyCard';
import { DutyCardList } from './DutyCardList';
import { OccurrenceStatusTag } from './OccurrenceStatusTag';

/** The calendar as a list by due day: a table on a desk, the same cards as 我的履职 on a phone. */
export function DutyListView({ items, loading, empty }: { items: Occurrence[]; loading: boolean; empty: string }) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  if (isMobile) return <DutyCardList items={items} empty={empty} testId="duty-list-cards" />;
  const today = districtToday();
  return (
    <Table<Occurrence>
      data-testid="duty-list"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      columns={[
        { key: 'dueOn', title: t('obligation.dueOnLabel'), render: (_, o) => <DueLine occurrence={o} today={today} /> },
        {
          key: 'name',
          title: t('obligation.name'),
          render: (_, o) => (
            <Flex vertical>
              <Flex gap={6} align="center">
                <Link to={dutyPath(o)} data-testid="duty-list-link">{o.name}</Link>
                <BasisTip ruleId={o.ruleId} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[periodLabel(o.periodKey, locale), o.subjectLabel].filter(Boolean).join(' · ')}</Typography.Text>
            </Flex>
          ),
        },
        { key: 'owner', title: t('obligation.owner'), render: (_, o) => t(`obligationOwner.${o.owner}`) },
        { key: 'reportedTo', title: t('obligation.reportedTo'), render: (_, o) => t(`obligationReportedTo.${o.reportedTo}`) },
        {
          key: 'status',
          title: t('obligation.status'),
          render: (_, o) => (
            <Flex gap={4} wrap>
              <OccurrenceStatusTag status={o.status} />
              {o.awaitingPrincipal && <Tag color={MEANING_TAG.warning}>{t('obligation.awaitingPrincipal')}</Tag>}
            </Flex>
          ),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, o) => (
            <Flex gap={8} align="center" wrap={false}>
              <DutyActions occurrence={o} />
              <Link to={dutyPath(o)}>{t('obligation.open')}</Link>
            </Flex>
          ),
        },
      ]}
    />
  );
}
