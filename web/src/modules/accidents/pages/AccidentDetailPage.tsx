import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { accidentsApi } from '../api/accidents.api';
import { AccidentView } from '../components/AccidentView';

/** One accident report in its enterprise: figures, flags, recipients, the history; report up and supplement here. */
export function AccidentDetailPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const { t } = useI18n();
  const { data, error, reload } = useApiQuery(['accidents', enterpriseId, 'detail', id], (signal) => accidentsApi.get(enterpriseId, id, signal));
  return (
    <div data-testid="accident-detail-page">
      <PageHeader title={t('accidents.crumb.detail')} />
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <PageLoading /> : <AccidentView a={data} />}
    </div>
  );
}
