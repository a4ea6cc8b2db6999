import { Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useApi } from '../../../app/useApi';
import { doubleReportApi } from '../api/double-report.api';
import { DoubleReportView } from '../components/DoubleReportView';

/** One enterprise's report for one period: the regulator's drill-down and the workers' congress link. */
export function DoubleReportDetailPage() {
  const { enterpriseId = '', periodType = '', periodKey = '' } = useParams();
  const { data, error, loading, reload, setData } = useApi((signal) => doubleReportApi.get(enterpriseId, periodType, periodKey, signal), [enterpriseId, periodType, periodKey]);
  usePageTitle(data ? `${data.enterpriseName} ${data.periodKey}` : undefined);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Skeleton active /> : null;
  return <DoubleReportView report={data} onChange={setData} />;
}
