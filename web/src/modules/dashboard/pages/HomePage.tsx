import { Col, Row, Skeleton } from 'antd';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { enterpriseStatusColour } from '../../enterprises/components/EnterpriseStatusTag';
import { MonthDutiesCard } from '../../obligations/components/MonthDutiesCard';
import { loadHomeData } from '../api/dashboard.api';
import { CountChart } from '../components/CountChart';
import { StatCard } from '../components/StatCard';
import { WelcomeCard } from '../components/WelcomeCard';
import { RiskGradeCard } from '../components/RiskGradeCard';
import { DutyCoverageCard } from '../../duties/components/DutyCoverageCard';
import { Workbench } from '../components/Workbench';

/**
 * Per-role home: for an enterprise's people this month's duties first (issue 11 §7: the principal sees what he owes
 * before anything else), then who you are, what waits on you (the workbench), then counts from the lists you can see
 * and their breakdowns.
 */
export function HomePage() {
  const me = useMe();
  const { t, tx } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['home', me.id, me.role], (signal) => loadHomeData(me, signal));

  return (
    <div data-testid="home-page">
      <MonthDutiesCard />
      <WelcomeCard />
      <Workbench />
      {me.scope.enterpriseId && me.permissions.includes('risk.read') && <RiskGradeCard enterpriseId={me.scope.enterpriseId} />}
      {me.scope.enterpriseId && <DutyCoverageCard enterpriseId={me.scope.enterpriseId} />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {data.stats.map((s) => (
              <Col key={s.key} xs={12} md={8} xl={6}><StatCard stat={s} /></Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            {data.byStatus && (
              <Col xs={24} lg={12}>
                <CountChart
                  testId="chart-status"
                  title={t('home.byStatus')}
                  kind="pie"
                  data={data.byStatus.map((s) => ({ name: tx(`enterpriseStatus.${s.key}`, s.key), value: s.value, colour: enterpriseStatusColour(s.key) }))}
                />
              </Col>
            )}
            {data.bySubdistrict && data.bySubdistrict.length > 0 && (
              <Col xs={24} lg={12}>
                <CountChart testId="chart-subdistrict" title={t('home.bySubdistrict')} kind="bar" data={data.bySubdistrict} />
              </Col>
            )}
            {data.byEmploymentForm && (
              <Col xs={24} lg={12}>
                <CountChart
                  testId="chart-employment"
                  title={t('home.byEmploymentForm')}
                  kind="pie"
                  data={data.byEmploymentForm.map((s) => ({ name: tx(`employmentForm.${s.key}`, s.key), value: s.value }))}
                />
              </Col>
            )}
          </Row>
        </>
      )}
    </div>
  );
}
