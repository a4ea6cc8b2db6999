import { Tabs, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { drillsApi } from '../api/drills.api';
import { DrillList } from '../components/DrillList';
import { DrillPlanView } from '../components/DrillPlanView';

/** 应急演练: the year's drill plan (R-EMG-2) and the enterprise's drill records (`?tab=list`; `&record=1` opens the recorder). */
export function DrillsPage() {
  const { enterpriseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t } = useI18n();
  const tab = params.get('tab') === 'list' ? 'list' : 'plan';
  const record = params.get('record') === '1';
  const { data } = useApiQuery(['drill-plan', enterpriseId, 'current'], (signal) => drillsApi.plan(enterpriseId, undefined, signal));
  return (
    <div data-testid="drills-page">
      <PageHeader title={t('drills.title')} />
      <Typography.Paragraph type="secondary">{t('drill.hint')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'list' ? { tab: 'list' } : {})}
        items={[
          { key: 'plan', label: t('drill.tab.plan'), children: <DrillPlanView enterpriseId={enterpriseId} /> },
          { key: 'list', label: t('drill.tab.list'), children: <DrillList enterpriseId={enterpriseId} plans={data?.plans ?? []} record={record} /> },
        ]}
      />
    </div>
  );
}
