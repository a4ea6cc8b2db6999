import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { NotFound } from '../../../app/components/NotFound';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { calendarApi, calendarQueries } from '../api/calendar.api';
import { CalendarYearEditor } from '../components/CalendarYearEditor';

/** One year of the working-day calendar: loaded or not, its dates, and the editor that saves the whole year. */
export function WorkCalendarYearPage() {
  const { year: param = '' } = useParams();
  const { t } = useI18n();
  const year = /^\d{4}$/.test(param) ? Number(param) : NaN;
  const valid = year >= 2000 && year <= 2100;
  const { data, error, reload } = useApiQuery(calendarQueries.year(year), (signal) => calendarApi.year(year, signal), valid);
  usePageTitle(valid ? String(year) : undefined);
  if (!valid) return <NotFound />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data || data.year !== year) return <PageLoading />;
  return (
    <div data-testid="work-calendar-year-page">
      <PageHeader title={t('calendar.yearTitle', { year })} />
      {/* A save reloads the year: the editor starts again from what the server stored. */}
      <CalendarYearEditor key={`${data.year}:${data.loadedAt ?? ''}`} data={data} />
    </div>
  );
}
