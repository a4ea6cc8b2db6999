import { App, Checkbox, DatePicker, Form, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useApiMutation } from '../../../app/useApi';
import { ppeApi, ppeQueries, type PpeIssue, type PpeSummary } from '../api/ppe.api';
import { useI18n } from '../../../app/i18n';

type Values = { reason: string; replace: boolean; item?: string; quantity?: number; issuedOn?: Dayjs };

/**
 * A correction (R-PPE-1: a signed row is never changed): the issue is voided with the reason, and the corrected issue
 * recorded in its place when asked; the person signs that one.
 */
export function VoidDrawer({ enterpriseId, summary, issue, onClose }: { enterpriseId: string; summary: PpeSummary; issue: PpeIssue; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const replace = Form.useWatch('replace', form);
  const save = useApiMutation((v: Values) => ppeApi.void(enterpriseId, issue.id, {
    reason: v.reason, version: issue.version,
    replacement: v.replace && v.item && v.quantity && v.issuedOn ? { item: v.item, quantity: v.quantity, issuedOn: v.issuedOn.format('YYYY-MM-DD'), note: '' } : null,
  }), { invalidates: ppeQueries(enterpriseId), onSuccess: () => { void message.success(t('ppe.void.done')); onClose(); } });
  return (
    <FormDrawer<Values> title={t('ppe.void.title')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} okText={t('ppe.void')} okDanger testId="ppe-void-drawer"
      intro={t('ppe.signFor.intro', { name: issue.employeeName, item: issue.itemName, quantity: issue.quantity, issuedOn: issue.issuedOn })}
      initialValues={{ reason: '', replace: false, item: issue.item, quantity: issue.quantity, issuedOn: dayjs(issue.issuedOn) }}>
      <Form.Item name="reason" label={t('ppe.void.reason')} rules={[{ required: true, min: 2, message: t('validation.required') }]}>
        <LimitedTextArea max={500} rows={2} data-testid="ppe-void-reason" />
      </Form.Item>
      <Form.Item name="replace" valuePropName="checked"><Checkbox>{t('ppe.void.replace')}</Checkbox></Form.Item>
      {replace && (
        <>
          <Form.Item name="item" label={t('ppe.issue.item')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select showSearch optionFilterProp="label" options={summary.catalogue.items.map((i) => ({ value: i.code, label: i.name }))} />
          </Form.Item>
          <Form.Item name="quantity" label={t('ppe.issue.quantity')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('ppe.issue.issuedOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(summary.today), 'day')} style={{ width: 180 }} />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
