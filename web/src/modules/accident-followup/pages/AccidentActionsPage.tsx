import { Card, Segmented } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { followupApi } from '../api/followup.api';
import { ActionList } from '../components/ActionList';

/** 事故整改措施: the accident actions of the enterprise (managers), or those the caller owns, reported done here. */
export function AccidentActionsPage() {
  const { enterpriseId = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === 'true';
  const { data, error, reload } = useApiQuery(['accident-actions', enterpriseId, mine], (signal) => followupApi.actions(enterpriseId, mine, signal));
  return (
    <div data-testid="accident-actions-page">
      <PageHeader title={t('accidentFollowup.actionsPage.title')} />
      <Card>
        <Segmented style={{ marginBottom: 12 }} value={mine ? 'mine' : 'all'} onChange={(v) => setParams(v === 'mine' ? { mine: 'true' } : {})}
          options={[{ value: 'mine', label: t('accidentFollowup.actionsPage.mine') }, { value: 'all', label: t('accidentFollowup.actionsPage.all') }]} />
        {error ? <ErrorState error={error} onRetry={reload} /> : <ActionList enterpriseId={enterpriseId} actions={data?.items ?? []} showAccident />}
      </Card>
    </div>
  );
}
