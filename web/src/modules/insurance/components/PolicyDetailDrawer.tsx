import { App, Button, Descriptions, Drawer, Popconfirm, Spin, Table, Tag, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useIsMobile } from '../../../app/responsive';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { insuranceApi, insuranceQueries } from '../api/insurance.api';
import { ComplianceCard } from './ComplianceCard';

/**
 * One safety-liability policy as the enterprise (or its regulator) sees it: its terms, the insured people with their
 * cover, the check against today's roster, and — for the principal or a safety manager, while it is pending — the
 * confirmation, after which it never changes.
 */
export function PolicyDetailDrawer({ enterpriseId, policyId, onClose }: { enterpriseId: string; policyId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const showError = useShowError();
  const q = useApiQuery(['insurance', 'enterprise-policy', enterpriseId, policyId], (signal) => insuranceApi.enterprisePolicy(enterpriseId, policyId!, signal), !!policyId);
  const p = q.data;
  const confirm = useApiMutation(() => insuranceApi.confirm(enterpriseId, p!.id, p!.version), {
    invalidates: insuranceQueries, onSuccess: () => { void message.success(t('insurance.confirmed')); },
  });
  return (
    <Drawer open={!!policyId} onClose={onClose} width={isMobile ? '100%' : 720} title={p ? `${p.institutionName} ${p.policyNumber}` : ''}
      extra={p?.abilities.canConfirm && (
        <Popconfirm title={t('insurance.confirm.sure')} onConfirm={() => confirm.run(undefined).catch((e: unknown) => showError(e, { onConflict: () => { void q.reload(); } }))}>
          <Button type="primary" loading={confirm.saving} data-testid="policy-confirm">{t('insurance.confirm')}</Button>
        </Popconfirm>
      )}>
      {q.error ? <ErrorState error={q.error} onRetry={q.reload} /> : !p ? <Spin /> : (
        <div data-testid="policy-detail">
          <Descriptions size="small" column={isMobile ? 1 : 2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('insurance.field.insurer')}>{p.institutionName}</Descriptions.Item>
            <Descriptions.Item label={t('insurance.field.status')}>
              <Tag color={MEANING_TAG[p.status === 'confirmed' ? 'done' : 'warning']}>{t(`insurance.status.${p.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('insurance.field.period')}>{p.startsOn} ~ {p.endsOn}</Descriptions.Item>
            <Descriptions.Item label={t('insurance.field.premium')}>{p.premium}（{t(`insurance.paidBy.${p.premiumPaidBy}`)}）</Descriptions.Item>
            {p.confirmedAt && (
              <Descriptions.Item label={t('insurance.field.confirmedBy')}>{p.confirmedByName ?? '—'} {formatDateTime(p.confirmedAt)}</Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5}>{t('insurance.field.check')}</Typography.Title>
          <ComplianceCard check={p.check} testId="policy-check" />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('insurance.field.people')}（{t('insurance.people.count', { n: p.people.length })}）</Typography.Title>
          <Table rowKey="employeeId" size="small" dataSource={p.people} pagination={{ pageSize: 50, simple: isMobile }} scroll={{ x: 'max-content' }}
            columns={[
              { key: 'name', dataIndex: 'name', title: t('insurance.field.name') },
              { key: 'form', title: t('insurance.field.form'), render: (_: unknown, r) => t(`insurance.form.${r.employmentForm}`) },
              { key: 'cover', dataIndex: 'cover', title: t('insurance.field.cover'), align: 'right' },
            ]} />
        </div>
      )}
    </Drawer>
  );
}
