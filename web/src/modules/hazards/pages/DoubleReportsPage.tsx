import { Card, Tabs } from 'antd';
import { useAuth, useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { CongressReports } from '../components/CongressReports';
import { ReportSubmissionStatus } from '../components/ReportSubmissionStatus';
import { ReportWorkspace } from '../components/ReportWorkspace';

/**
 * R-HAZ-5 双报告. Managers and the principal prepare, sign and submit the period's report; every employee reads the
 * submitted ones (the workers' congress view); regulators see who in scope has submitted.
 */
export function DoubleReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { can } = useAuth();
  const enterpriseId = me.scope.enterpriseId;
  if (!enterpriseId) {
    return (
      <div data-testid="hazard-reports-page">
        <PageHeader title={t('nav.hazardReportsReceived')} sub={me.scope.name} />
        <Card><ReportSubmissionStatus /></Card>
      </div>
    );
  }
  const prepares = can('hazard.manage') || can('risk.report.confirm');
  return (
    <div data-testid="hazard-reports-page">
      <PageHeader title={t('nav.hazardReports')} sub={me.scope.name} />
      {prepares ? (
        <Card styles={{ body: { paddingTop: 8 } }}>
          <Tabs
            destroyOnHidden
            items={[
              { key: 'prepare', label: t('doubleReport.tabPrepare'), children: <ReportWorkspace enterpriseId={enterpriseId} /> },
              { key: 'congress', label: t('doubleReport.tabCongress'), children: <CongressReports enterpriseId={enterpriseId} /> },
            ]}
          />
        </Card>
      ) : <Card title={t('doubleReport.tabCongress')}><CongressReports enterpriseId={enterpriseId} /></Card>}
    </div>
  );
}
