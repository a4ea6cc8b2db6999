import { Skeleton } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { useApiQuery } from '../../../app/useApi';
import { doubleReportApi, lastEndedPeriod, type ReportPeriodType } from '../api/double-report.api';
import { DoubleReportView } from './DoubleReportView';
import { PeriodPicker } from './PeriodPicker';

/** Pick a period (the last ended one by default) and work on its report: read the draft, sign, submit. */
export function ReportWorkspace({ enterpriseId }: { enterpriseId: string }) {
  const [params, setParams] = useSearchParams();
  const type = (params.get('periodType') ?? 'month') as ReportPeriodType;
  const key = params.get('periodKey') ?? lastEndedPeriod(type);
  const { data, error, loading, reload, setData } = useApiQuery(['double-reports', enterpriseId, 'period', type, key], (signal) => doubleReportApi.get(enterpriseId, type, key, signal));
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <PeriodPicker type={type} periodKey={key} defaultKey={lastEndedPeriod} onChange={(pt, pk) => setParams({ periodType: pt, periodKey: pk }, { replace: true })} />
      </div>
      {error && <ErrorState error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && <DoubleReportView report={data} onChange={setData} />}
    </>
  );
}
