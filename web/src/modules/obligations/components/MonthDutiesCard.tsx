import { Alert, Card, Flex, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { obligationKeys, obligationsApi } from '../api/obligations.api';
import { districtToday } from '../api/period';
import { hasObligationPermission } from '../permissions';
import { DutyCard } from './DutyCard';

const SHOWN = 5;

/**
 * 本月履职 on the home page (issue 11 §7): an enterprise person's overdue duties, then this month's, each with its
 * one-tap button, before anything else. The principal always sees it (an empty month says it is done); anyone else
 * only when something is owed.
 */
export function MonthDutiesCard() {
  const me = useMe();
  const { t } = useI18n();
  const enabled = !!me.scope.enterpriseId && hasObligationPermission(me, 'obligation.read');
  const { data, loading } = useApiQuery(obligationKeys.mine(), (signal) => obligationsApi.mine(signal), enabled);
  if (!enabled) return null;
  const principal = me.role === 'enterprise_principal';
  if (!data) return loading && principal ? <Card size="small" style={{ marginBottom: 16 }}><Skeleton active paragraph={{ rows: 2 }} /></Card> : null;
  const owed = [...data.overdue, ...data.thisMonth];
  if (owed.length === 0 && !principal) return null;
  const today = districtToday();
  return (
    <Card
      size="small"
      title={t('obligation.home.title')}
      extra={<Link to="/duties" data-testid="home-duties-all">{t('obligation.home.all')}</Link>}
      style={{ marginBottom: 16 }}
      data-testid="home-duties-card"
    >
      {owed.length === 0 ? (
        <Alert type="success" showIcon title={t('obligation.home.none')} />
      ) : (
        <Flex vertical gap={8}>
          {data.overdue.length > 0 && (
            <Link to="/duties?tab=overdue"><Tag color={MEANING_TAG.danger} data-testid="home-duties-overdue">{t('obligation.home.overdue', { n: data.overdue.length })}</Tag></Link>
          )}
          {owed.slice(0, SHOWN).map((o) => <DutyCard key={o.id} occurrence={o} compact today={today} />)}
          {owed.length > SHOWN && <Link to="/duties">{t('obligation.home.more', { n: owed.length - SHOWN })}</Link>}
        </Flex>
      )}
    </Card>
  );
}
