import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { OVERVIEW_FLAGS, riskReportApi } from '../api/risk-report.api';
import { OverviewFilters } from './OverviewFilters';
import { OverviewSummaryCards } from './OverviewSummaryCards';
import { OverviewTable } from './OverviewTable';

const FILTERS = ['q', 'subdistrictId', 'industryCode', 'flag'] as const;

/** The enterprises tab of the overview: summary cards over the same scope filters, then the table. */
export function OverviewEnterprises() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { subdistrictId, industryCode } = list.filters;
  const summary = useApiQuery(['risk', 'overview', 'summary', { subdistrictId, industryCode }], (signal) => riskReportApi.overviewSummary({ subdistrictId, industryCode }, signal));
  const { data, error, loading, reload } = useApiQuery(['risk', 'overview', 'list', list.query], (signal) => riskReportApi.overview(list.query, signal));
  return (
    <>
      <OverviewSummaryCards summary={summary.data} />
      <OverviewFilters list={list} flags={OVERVIEW_FLAGS} flagLabel={(f) => t(`risk.overviewFlag.${f as (typeof OVERVIEW_FLAGS)[number]}`)} />
      {error ? <ErrorState error={error} onRetry={reload} /> : <OverviewTable list={list} data={data} loading={loading} />}
    </>
  );
}
