import { CalendarOutlined, PercentageOutlined } from '@ant-design/icons';
import { Badge, Button, Skeleton, Tabs } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { Workbench } from '../../dashboard/components/Workbench';
import { FiveInPlaceCard } from '../components/FiveInPlaceCard';
import { RelatedWork } from '../components/RelatedWork';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { MEANING_COLOUR, type Meaning } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { obligationKeys, obligationsApi, type MyDuties } from '../api/obligations.api';
import { DutyCardList } from '../components/DutyCardList';
import { ScopeSummary } from '../components/ScopeSummary';
import { isEnterpriseManager } from '../permissions';

export const MY_DUTY_TABS = ['month', 'overdue', 'upcoming'] as const;
export type MyDutyTab = (typeof MY_DUTY_TABS)[number];

const LIST: Record<MyDutyTab, keyof Pick<MyDuties, 'thisMonth' | 'overdue' | 'upcoming'>> = { month: 'thisMonth', overdue: 'overdue', upcoming: 'upcoming' };
const LABEL: Record<MyDutyTab, MessageKey> = { month: 'obligation.mine.tabMonth', overdue: 'obligation.mine.tabOverdue', upcoming: 'obligation.mine.tabUpcoming' };
// Overdue is red, this month's due duties wait on the user (orange), later ones are information (blue).
const BADGE: Record<MyDutyTab, Meaning> = { month: 'warning', overdue: 'danger', upcoming: 'normal' };
const EMPTY: Record<MyDutyTab, MessageKey> = { month: 'obligation.mine.emptyMonth', overdue: 'obligation.mine.emptyOverdue', upcoming: 'obligation.mine.emptyUpcoming' };

export function isMyDutyTab(v: string | null): v is MyDutyTab {
  return (MY_DUTY_TABS as readonly (string | null)[]).includes(v);
}

/**
 * 我的履职 (issue 11 §1): what I owe this month, what is overdue and what comes up in the next 60 days, the principal's
 * duties first, as cards a phone shows whole; the tab is in the address (`?tab=overdue`, the workbench's link). An
 * officer's duties are his to-do workbench (interviews due, filings to accept, reports unread, who has not reported,
 * each a link to its list, with 催报 where it applies) and the overdue duties of the area with the way to the board.
 */
export function MyDutiesPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: MyDutyTab = isMyDutyTab(raw) ? raw : 'month';
  const { data, error, loading, reload } = useApiQuery(obligationKeys.mine(), (signal) => obligationsApi.mine(signal));
  const manager = isEnterpriseManager(me);

  return (
    <div data-testid="my-duties-page">
      <PageHeader
        title={t('nav.obligations.mine')}
        sub={me.scope.name}
        extra={manager ? (
          <>
            <Link to="/duties/calendar"><Button icon={<CalendarOutlined />}>{t('nav.obligations.calendar')}</Button></Link>
            <Link to="/duties/rates"><Button icon={<PercentageOutlined />}>{t('nav.obligations.rates')}</Button></Link>
          </>
        ) : undefined}
      />
      {manager && <FiveInPlaceCard />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && !me.scope.enterpriseId && (
        <>
          <Workbench exclude={['obligation.scopeOverdue']} testId="officer-duties" />
          <ScopeSummary overdue={data.scopeOverdue} />
        </>
      )}
      {data && me.scope.enterpriseId && (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((prev) => {
            const next = new URLSearchParams(prev);
            if (key === 'month') next.delete('tab');
            else next.set('tab', key);
            return next;
          })}
          items={MY_DUTY_TABS.map((k) => {
            const n = data[LIST[k]].length;
            return {
              key: k,
              label: (
                <span data-testid={`my-duties-tab-${k}`}>
                  {t(LABEL[k])}
                  <Badge count={n} size="small" showZero={false} color={MEANING_COLOUR[BADGE[k]]} style={{ marginInlineStart: 4 }} />
                </span>
              ),
              children: <DutyCardList items={data[LIST[k]]} empty={t(EMPTY[k])} testId={`my-duties-${k}`} />,
            };
          })}
        />
      )}
      {me.scope.enterpriseId && <RelatedWork />}
    </div>
  );
}
