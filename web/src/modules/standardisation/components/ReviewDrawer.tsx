import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useApiMutation } from '../../../app/useApi';
import { standardisationApi, standardisationQueries } from '../api/standardisation.api';
import { useI18n } from '../../../app/i18n';

type Values = { reviewBody: string; reviewers: string; reviewedOn: Dayjs; passed: boolean; grade?: '1' | '2' | '3'; certificateNo: string; note: string };

/** R-STD-1: an external review as the review body decided it (recorded once, never changed). */
export function ReviewDrawer({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t: s } = useI18n();
  const [form] = Form.useForm<Values>();
  const passed = Form.useWatch('passed', form);
  const save = useApiMutation((v: Values) => standardisationApi.addReview(enterpriseId, {
    reviewBody: v.reviewBody, reviewers: v.reviewers ?? '', reviewedOn: v.reviewedOn.format('YYYY-MM-DD'), passed: v.passed,
    grade: v.passed ? v.grade ?? null : null, certificateNo: v.certificateNo ?? '', note: v.note ?? '',
  }), { invalidates: [...standardisationQueries(enterpriseId), ['standardisation', enterpriseId, 'reviews']], onSuccess: onClose });
  return (
    <FormDrawer<Values> title={s('std.review.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="std-review-drawer"
      initialValues={{ passed: true }}>
      <Form.Item name="reviewBody" label={s('std.review.body')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="reviewers" label={s('std.review.reviewers')}><Input maxLength={500} /></Form.Item>
      <Form.Item name="reviewedOn" label={s('std.review.date')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="passed" label={s('std.review.passed')}>
        <Radio.Group options={[{ value: true, label: s('std.review.pass') }, { value: false, label: s('std.review.fail') }]} />
      </Form.Item>
      {passed && (
        <Form.Item name="grade" label={s('std.review.grade')} rules={[{ required: true }]}>
          <Select options={(['1', '2', '3'] as const).map((g) => ({ value: g, label: s(`std.grade.${g}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="certificateNo" label={s('std.review.certificate')}><Input maxLength={100} /></Form.Item>
      <Form.Item name="note" label={s('std.review.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
    </FormDrawer>
  );
}
