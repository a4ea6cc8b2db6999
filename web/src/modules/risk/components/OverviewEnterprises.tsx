import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
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
  const summary = useApi((signal) => riskReportApi.overviewSummary({ subdistrictId, industryCode }, signal), [subdistrictId, industryCode]);
  const { data, error, loading, reload } = useApi((signal) => riskReportApi.overview(list.query, signal), [JSON.stringify(list.query)]);
  return (
    <>
      <OverviewSummaryCards summary={summary.data} />
      <OverviewFilters list={list} flags={OVERVIEW_FLAGS} flagLabel={(f) => t(`risk.overviewFlag.${f as (typeof OVERVIEW_FLAGS)[number]}`)} />
      {error ? <ErrorState error={error} onRetry={reload} /> : <OverviewTable list={list} data={data} loading={loading} />}
    </>
  );
}
