import { App, DatePicker, Form, Input, Radio, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { investmentApi, type FeeAudit } from '../api/investment.api';

type Values = { kind: 'internal' | 'external'; auditedOn: Dayjs; auditor: string; findings?: string; rectification?: string; rectified?: boolean };

/** An internal or external audit of the safety fee: date, auditor, findings and rectification. */
export function AuditDrawer({ enterpriseId, year, audit, onClose }: { enterpriseId: string; year: number; audit: FeeAudit | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => {
    const body = {
      kind: v.kind, auditedOn: v.auditedOn.format('YYYY-MM-DD'), auditor: v.auditor, findings: v.findings ?? '', rectification: v.rectification ?? '', rectified: !!v.rectified,
    };
    return audit ? investmentApi.editAudit(enterpriseId, audit.id, { ...body, version: audit.version }) : investmentApi.createAudit(enterpriseId, { ...body, year });
  }, { invalidates: [['investment', enterpriseId, 'audits']], onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values> title={t(audit ? 'investment.audits.edit' : 'investment.audits.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose}
      testId="investment-audit-drawer" initialValues={audit ? { ...audit, auditedOn: dayjs(audit.auditedOn) } : { kind: 'internal', auditedOn: dayjs(), rectified: false }}>
      <Form.Item name="kind" label={t('investment.audits.kind')} rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'internal', label: t('investment.audits.internal') }, { value: 'external', label: t('investment.audits.external') }]} />
      </Form.Item>
      <Form.Item name="auditedOn" label={t('investment.audits.date')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      <Form.Item name="auditor" label={t('investment.audits.auditor')} rules={[{ required: true, max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="findings" label={t('investment.audits.findings')} rules={[{ max: 4000 }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      <Form.Item name="rectification" label={t('investment.audits.rectification')} rules={[{ max: 4000 }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      <Form.Item name="rectified" label={t('investment.audits.rectified')} valuePropName="checked"><Switch /></Form.Item>
    </FormDrawer>
  );
}
