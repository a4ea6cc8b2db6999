import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { usersApi, type UserRow } from '../api/users.api';

export function UserEditModal({ user, onClose, onSaved }: { user: UserRow; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<{ displayName: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: { displayName: string }) => {
    setSaving(true);
    try {
      await usersApi.update(user.id, { displayName: v.displayName.trim() });
      onSaved();
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
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
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ displayName: user.displayName }} onFinish={(v) => void submit(v)}>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={50} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
