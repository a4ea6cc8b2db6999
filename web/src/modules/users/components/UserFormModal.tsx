import { useEffect, useMemo, useState } from 'react';
import { Form, Modal, Select, type ButtonProps } from 'antd';
import { useMe } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useReference } from '../../../app/reference';
import { useApiMutation } from '../../../app/useApi';
import type { Role } from '../../auth/api/auth.api';
import { employeesApi, type Employee } from '../../employees/api/employees.api';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { orgApi, type OrgUnit } from '../../org/api/org.api';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { usersApi, type OneTimeCode, type UserCreate, type UserRow } from '../api/users.api';
import { LimitedInput } from '../../../app/components/LimitedInput';

type Props = { onClose: () => void; onCreated: (user: UserRow, code: OneTimeCode) => void };

type Values = {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId?: string;
  orgUnitId?: string;
  subdistrictId?: string;
  departmentId?: string;
  institutionId?: string;
  employeeId?: string;
};

/** What a role is attached to decides which scope field the form asks for. */
function scopeFieldOf(role: Role | undefined): 'subdistrict' | 'department' | 'institution' | 'enterprise' | null {
  switch (role) {
    case 'subdistrict_officer': return 'subdistrict';
    case 'department_officer': return 'department';
    case 'insurer_staff':
    case 'service_staff': return 'institution';
    case 'enterprise_principal':
    case 'safety_manager':
    case 'unit_leader':
    case 'employee': return 'enterprise';
    case 'district_admin':
    case undefined: return null;
  }
}

export function UserFormModal({ onClose, onCreated }: Props) {
  const { t, tx } = useI18n();
  const me = useMe();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation((body: UserCreate) => usersApi.create(body), {
    invalidates: [['users']],
    onSuccess: (res) => onCreated(res.user, { oneTimeCode: res.oneTimeCode, expiresAt: res.expiresAt }),
  });
  const ownEnterprise = me.scope.enterpriseId;
  const role = Form.useWatch('role', form);
  const pickedEnterprise = Form.useWatch('enterpriseId', form);
  const enterpriseId = ownEnterprise ?? pickedEnterprise;
  const scopeField = scopeFieldOf(role);
  const [units, setUnits] = useState<OrgUnit[] | undefined>(undefined);
  const [employees, setEmployees] = useState<Employee[]>([]);
  const [employeeQ, setEmployeeQ] = useState('');

  const subdistricts = useReference('subdistricts', scopeField === 'subdistrict');
  const departments = useReference('departments', scopeField === 'department');
  const institutions = useReference('institutions', scopeField === 'institution');

  // Only roles below the caller's own, as the server lists them (D2): a safety manager cannot create a principal.
  const roles = me.assignableRoles;

  useEffect(() => {
    if (scopeField !== 'enterprise' || !enterpriseId) {
      setUnits(undefined);
      return;
    }
    const controller = new AbortController();
    orgApi.units(enterpriseId, controller.signal).then(setUnits).catch(() => setUnits([]));
    return () => controller.abort();
  }, [scopeField, enterpriseId]);

  useEffect(() => {
    if (role !== 'employee' || !enterpriseId) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      employeesApi.list(enterpriseId, { page: 1, pageSize: 20, q: employeeQ || undefined, status: 'active' }, controller.signal)
        .then((p) => setEmployees(p.items)).catch(() => undefined);
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [role, enterpriseId, employeeQ]);

  const institutionOptions = useMemo(() => {
    const kind = role === 'insurer_staff' ? 'insurer' : 'service';
    return institutions.filter((i) => i.kind === kind).map((i) => ({ value: i.id, label: i.name }));
  }, [institutions, role]);

  const submit = async (v: Values) => {
    const body: UserCreate = { username: v.username.trim(), displayName: v.displayName.trim(), role: v.role };
    if (scopeField === 'subdistrict') body.subdistrictId = v.subdistrictId;
    if (scopeField === 'department') body.departmentId = v.departmentId;
    if (scopeField === 'institution') body.institutionId = v.institutionId;
    if (scopeField === 'enterprise') {
      body.enterpriseId = enterpriseId ?? undefined;
      if (v.orgUnitId) body.orgUnitId = v.orgUnitId;
      if (v.role === 'employee' && v.employeeId) body.employeeId = v.employeeId;
    }
    try {
      await create.run(body);
    } catch (e) {
      showError(e, { form });
    }
  };

  const required = { required: true, message: t('validation.required') };

  return (
    <Modal
      open
      title={t('user.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-save' } as ButtonProps}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ role: ownEnterprise ? 'employee' : undefined }}>
        <Form.Item name="username" label={t('user.username')} rules={[required, { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: t('user.usernameRule') }]}>
          <LimitedInput autoComplete="off" max={64} data-testid="field-user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ ...required, whitespace: true }]}>
          <LimitedInput max={50} data-testid="field-user-displayName" />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={[required]}>
          <Select options={roles.map((r) => ({ value: r, label: tx(`role.${r}`, r) }))} data-testid="field-user-role" />
        </Form.Item>
        {scopeField === 'subdistrict' && (
          <Form.Item name="subdistrictId" label={t('user.subdistrict')} rules={[required]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={subdistricts.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        {scopeField === 'department' && (
          <Form.Item name="departmentId" label={t('user.department')} rules={[required]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        {scopeField === 'institution' && (
          <Form.Item name="institutionId" label={t('user.institution')} rules={[required]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={institutionOptions} />
          </Form.Item>
        )}
        {scopeField === 'enterprise' && !ownEnterprise && (
          <Form.Item name="enterpriseId" label={t('user.enterprise')} rules={[required]}>
            <EnterprisePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {scopeField === 'enterprise' && role === 'unit_leader' && (
          <Form.Item name="orgUnitId" label={t('user.orgUnit')} rules={[required]}>
            <OrgUnitSelect units={units} />
          </Form.Item>
        )}
        {scopeField === 'enterprise' && role === 'employee' && (
          <Form.Item name="employeeId" label={t('user.employee')} extra={t('user.employeeHint')}>
            <Select
              allowClear
              showSearch={{ onSearch: setEmployeeQ, filterOption: false }}
              options={employees.map((e) => ({ value: e.id, label: `${e.name} · ${e.orgUnitName}` }))}
              disabled={!enterpriseId}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

