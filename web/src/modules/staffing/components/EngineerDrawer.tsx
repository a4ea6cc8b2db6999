import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { useRemoteSearch } from '../../../app/useRemoteSearch';
import { employeesApi } from '../../employees/api/employees.api';
import { ENGINEER_SPECIALTIES, staffingApi, staffingQueries, type Engineer, type Specialty } from '../api/staffing.api';

type Values = { employeeId: string; certificateNo: string; specialty: Specialty; validUntil: Dayjs };

/** Registers a registered safety engineer (注册安全工程师) of the roster, or edits one: certificate, specialty, validity. */
export function EngineerDrawer({ enterpriseId, engineer, onClose }: { enterpriseId: string; engineer: Engineer | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const people = useRemoteSearch(async (q, signal) => (await employeesApi.list(enterpriseId, { q, status: 'active', pageSize: 50 }, signal)).items, `${enterpriseId}-engineers`);
  const save = useApiMutation((v: Values) => {
    const body = { certificateNo: v.certificateNo, specialty: v.specialty, validUntil: v.validUntil.format('YYYY-MM-DD') };
    return engineer ? staffingApi.editEngineer(enterpriseId, engineer.id, { ...body, version: engineer.version }) : staffingApi.addEngineer(enterpriseId, { ...body, employeeId: v.employeeId });
  }, { invalidates: staffingQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values>
      title={t(engineer ? 'staffing.engineers.edit' : 'staffing.engineers.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="staffing-engineer-drawer"
      initialValues={engineer ? { ...engineer, validUntil: dayjs(engineer.validUntil) } : {}}
    >
      {engineer ? <p>{engineer.employeeName}（{engineer.orgUnitName}）</p> : (
        <Form.Item name="employeeId" label={t('staffing.field.employee')} rules={[{ required: true }]}>
          <Select
            showSearch filterOption={false} onSearch={people.search} loading={people.loading}
            options={people.options.map((m) => ({ value: m.id, label: `${m.name}（${m.orgUnitName}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="certificateNo" label={t('staffing.field.certificateNo')} rules={[{ required: true, max: 50 }]}><Input maxLength={50} /></Form.Item>
      <Form.Item name="specialty" label={t('staffing.field.specialty')} rules={[{ required: true }]}>
        <Select options={ENGINEER_SPECIALTIES.map((s) => ({ value: s, label: t(`staffing.specialty.${s}`) }))} />
      </Form.Item>
      <Form.Item name="validUntil" label={t('staffing.field.validUntil')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
    </FormDrawer>
  );
}
