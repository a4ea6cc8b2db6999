import { useEffect, useState } from 'react';
import { Form, Modal, Select } from 'antd';
import { useMe } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { ENTERPRISE_ROLES, type Role } from '../../auth/api/auth.api';
import { orgApi, type OrgUnit } from '../../org/api/org.api';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { usersApi, type UserRow, type UserUpdate } from '../api/users.api';
import { LimitedInput } from '../../../app/components/LimitedInput';

type Values = { displayName: string; role: Role; orgUnitId?: string };

/**
 * Renames an account and, inside an enterprise, changes its role (and the unit a unit leader leads). Only the roles the
 * server lets this user grant are offered (D2); the account must sign in again after a role change.
 */
export function UserEditModal({ user, onClose, onSaved }: { user: UserRow; onClose: () => void; onSaved: () => void }) {
  const { t, tx } = useI18n();
  const me = useMe();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const update = useApiMutation((body: UserUpdate) => usersApi.update(user.id, body), { invalidates: [['users']], onSuccess: () => onSaved() });
  const [units, setUnits] = useState<OrgUnit[] | undefined>(undefined);
  const role = Form.useWatch('role', form);
  const enterpriseId = user.enterpriseId;
  const roles = enterpriseId ? me.assignableRoles.filter((r) => ENTERPRISE_ROLES.includes(r)) : [];

  useEffect(() => {
    if (!enterpriseId || role !== 'unit_leader') return;
    const controller = new AbortController();
    orgApi.units(enterpriseId, controller.signal).then(setUnits).catch(() => setUnits([]));
    return () => controller.abort();
  }, [enterpriseId, role]);

  const submit = async (v: Values) => {
    const body: UserUpdate = { displayName: v.displayName.trim() };
    if (v.role !== user.role || v.orgUnitId) {
      body.role = v.role;
      if (v.role === 'unit_leader' && v.orgUnitId) body.orgUnitId = v.orgUnitId;
    }
    try {
      await update.run(body);
    } catch (e) {
      showError(e, { form });
    }
  };

  return (
    <Modal
      open
      title={t('user.editTitle', { username: user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ displayName: user.displayName, role: user.role }} onFinish={(v) => void submit(v)}>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <LimitedInput max={50} autoFocus />
        </Form.Item>
        {roles.length > 0 && (
          <Form.Item name="role" label={t('user.role')} extra={role !== user.role ? t('user.roleChangeHint') : undefined}>
            <Select options={roles.map((r) => ({ value: r, label: tx(`role.${r}`, r) }))} data-testid="field-user-edit-role" />
          </Form.Item>
        )}
        {role === 'unit_leader' && (
          <Form.Item name="orgUnitId" label={t('user.orgUnit')} rules={role !== user.role ? [{ required: true, message: t('validation.required') }] : []}>
            <OrgUnitSelect units={units} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
