import { useEffect } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { accidentsApi } from '../api/accidents.api';
import { AccidentView } from '../components/AccidentView';

/** A received accident report, marked read when opened; the district records the upward forward here. */
export function InboxDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data, error, reload } = useApiQuery(['accidents', 'inbox', 'detail', id], (signal) => accidentsApi.inboxItem(id, signal));
  const read = useApiMutation(() => accidentsApi.markRead(id), { invalidates: [['accidents', 'inbox', 'list']] });
  const { run } = read;
  const loadedId = data?.id;
  useEffect(() => { if (loadedId) void run(undefined).catch(() => undefined); }, [loadedId, run]);
  return (
    <div data-testid="inbox-detail-page">
      <PageHeader title={t('accidents.crumb.detail')} />
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <PageLoading /> : <AccidentView a={data} inbox />}
    </div>
  );
}
