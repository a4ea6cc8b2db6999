import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { followupApi, followupQueries, type Action } from '../api/followup.api';

type Values = { kind: Action['kind']; content: string; ownerEmployeeId: string; dueOn: Dayjs };

/** A corrective or preventive action with its owner (an employee of the enterprise) and due date. */
export function ActionDrawer({ enterpriseId, accidentId, onClose }: { enterpriseId: string; accidentId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const employees = useApiQuery(['accident-employees', enterpriseId], (signal) => followupApi.employees(enterpriseId, signal));
  const save = useApiMutation((v: Values) => followupApi.addAction(enterpriseId, accidentId, {
    kind: v.kind, content: v.content, ownerEmployeeId: v.ownerEmployeeId, dueOn: v.dueOn.format('YYYY-MM-DD'),
  }), { invalidates: followupQueries(enterpriseId) });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormDrawer<Values> title={t('accidentFollowup.addAction')} form={form} saving={save.saving} onClose={onClose} testId="action-drawer"
      onSubmit={async (v) => { await save.run(v); onClose(); }} initialValues={{ kind: 'corrective', content: '' }}>
      <Form.Item name="kind" label={t('accidentFollowup.actionKind')} rules={required}>
        <Select options={(['corrective', 'preventive'] as const).map((k) => ({ value: k, label: t(`accidentFollowup.actionKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="content" label={t('accidentFollowup.actionContent')} rules={required}><LimitedTextArea rows={3} max={1000} /></Form.Item>
      <Form.Item name="ownerEmployeeId" label={t('accidentFollowup.actionOwner')} rules={required}>
        <Select showSearch optionFilterProp="label" loading={employees.loading} options={(employees.data ?? []).map((e) => ({ value: e.id, label: e.name }))} />
      </Form.Item>
      <Form.Item name="dueOn" label={t('accidentFollowup.actionDue')} rules={required}><DatePicker style={{ width: '100%' }} /></Form.Item>
    </FormDrawer>
  );
}
