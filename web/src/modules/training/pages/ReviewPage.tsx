import { Alert, App, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { districtNow, formatDateTime } from '../../../app/format';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { trainingApi, trainingQueries } from '../api/training.api';
import { PlanReportView } from '../components/PlanReportView';
import { useI18n } from '../../../app/i18n';

/**
 * R-RESP-5: the principal's quarterly check of the training plan, on a phone or a desk: the quarter's plan-versus-actual
 * generated from the data, his comments, and his own signature, which fulfils the ten-ones item.
 */
export function ReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const now = districtNow();
  const thisYear = now.year();
  const thisQuarter = Math.floor(now.month() / 3) + 1;
  const quarters = [0, 1, 2, 3].map((back) => {
    const index = thisYear * 4 + thisQuarter - 1 - back;
    return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
  });
  const [pick, setPick] = useState(0);
  const { year, quarter } = quarters[pick]!;
  const report = useApiQuery(['training', enterpriseId, 'report', year, quarter], (signal) => trainingApi.report(enterpriseId, year, quarter, signal));
  const reviews = useApiQuery(['training', enterpriseId, 'reviews', year], (signal) => trainingApi.reviews(enterpriseId, year, signal));
  const signed = reviews.data?.items.find((r) => r.quarter === quarter);
  const [comments, setComments] = useState('');
  const [signing, setSigning] = useState(false);
  const sign = useApiMutation((v: SignOutcome) => trainingApi.signReview(enterpriseId, { year, quarter, comments, ...v }), {
    invalidates: [...trainingQueries(enterpriseId), ['training', enterpriseId, 'reviews']],
    onSuccess: () => { void message.success(t('training.review.signedOk')); setSigning(false); void navigate('/training'); },
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="training-review-page">
      <PageHeader title={t('training.review.title')} />
      <Typography.Paragraph type="secondary">{t('training.review.hint')}</Typography.Paragraph>
      <Select value={pick} onChange={setPick} style={{ width: 220 }} options={quarters.map((q, i) => ({ value: i, label: t('training.review.quarter', q) }))} />
      {report.data && <PlanReportView r={report.data} />}
      {signed ? (
        <Alert type="success" showIcon message={t('training.review.signed', { name: signed.signedByName ?? '', at: formatDateTime(signed.signedAt) })} description={signed.comments} />
      ) : reviews.data?.abilities.canSign && (
        <Form layout="vertical">
          <Form.Item label={t('training.review.comments')} required>
            <Input.TextArea rows={4} maxLength={2000} value={comments} onChange={(e) => setComments(e.target.value)} data-testid="review-comments" />
          </Form.Item>
          <Button type="primary" block disabled={!comments.trim()} onClick={() => setSigning(true)} data-testid="review-sign">{t('training.review.sign')}</Button>
        </Form>
      )}
      {signing && (
        <SignDialog enterpriseId={enterpriseId} mode="self" title={t('training.review.sign')} onSign={sign.run} onClose={() => setSigning(false)}
          intro={<Typography.Paragraph>{comments}</Typography.Paragraph>} />
      )}
    </Space>
  );
}
