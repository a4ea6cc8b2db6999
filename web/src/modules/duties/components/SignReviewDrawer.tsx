import { Alert, App, Descriptions } from 'antd';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { dutiesApi, dutyQueries, type Review } from '../api/duties.api';

/**
 * The principal signs the yearly review (the platform's e-signature): by hand on the pad, on a phone too, or with his
 * password; it is then locked and the year's review duty is done.
 */
export function SignReviewDrawer({ enterpriseId, review, onClose }: { enterpriseId: string; review: Review; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sign = useApiMutation((v: SignOutcome) => dutiesApi.signReview(enterpriseId, review.id, v), {
    invalidates: [dutyQueries(enterpriseId).reviews, ['obligations']],
    onSuccess: () => { void message.success(t('dutyReview.signedDone')); onClose(); },
  });
  return (
    <SignDialog
      enterpriseId={enterpriseId}
      mode="self"
      title={t('dutyReview.signTitle', { year: review.year })}
      onSign={sign.run}
      onClose={onClose}
      intro={(
        <div data-testid="duty-review-sign">
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('dutyReview.reviewer')}>{review.reviewerName}</Descriptions.Item>
            <Descriptions.Item label={t('dutyReview.reviewedOn')}>{formatDate(review.reviewedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('dutyReview.changed')}>{review.changed ? t('dutyReview.changedYes') : t('dutyReview.changedNo')}</Descriptions.Item>
            {review.reason && <Descriptions.Item label={review.changed ? t('dutyReview.whatChanged') : t('dutyReview.whyNot')}>{review.reason}</Descriptions.Item>}
            {review.versions.length > 0 && (
              <Descriptions.Item label={t('dutyReview.versions')}>
                {review.versions.map((v) => t('dutyReview.versionOption', { name: v.listName, version: v.version })).join(t('dutyReview.listSep'))}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Alert type="info" showIcon message={t('dutyReview.signHint')} />
        </div>
      )}
    />
  );
}
