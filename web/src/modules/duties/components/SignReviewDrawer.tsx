import { Alert, App, Descriptions, Form, Input } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { dutiesApi, dutyQueries, type Review } from '../api/duties.api';

type Values = { password: string };

/** The principal signs the yearly review with his password (the platform's e-signature); it is then locked. */
export function SignReviewDrawer({ enterpriseId, review, onClose }: { enterpriseId: string; review: Review; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const sign = useApiMutation((v: Values) => dutiesApi.signReview(enterpriseId, review.id, v.password), {
    invalidates: [dutyQueries(enterpriseId).reviews, ['obligations']],
    onSuccess: () => { void message.success(t('dutyReview.signedDone')); onClose(); },
  });
  return (
    <FormDrawer<Values>
      title={t('dutyReview.signTitle', { year: review.year })}
      form={form}
      onSubmit={sign.run}
      saving={sign.saving}
      onClose={onClose}
      okText={t('dutyReview.sign')}
      testId="duty-review-sign"
      intro={(
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
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
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('dutyReview.signHint')} />
        </>
      )}
    >
      <Form.Item name="password" label={t('dutyReview.password')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="duty-review-password" />
      </Form.Item>
    </FormDrawer>
  );
}
