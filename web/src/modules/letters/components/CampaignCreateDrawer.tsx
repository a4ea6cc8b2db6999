import { App, DatePicker, Form, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { LETTER_KINDS, letterQueries, lettersApi, type CampaignDetail, type LetterKind } from '../api/letters.api';

type Values = { year: number; kind: LetterKind; startsOn: Dayjs };

/** 发起年度签订: the year, the kind of letter and the start date whose roster signs. */
export function CampaignCreateDrawer({ enterpriseId, onCreated, onClose }: { enterpriseId: string; onCreated: (c: CampaignDetail) => void; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation((v: Values) => lettersApi.create(enterpriseId, { year: v.year, kind: v.kind, startsOn: v.startsOn.format('YYYY-MM-DD') }), {
    invalidates: letterQueries(enterpriseId),
    onSuccess: (c) => { void message.success(t('letters.create.done')); onCreated(c); },
  });
  const today = dayjs();
  return (
    <FormDrawer<Values>
      title={t('letters.create.title')} form={form} onSubmit={create.run} saving={create.saving} onClose={onClose} testId="campaign-create"
      initialValues={{ year: today.year(), kind: 'responsibility', startsOn: today }}
    >
      <Form.Item name="year" label={t('letters.field.year')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="kind" label={t('letters.field.kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={LETTER_KINDS.map((k) => ({ value: k, label: t(`letters.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('letters.field.startsOn')} extra={t('letters.field.startsOnHint')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} style={{ width: 200 }} />
      </Form.Item>
    </FormDrawer>
  );
}
