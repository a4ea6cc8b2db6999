import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { drillsApi, type Duty } from '../api/drills.api';
import { DutyTag } from './DrillTags';

/** One duty's line: the period, its status, its due day and the drill that fulfilled it. */
function DutyLine({ enterpriseId, label, duty }: { enterpriseId: string; label: string; duty: Duty }) {
  const { t } = useI18n();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap style={{ padding: '6px 0' }} data-testid="drill-duty" data-period={duty.periodKey}>
      <span>{label}</span>
      <Flex gap={8} align="center">
        <DutyTag status={duty.status} />
        {duty.dueOn && duty.status !== 'fulfilled' && duty.status !== 'late_fulfilled' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('drill.plan.due', { date: duty.dueOn })}</Typography.Text>
        )}
        {duty.drillId && <Link to={`/enterprises/${enterpriseId}/drills/${duty.drillId}`}>{t('drill.plan.viewDrill')}</Link>}
      </Flex>
    </Flex>
  );
}

/** 演练计划: this year's drill duties (R-EMG-2) and where each stands, per half-year and per on-site plan. */
export function DrillPlanView({ enterpriseId, year }: { enterpriseId: string; year?: number }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['drill-plan', enterpriseId, year ?? 'current'], (signal) => drillsApi.plan(enterpriseId, year, signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <PageLoading /> : null;
  const half = (d: Duty) => t(d.periodKey.endsWith('H1') ? 'drill.plan.h1' : 'drill.plan.h2');
  return (
    <Flex vertical gap={12} data-testid="drill-plan-view">
      {data.plans.length === 0 && <Alert type="warning" showIcon title={t('drill.plan.noPlans')} />}
      {data.canRecord && data.plans.length > 0 && (
        <Flex justify="flex-end"><Link to={`/enterprises/${enterpriseId}/drills?tab=list&record=1`}><Button type="primary" icon={<PlusOutlined />} data-testid="drill-plan-record">{t('drill.record')}</Button></Link></Flex>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('drill.year', { year: data.year })}>
            <DutyLine enterpriseId={enterpriseId} label={t('drill.plan.yearly')} duty={data.yearly} />
            <DutyLine enterpriseId={enterpriseId} label={t('drill.plan.principal')} duty={data.principal} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('drill.plan.halfYear')}>
            {data.halfYear.owed || data.halfYear.periods.some((p) => p.status !== 'none')
              ? data.halfYear.periods.map((p) => <DutyLine key={p.periodKey} enterpriseId={enterpriseId} label={half(p)} duty={p} />)
              : <Typography.Text type="secondary">{t('drill.plan.halfYearNotOwed')}</Typography.Text>}
            {data.halfYear.report && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('drill.plan.reportEach')}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('drill.plan.onsite')}>
        {data.onsite.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drill.plan.noOnsite')} /> : data.onsite.map((p) => (
          <div key={p.planId} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 4, marginBottom: 4 }}>
            <Typography.Text strong>{p.title}</Typography.Text>
            {p.periods.map((d) => <DutyLine key={d.periodKey} enterpriseId={enterpriseId} label={half(d)} duty={d} />)}
          </div>
        ))}
      </Card>
    </Flex>
  );
}
