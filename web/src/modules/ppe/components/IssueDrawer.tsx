import { App, DatePicker, Form, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { ppeApi, ppeQueries, type PpeSummary } from '../api/ppe.api';
import { useI18n } from '../../../app/i18n';

type Values = { employeeIds: string[]; item: string; quantity?: number | null; issuedOn: Dayjs; note?: string };

/**
 * A batch issue (the team leader on his phone): one item to several people, each a row awaiting his receipt. The
 * quantity and replacement cycle follow each person's post standard unless a quantity is given.
 */
export function IssueDrawer({ enterpriseId, summary, initial, onClose, onIssued }: {
  enterpriseId: string; summary: PpeSummary; initial?: { employeeIds?: string[]; item?: string }; onClose: () => void;
  /** After the issue: the board shows the receipts awaited, for the shared device. */
  onIssued?: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const people = useApiQuery(['ppe', enterpriseId, 'people'], (signal) => ppeApi.people(enterpriseId, signal));
  const save = useApiMutation((v: Values) => ppeApi.issue(enterpriseId, {
    employeeIds: v.employeeIds, item: v.item, quantity: v.quantity ?? undefined, issuedOn: v.issuedOn.format('YYYY-MM-DD'), note: v.note ?? '',
  }), { invalidates: ppeQueries(enterpriseId), onSuccess: (out) => { void message.success(t('ppe.issue.done', { n: out.items.length })); onClose(); onIssued?.(); } });
  return (
    <FormDrawer<Values> title={t('ppe.issue.title')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} okText={t('ppe.issue')} testId="ppe-issue-drawer"
      initialValues={{ employeeIds: initial?.employeeIds ?? [], item: initial?.item, issuedOn: dayjs(summary.today), note: '' }}>
      <Form.Item name="employeeIds" label={t('ppe.issue.people')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select mode="multiple" showSearch optionFilterProp="label" loading={!people.data} data-testid="ppe-issue-people"
          options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgUnitName}）` }))} />
      </Form.Item>
      <Form.Item name="item" label={t('ppe.issue.item')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select showSearch optionFilterProp="label" data-testid="ppe-issue-item"
          options={summary.catalogue.items.map((i) => ({ value: i.code, label: i.standard ? `${i.name}（${i.standard}）` : i.name }))} />
      </Form.Item>
      <Form.Item name="quantity" label={t('ppe.issue.quantity')} extra={t('ppe.issue.quantityHint')}>
        <InputNumber min={1} max={1000} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="issuedOn" label={t('ppe.issue.issuedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(summary.today), 'day')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="note" label={t('ppe.issue.note')}>
        <LimitedTextArea max={500} rows={2} />
      </Form.Item>
    </FormDrawer>
  );
}
