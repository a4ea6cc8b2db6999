import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MajorRisks } from '../components/MajorRisks';
import { OverviewEnterprises } from '../components/OverviewEnterprises';

/** Regulators: the enterprises in scope with their risk counts and warnings, and all grade-1 points (issue 3 §8). */
export function RiskOverviewPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'major' ? 'major' : 'enterprises';
  return (
    <div data-testid="risk-overview-page">
      <PageHeader title={t('risk.overview.title')} sub={me.scope.name} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'major' ? { tab: k } : {})}
          items={[
            { key: 'enterprises', label: t('risk.overview.tabEnterprises') },
            { key: 'major', label: <span data-testid="overview-tab-major">{t('risk.overview.tabMajor')}</span> },
          ]}
        />
        {tab === 'major' ? <MajorRisks key="major" /> : <OverviewEnterprises key="enterprises" />}
      </Card>
    </div>
  );
}
