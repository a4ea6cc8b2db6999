import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { riskReportApi } from '../api/risk-report.api';
import { MajorRiskTable } from './MajorRiskTable';
import { OverviewFilters } from './OverviewFilters';

const FILTERS = ['q', 'subdistrictId', 'industryCode', 'flag'] as const;
const FLAGS = ['overdue', 'missingR8', 'controlFailing'] as const;

/** The grade-1 tab of the overview: every major risk point in scope. */
export function MajorRisks() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['risk', 'major', list.query], (signal) => riskReportApi.major(list.query, signal));
  return (
    <>
      <OverviewFilters list={list} flags={FLAGS} flagLabel={(f) => t(`risk.flag.${f as (typeof FLAGS)[number]}`)} />
      {error ? <ErrorState error={error} onRetry={reload} /> : <MajorRiskTable list={list} data={data} loading={loading} />}
    </>
  );
}
