import { Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useApi } from '../../../app/useApi';
import { hazardReportsApi } from '../api/hazard-reports.api';
import { HazardReportView } from '../components/HazardReportView';

/** One enterprise's report for one period: the regulator's drill-down and the workers' congress link. */
export function HazardReportDetailPage() {
  const { enterpriseId = '', periodType = '', periodKey = '' } = useParams();
  const { data, error, loading, reload, setData } = useApi((signal) => hazardReportsApi.get(enterpriseId, periodType, periodKey, signal), [enterpriseId, periodType, periodKey]);
  usePageTitle(data ? `${data.enterpriseName} ${data.periodKey}` : undefined);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Skeleton active /> : null;
  return <HazardReportView report={data} onChange={setData} />;
}
