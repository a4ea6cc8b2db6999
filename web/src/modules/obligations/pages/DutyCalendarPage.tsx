import { BankOutlined, DashboardOutlined, PercentageOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { enterprisesApi } from '../../enterprises/api/enterprises.api';
import { DutyCalendarView } from '../components/DutyCalendarView';
import { useCalendarState } from '../components/useCalendarState';
import { hasObligationPermission } from '../permissions';

/**
 * 履职日历 for the enterprise's managers; a regulator opens an enterprise's calendar from the board
 * (`?enterpriseId=…`), read-only: the duties carry no buttons for them but a waiver where they may grant one.
 */
export function DutyCalendarPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const own = me.scope.enterpriseId;
  const enterpriseId = own ?? params.get('enterpriseId') ?? '';
  const [state, set] = useCalendarState('url');
  const { data: enterprise } = useApiQuery(['enterprises', 'detail', enterpriseId], (signal) => enterprisesApi.get(enterpriseId, signal), !own && !!enterpriseId);
  usePageTitle(own ? undefined : enterprise?.name);
  const supervise = hasObligationPermission(me, 'obligation.supervise');

  return (
    <div data-testid="duty-calendar-page">
      <PageHeader
        title={t('nav.obligations.calendar')}
        sub={own ? me.scope.name : enterprise ? t('obligation.calendar.readOnly', { name: enterprise.name }) : undefined}
        extra={own ? (
          <>
            <Link to="/duties"><Button icon={<UnorderedListOutlined />}>{t('nav.obligations.mine')}</Button></Link>
            <Link to="/duties/rates"><Button icon={<PercentageOutlined />}>{t('nav.obligations.rates')}</Button></Link>
          </>
        ) : enterpriseId ? (
          <>
            <Link to={`/enterprises/${enterpriseId}?tab=duties`}><Button icon={<BankOutlined />}>{t('crumb.enterpriseDetail')}</Button></Link>
            {supervise && <Link to="/duties/board"><Button icon={<DashboardOutlined />}>{t('nav.obligations.board')}</Button></Link>}
          </>
        ) : undefined}
      />
      {enterpriseId ? (
        <DutyCalendarView enterpriseId={enterpriseId} state={state} set={set} />
      ) : (
        <Empty description={t('obligation.calendar.pickEnterprise')}>
          {supervise && <Link to="/duties/board"><Button type="primary">{t('nav.obligations.board')}</Button></Link>}
        </Empty>
      )}
    </div>
  );
}
