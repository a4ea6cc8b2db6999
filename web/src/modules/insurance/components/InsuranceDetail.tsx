import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Spin, Table, Tag } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { insuranceApi } from '../api/insurance.api';
import { ComplianceCard } from './ComplianceCard';
import { PolicyDetailDrawer } from './PolicyDetailDrawer';
import { WorkInjuryCard } from './WorkInjuryCard';

/**
 * An enterprise's insurance (R-INS-1): whether 安责险 is mandatory, the current policy and its check, every policy (those
 * waiting for confirmation first), and the work-injury coverage. The enterprise's page and a regulator's enterprise
 * file show the same; what a reader may do comes from the abilities.
 */
export function InsuranceDetail({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState<string | null>(null);
  const q = useApiQuery(['insurance', 'overview', enterpriseId], (signal) => insuranceApi.overview(enterpriseId, signal), !!enterpriseId);
  const o = q.data;
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  if (!o) return <Spin />;
  const pending = o.policies.filter((p) => p.status === 'pending');
  return (
    <div data-testid="insurance-detail">
      <Alert type={o.mandatory ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} message={t(o.mandatory ? 'insurance.page.mandatory' : 'insurance.page.optional')} />
      {pending.length > 0 && o.abilities.canConfirm && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('insurance.pendingCount', { n: pending.length })}
          action={<Button size="small" type="primary" onClick={() => setOpen(pending[0]!.id)} data-testid="insurance-open-pending">{t('insurance.detail')}</Button>} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('insurance.current.title')} data-testid="insurance-current">
            {o.current ? (
              <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('insurance.field.insurer')}>{o.current.institutionName}</Descriptions.Item>
                <Descriptions.Item label={t('insurance.field.policyNumber')}>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(o.current!.id)}>{o.current.policyNumber}</Button>
                </Descriptions.Item>
                <Descriptions.Item label={t('insurance.field.period')}>{o.current.startsOn} ~ {o.current.endsOn}</Descriptions.Item>
                <Descriptions.Item label={t('insurance.field.people')}>{t('insurance.people.count', { n: o.current.people })}</Descriptions.Item>
              </Descriptions>
            ) : <Alert type={o.mandatory ? 'error' : 'info'} message={t('insurance.current.none')} style={{ marginBottom: 12 }} />}
            {(o.current || o.mandatory) && <ComplianceCard check={o.compliance} testId="insurance-compliance" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}><WorkInjuryCard overview={o} /></Col>
        <Col xs={24}>
          <Card size="small" title={t('insurance.list.title')}>
            <Table rowKey="id" size="small" dataSource={[...pending, ...o.policies.filter((p) => p.status !== 'pending')]} pagination={false} scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('insurance.list.empty') }} data-testid="insurance-policies"
              columns={[
                { key: 'number', title: t('insurance.field.policyNumber'), render: (_: unknown, r) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>{r.policyNumber}</Button> },
                { key: 'insurer', dataIndex: 'institutionName', title: t('insurance.field.insurer'), responsive: isMobile ? ['md'] : undefined },
                { key: 'period', title: t('insurance.field.period'), render: (_: unknown, r) => `${r.startsOn} ~ ${r.endsOn}` },
                { key: 'people', title: t('insurance.field.people'), render: (_: unknown, r) => t('insurance.people.count', { n: r.people }) },
                { key: 'status', title: t('insurance.field.status'), render: (_: unknown, r) => <Tag color={MEANING_TAG[r.status === 'confirmed' ? 'done' : 'warning']}>{t(`insurance.status.${r.status}`)}</Tag> },
              ]} />
          </Card>
        </Col>
      </Row>
      <PolicyDetailDrawer enterpriseId={enterpriseId} policyId={open} onClose={() => setOpen(null)} />
    </div>
  );
}
