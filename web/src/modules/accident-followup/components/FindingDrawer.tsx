import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { districtNow } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { followupApi, followupQueries, type FindingKind } from '../api/followup.api';

type Values = { kind: FindingKind; description: string; foundOn: Dayjs };

/** R-ACC-2: a regulator finds the accident was reported with items left out, untruly, or hidden. */
export function FindingDrawer({ enterpriseId, accidentId, onClose }: { enterpriseId: string; accidentId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => followupApi.addFinding(enterpriseId, accidentId, {
    kind: v.kind, description: v.description, foundOn: v.foundOn.format('YYYY-MM-DD'),
  }), { invalidates: [...followupQueries(enterpriseId), ['accident-findings']] });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormDrawer<Values> title={t('accidentFollowup.addFinding')} form={form} saving={save.saving} onClose={onClose} testId="finding-drawer"
      onSubmit={async (v) => { await save.run(v); onClose(); }} initialValues={{ kind: 'omitted', description: '', foundOn: districtNow() }}>
      <Form.Item name="kind" label={t('accidentFollowup.findingKind')} rules={required}>
        <Select options={(['omitted', 'false', 'concealed'] as const).map((k) => ({ value: k, label: t(`accidentFollowup.findingKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('accidentFollowup.findingDescription')} rules={required}><LimitedTextArea rows={4} max={4000} /></Form.Item>
      <Form.Item name="foundOn" label={t('accidentFollowup.foundOn')} rules={required}><DatePicker style={{ width: '100%' }} /></Form.Item>
    </FormDrawer>
  );
}
