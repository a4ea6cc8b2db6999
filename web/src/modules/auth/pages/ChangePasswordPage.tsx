import { Alert, App, Button, Flex, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { landingPath } from '../../../app/landing';
import { useApiMutation } from '../../../app/useApi';
import { AuthShell } from '../components/AuthShell';
import { PasswordStrength } from '../components/PasswordStrength';
import { authApi } from '../api/auth.api';
import { checkPassword } from '../password-strength';

type PasswordForm = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordPage() {
  const { t } = useI18n();
  const me = useMe();
  const { refresh, logout } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const forced = me.mustChangePassword;
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  // The session (who I am, whether a change is still required) lives in the auth provider, not in a query: it is
  // fetched again inside the write, so the button stays busy until the page to land on is known, and nothing is
  // invalidated.
  const change = useApiMutation(
    async (values: PasswordForm) => {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      message.success(t('password.changed'));
      return refresh();
    },
    { invalidates: [], onSuccess: (next) => navigate(next ? landingPath(next) : '/login', { replace: true }) },
  );

  const submit = async (values: PasswordForm) => {
    try {
      await change.run(values);
    } catch (e) {
      showError(e, { form });
    }
  };

  return (
    <AuthShell title={t('password.title')}>
      {forced && <Alert type="warning" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} data-testid="password-forced" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="currentPassword" label={forced ? t('password.currentOrCode') : t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={<PasswordStrength password={newPassword} username={me.username} />}
          rules={[
            { required: true, message: t('password.newRequired') },
            // Mirrors the server's cheap rules so the user hears about them before submitting; the server decides.
            {
              validator: (_, value: string) => {
                const c = checkPassword(value ?? '', me.username);
                return !value || (c.length && c.username && c.pattern) ? Promise.resolve() : Promise.reject(new Error(t('password.rule')));
              },
            },
            ({ getFieldValue }) => ({
              validator: (_, value: string) => (value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(t('password.same'))) : Promise.resolve()),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Flex gap={8} vertical>
          <Button type="primary" htmlType="submit" block loading={change.saving} data-testid="password-submit">{t('password.submit')}</Button>
          {forced
            ? <Button block onClick={() => void logout()} data-testid="password-logout">{t('auth.logout')}</Button>
            : <Button block onClick={() => navigate(-1)}>{t('common.back')}</Button>}
        </Flex>
      </Form>
    </AuthShell>
  );
}
