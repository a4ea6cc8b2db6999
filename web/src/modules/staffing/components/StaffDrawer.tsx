import { App, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { useRemoteSearch } from '../../../app/useRemoteSearch';
import { employeesApi } from '../../employees/api/employees.api';
import { STAFF_KINDS, staffingApi, staffingQueries, type Staff, type StaffKind } from '../api/staffing.api';

type Values = { employeeId: string; kind: StaffKind; appointmentNo?: string; appointedOn?: Dayjs | null; duties?: string };

/** Appoints a safety officer from the roster (full-time or part-time, appointment document), or edits an appointment. */
export function StaffDrawer({ enterpriseId, staff, onClose }: { enterpriseId: string; staff: Staff | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const people = useRemoteSearch(async (q, signal) => (await employeesApi.list(enterpriseId, { q, status: 'active', pageSize: 50 }, signal)).items, `${enterpriseId}-staffing`);
  const save = useApiMutation((v: Values) => {
    const body = { kind: v.kind, appointmentNo: v.appointmentNo ?? '', duties: v.duties ?? '', appointedOn: v.appointedOn ? v.appointedOn.format('YYYY-MM-DD') : null };
    return staff ? staffingApi.editStaff(enterpriseId, staff.id, { ...body, version: staff.version }) : staffingApi.appoint(enterpriseId, { ...body, employeeId: v.employeeId });
  }, { invalidates: staffingQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values>
      title={t(staff ? 'staffing.staff.edit' : 'staffing.staff.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="staffing-staff-drawer"
      initialValues={staff ? { ...staff, appointedOn: staff.appointedOn ? dayjs(staff.appointedOn) : null } : { kind: 'full_time' }}
    >
      {staff ? <p>{staff.employeeName}（{staff.orgUnitName}）</p> : (
        <Form.Item name="employeeId" label={t('staffing.field.employee')} rules={[{ required: true }]}>
          <Select
            showSearch filterOption={false} onSearch={people.search} loading={people.loading} data-testid="staffing-staff-employee"
            options={people.options.map((m) => ({ value: m.id, label: `${m.name}（${m.orgUnitName}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('staffing.field.kind')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={STAFF_KINDS.map((k) => ({ value: k, label: t(`staffing.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="appointmentNo" label={t('staffing.field.appointmentNo')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="appointedOn" label={t('staffing.field.appointedOn')}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      <Form.Item name="duties" label={t('staffing.field.duties')} rules={[{ max: 500 }]}><Input.TextArea maxLength={500} rows={3} /></Form.Item>
    </FormDrawer>
  );
}
