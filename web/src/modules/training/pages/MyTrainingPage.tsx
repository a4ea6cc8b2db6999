import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useApiQuery } from '../../../app/useApi';
import { trainingApi } from '../api/training.api';
import { ArchiveSheet } from '../components/ArchiveSheet';

/** The signed-in person's own training record, on his phone. */
export function MyTrainingPage() {
  const q = useApiQuery(['training', 'me'], (signal) => trainingApi.myArchive(signal));
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  if (!q.data) return <PageLoading />;
  return <ArchiveSheet a={q.data} />;
}
