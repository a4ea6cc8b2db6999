import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { staffingApi, staffingQueries, type Engagement } from '../api/staffing.api';

type Values = { institutionName: string; services?: string; contractNo?: string; startsOn: Dayjs; endsOn?: Dayjs | null };

/** Records an outsourced safety-management engagement: shown, never counted as the department or staff (R-TEAM-1). */
export function EngagementDrawer({ enterpriseId, engagement, onClose }: { enterpriseId: string; engagement: Engagement | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => {
    const body = {
      institutionName: v.institutionName, services: v.services ?? '', contractNo: v.contractNo ?? '',
      startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
    };
    return engagement ? staffingApi.editEngagement(enterpriseId, engagement.id, { ...body, version: engagement.version }) : staffingApi.addEngagement(enterpriseId, body);
  }, { invalidates: staffingQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values>
      title={t(engagement ? 'staffing.engagements.edit' : 'staffing.engagements.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose}
      testId="staffing-engagement-drawer" intro={<p>{t('staffing.engagements.hint')}</p>}
      initialValues={engagement ? { ...engagement, startsOn: dayjs(engagement.startsOn), endsOn: engagement.endsOn ? dayjs(engagement.endsOn) : null } : {}}
    >
      <Form.Item name="institutionName" label={t('staffing.field.institutionName')} rules={[{ required: true, max: 200 }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="services" label={t('staffing.field.services')} rules={[{ max: 500 }]}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
      <Form.Item name="contractNo" label={t('staffing.field.contractNo')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="startsOn" label={t('staffing.field.startsOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      <Form.Item name="endsOn" label={t('staffing.field.endsOn')}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
    </FormDrawer>
  );
}
