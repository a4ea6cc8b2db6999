import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { certificatesApi, certificateQueries, type CertificateDetail } from '../api/certificates.api';

type Values = { kind: 'review' | 'renewal'; reviewedOn: Dayjs; result: 'pass' | 'fail'; validUntil?: Dayjs | null; number: string; note: string };

/** Records a review (复审) or a renewal (延期换证): it fulfils the duty and moves the dates; a failure voids the certificate. */
export function ReviewDrawer({ enterpriseId, certificate, onClose }: { enterpriseId: string; certificate: CertificateDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const save = useApiMutation((v: Values) => certificatesApi.review(enterpriseId, certificate.id, {
    kind: v.kind, reviewedOn: v.reviewedOn.format('YYYY-MM-DD'), result: v.result, validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : undefined,
    number: v.number?.trim() ?? '', note: v.note ?? '', version: certificate.version,
  }), { invalidates: certificateQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values>
      title={`${t('certificates.review')} · ${certificate.employeeName} ${certificate.typeName}`} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose}
      testId="certificate-review-drawer" initialValues={{ kind: certificate.nextReviewOn ? 'review' : 'renewal', reviewedOn: dayjs(), result: 'pass' }}
    >
      <Form.Item name="kind" label={t('certificates.review.kind')}>
        <Radio.Group options={[
          ...(certificate.nextReviewOn ? [{ value: 'review', label: t('certificates.review.review') }] : []), { value: 'renewal', label: t('certificates.review.renewal') },
        ]} />
      </Form.Item>
      <Form.Item name="reviewedOn" label={t('certificates.review.date')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="result" label={t('certificates.review.result')}>
        <Radio.Group options={[{ value: 'pass', label: t('certificates.review.pass') }, { value: 'fail', label: t('certificates.review.fail') }]} />
      </Form.Item>
      {kind === 'renewal' && (
        <>
          <Form.Item name="validUntil" label={t('certificates.field.validUntil')}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
          <Form.Item name="number" label={t('certificates.review.newNumber')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('certificates.field.note')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
    </FormDrawer>
  );
}
