import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useShowError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { dutiesApi, dutyQueries, type Review } from '../api/duties.api';
import { ReviewCreateDrawer } from '../components/ReviewCreateDrawer';
import { SignReviewDrawer } from '../components/SignReviewDrawer';

/**
 * 责任制梳理完善: the yearly review records. The safety manager (or the principal) records each review; it counts once
 * the principal has signed it, and is locked from then on.
 */
export function DutyReviewsPage() {
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const { message } = App.useApp();
  const showError = useShowError();
  const [creating, setCreating] = useState(false);
  const [signing, setSigning] = useState<Review | null>(null);
  const { data, error, loading, reload } = useApiQuery(['duties', enterpriseId, 'reviews'], (signal) => dutiesApi.reviews(enterpriseId, signal));
  const remove = useApiMutation((id: string) => dutiesApi.deleteReview(enterpriseId, id), {
    invalidates: [dutyQueries(enterpriseId).reviews],
    onSuccess: () => { void message.success(t('common.deleted')); },
  });
  return (
    <div data-testid="duty-reviews-page">
      <PageHeader
        title={t('nav.dutyReviews')}
        sub={t('dutyReview.hint')}
        extra={data?.canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="duty-review-create-button">{t('dutyReview.create')}</Button>}
      />
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Skeleton active />}
      {data && (
        <Card>
          {data.items.length === 0 ? <Empty description={t('dutyReview.empty')} /> : (
            <List<Review>
              dataSource={data.items}
              renderItem={(r) => (
                <List.Item
                  data-testid="duty-review-item"
                  actions={[
                    ...(r.abilities.canSign ? [<Button key="sign" type="primary" icon={<EditOutlined />} onClick={() => setSigning(r)} data-testid="duty-review-sign-button">{t('dutyReview.sign')}</Button>] : []),
                    ...(r.abilities.canDelete ? [(
                      <Popconfirm key="delete" title={t('dutyReview.deleteConfirm')} onConfirm={() => remove.run(r.id).catch(showError)}>
                        <Button danger icon={<DeleteOutlined />} loading={remove.saving && remove.input === r.id} aria-label={t('common.delete')} />
                      </Popconfirm>
                    )] : []),
                  ]}
                >
                  <List.Item.Meta
                    title={(
                      <Flex gap={8} wrap align="center">
                        <span>{t('dutyReview.itemTitle', { year: r.year, date: formatDate(r.reviewedOn) })}</span>
                        {r.signed
                          ? <Tag color={MEANING_TAG.done}>{t('dutyReview.signedBy', { name: r.signedByName ?? '', at: formatDateTime(r.signedAt) })}</Tag>
                          : <Tag color={MEANING_TAG.warning}>{t('dutyReview.awaitingSignature')}</Tag>}
                      </Flex>
                    )}
                    description={(
                      <>
                        <div>{t('dutyReview.reviewer')}：{r.reviewerName} · {r.changed ? t('dutyReview.changedYes') : t('dutyReview.changedNo')}</div>
                        {r.reason && <div>{r.changed ? t('dutyReview.whatChanged') : t('dutyReview.whyNot')}：{r.reason}</div>}
                        {r.versions.length > 0 && (
                          <Typography.Text type="secondary">
                            {t('dutyReview.versions')}：{r.versions.map((v) => t('dutyReview.versionOption', { name: v.listName, version: v.version })).join(t('dutyReview.listSep'))}
                          </Typography.Text>
                        )}
                      </>
                    )}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      {creating && <ReviewCreateDrawer enterpriseId={enterpriseId} onClose={() => setCreating(false)} />}
      {signing && <SignReviewDrawer enterpriseId={enterpriseId} review={signing} onClose={() => setSigning(null)} />}
    </div>
  );
}
