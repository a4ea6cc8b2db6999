import { Card, Col, Empty, Flex, Pagination, Row, Segmented, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { SAFETY_TEXT } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { checksApi } from '../api/checks.api';
import { hazardsApi } from '../api/hazards.api';
import { CheckTaskCard } from './CheckTaskCard';
import { CongressReports } from './CongressReports';
import { HazardLedger } from './HazardLedger';
import { MAJOR_TABS } from './hazard-tabs';

/**
 * The hazard module's tabs of a regulator's enterprise file (issue 10 §2): the enterprise's hazard ledger, its major
 * hazards, its check completion this month and its submitted double reports — what the regulator reads, in place.
 * Lists keep their state in the tab (the file's own `?tab=` stays in the address).
 */
const REGULATOR_TABS = ['all', 'overdue', 'major', 'submitted'] as const;

export function EnterpriseHazardsTab({ enterpriseId }: { enterpriseId: string }) {
  return <HazardLedger enterpriseId={enterpriseId} sync="local" tabs={REGULATOR_TABS} load={(q, signal) => hazardsApi.list(enterpriseId, q, signal)} />;
}

export function EnterpriseMajorTab({ enterpriseId }: { enterpriseId: string }) {
  return <HazardLedger enterpriseId={enterpriseId} sync="local" tabs={MAJOR_TABS} oneLevel load={(q, signal) => hazardsApi.list(enterpriseId, q, signal)} />;
}

export function EnterpriseReportsTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('enterpriseFile.reportsHint')}</Typography.Text>
      <CongressReports enterpriseId={enterpriseId} />
    </Flex>
  );
}

/** Check completion: this month's done, missed and open tasks, the completion rate, and the tasks of one state. */
export function EnterpriseChecksTab({ enterpriseId, monthStart }: { enterpriseId: string; monthStart: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'missed' | 'done' | 'open'>('missed');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApiQuery(['check-tasks', enterpriseId, 'file', status, monthStart, page],
    (signal) => checksApi.tasks(enterpriseId, { since: monthStart, status, page, pageSize: 10 }, signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Skeleton active /> : null;
  const { done, missed, open } = data.counts;
  const finished = done + missed;
  return (
    <Flex vertical gap={12} data-testid="enterprise-checks-tab">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('enterpriseFile.checkRate')} value={finished ? Math.round((done / finished) * 1000) / 10 : '—'} suffix={finished ? '%' : undefined} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('checkTab.done')} value={done} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('checkTab.missed')} value={missed} styles={{ content: missed ? { color: SAFETY_TEXT.red } : undefined }} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('checkTab.open')} value={open} /></Card></Col>
      </Row>
      <Typography.Text type="secondary">{t('enterpriseFile.checkRateHint', { since: monthStart })}</Typography.Text>
      <Segmented
        value={status}
        onChange={(v) => { setStatus(v as typeof status); setPage(1); }}
        options={(['missed', 'done', 'open'] as const).map((k) => ({ value: k, label: t(`checkTab.${k}`) }))}
      />
      {data.items.length === 0 ? <Empty description={t('enterpriseFile.noTasks')} /> : (
        <Flex vertical gap={8}>
          {data.items.map((task) => <CheckTaskCard key={task.id} enterpriseId={enterpriseId} task={task} />)}
          {data.total > 10 && (
            <Flex justify="center"><Pagination simple current={page} pageSize={10} total={data.total} onChange={setPage} /></Flex>
          )}
        </Flex>
      )}
    </Flex>
  );
}
