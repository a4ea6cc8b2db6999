import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { staffingApi, staffingQueries, type Department } from '../api/staffing.api';

type Values = { name: string; documentNo?: string; establishedOn?: Dayjs | null; note?: string };

/** Sets up or edits the safety department (安全生产管理机构, R-TEAM-1): its name and set-up document. */
export function DepartmentDrawer({ enterpriseId, department, onClose }: { enterpriseId: string; department: Department | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => staffingApi.saveDepartment(enterpriseId, {
    name: v.name, documentNo: v.documentNo ?? '', note: v.note ?? '', establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null, version: department?.version,
  }), { invalidates: staffingQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values>
      title={t('staffing.department.title')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="staffing-department-drawer"
      initialValues={department ? { ...department, establishedOn: department.establishedOn ? dayjs(department.establishedOn) : null } : {}}
    >
      <Form.Item name="name" label={t('staffing.field.departmentName')} rules={[{ required: true, max: 100 }]}>
        <Input maxLength={100} placeholder="安全环保部" data-testid="staffing-department-name" />
      </Form.Item>
      <Form.Item name="documentNo" label={t('staffing.field.documentNo')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="establishedOn" label={t('staffing.field.establishedOn')}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      <Form.Item name="note" label={t('staffing.field.note')} rules={[{ max: 500 }]}><Input.TextArea maxLength={500} rows={3} /></Form.Item>
    </FormDrawer>
  );
}
