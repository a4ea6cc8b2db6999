import { App, Button, Descriptions, Drawer, Grid, List, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { certificatesApi, certificateQueries } from '../api/certificates.api';
import { CertificateStateTag } from './CertificateStateTag';
import { ReviewDrawer } from './ReviewDrawer';

/** One certificate: holder, type, dates and state, the scan, the reviews and renewals; the managers' actions. */
export function CertificateView({ enterpriseId, id, onClose }: { enterpriseId: string; id: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const { data: c, error, reload } = useApiQuery(['certificates', enterpriseId, 'detail', id], (signal) => certificatesApi.get(enterpriseId, id, signal));
  const [reviewing, setReviewing] = useState(false);
  const patch = useApiMutation((body: { status?: 'revoked'; extendedReview?: boolean }) => certificatesApi.update(enterpriseId, id, { ...body, version: c!.version }),
    { invalidates: certificateQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); } });
  return (
    <Drawer
      open onClose={onClose} width={screens.md ? 600 : '100%'} title={c ? `${c.employeeName} · ${c.typeName}` : ''} data-testid="certificate-view"
      extra={c && (
        <Space wrap>
          {c.abilities.canReview && <Button type="primary" onClick={() => setReviewing(true)} data-testid="certificate-review">{t('certificates.review')}</Button>}
          {c.abilities.canEdit && c.mayExtendReview && !c.extendedReview && c.state !== 'revoked' && (
            <Button onClick={() => void patch.run({ extendedReview: true })}>{t('certificates.extend')}</Button>
          )}
          {c.abilities.canEdit && c.state !== 'revoked' && (
            <Popconfirm title={t('certificates.revokeConfirm')} onConfirm={() => patch.run({ status: 'revoked' })}>
              <Button danger>{t('certificates.revoke')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    >
      {error ? <ErrorState error={error} onRetry={reload} /> : !c ? <Skeleton active /> : (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('certificates.field.state')}><CertificateStateTag state={c.state} /></Descriptions.Item>
            <Descriptions.Item label={t('certificates.field.kind')}>{t(`certificates.kind.${c.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('certificates.field.number')}>{c.number}</Descriptions.Item>
            <Descriptions.Item label={t('certificates.field.issuer')}>{c.issuer || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('certificates.field.unit')}>{c.orgUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('certificates.field.issuedOn')}>{c.issuedOn}</Descriptions.Item>
            <Descriptions.Item label={t('certificates.field.validUntil')}>{c.validUntil}</Descriptions.Item>
            <Descriptions.Item label={t('certificates.field.nextReviewOn')}>{c.nextReviewOn ?? '—'}</Descriptions.Item>
            {c.kind === 'special_operation' && <Descriptions.Item label={t('certificates.field.compliantSince')}>{c.compliantSince}</Descriptions.Item>}
            {c.note && <Descriptions.Item label={t('certificates.field.note')}>{c.note}</Descriptions.Item>}
          </Descriptions>
          {c.attachmentId && <Typography.Text type="secondary">{t('certificates.field.scan')} ✓</Typography.Text>}
          <div>
            <Typography.Title level={5}>{t('certificates.review.history')}</Typography.Title>
            <List
              size="small" dataSource={c.reviews} locale={{ emptyText: '—' }}
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${r.reviewedOn} · ${t(`certificates.review.${r.kind}`)} · ${t(r.result === 'pass' ? 'certificates.review.pass' : 'certificates.review.fail')}`}
                    description={[r.number, `${t('certificates.field.validUntil')} ${r.validUntil}`, r.nextReviewOn ? `${t('certificates.field.nextReviewOn')} ${r.nextReviewOn}` : '', r.note, r.recordedByName]
                      .filter(Boolean).join(' · ')}
                  />
                </List.Item>
              )}
            />
          </div>
        </Space>
      )}
      {reviewing && c && <ReviewDrawer enterpriseId={enterpriseId} certificate={c} onClose={() => setReviewing(false)} />}
    </Drawer>
  );
}
