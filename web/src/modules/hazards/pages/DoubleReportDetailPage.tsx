import { Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { periodLabel } from '../api/check-period';
import { doubleReportApi } from '../api/double-report.api';
import { DoubleReportView } from '../components/DoubleReportView';

/** One enterprise's report for one period: the regulator's drill-down and the workers' congress link. */
export function DoubleReportDetailPage() {
  const { enterpriseId = '', periodType = '', periodKey = '' } = useParams();
  const { locale } = useI18n();
  const { data, error, loading, reload, setData } = useApiQuery(['double-reports', enterpriseId, 'period', periodType, periodKey], (signal) => doubleReportApi.get(enterpriseId, periodType, periodKey, signal));
  usePageTitle(data ? `${data.enterpriseName} ${periodLabel(data.periodKey, locale)}` : undefined);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Skeleton active /> : null;
  return <DoubleReportView report={data} onChange={setData} />;
}
