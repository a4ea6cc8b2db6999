import { CalendarOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { RatesView } from '../components/RatesView';
import { YearSelect, currentYear, yearParam } from '../components/YearSelect';

/** 履职率 of the enterprise for a year (`?year=`), for its managers. */
export function DutyRatesPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = yearParam(params.get('year'));
  const enterpriseId = me.scope.enterpriseId ?? '';
  return (
    <div data-testid="duty-rates-page">
      <PageHeader
        title={t('nav.obligations.rates')}
        sub={me.scope.name}
        extra={
          <>
            <YearSelect value={year} onChange={(y) => setParams(y === currentYear() ? {} : { year: String(y) })} />
            <Link to="/duties/calendar"><Button icon={<CalendarOutlined />}>{t('nav.obligations.calendar')}</Button></Link>
          </>
        }
      />
      <RatesView enterpriseId={enterpriseId} year={year} />
    </div>
  );
}
