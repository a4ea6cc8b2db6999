import { useState } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { applyFormErrors } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { landingPath, safeNext } from '../../../app/landing';
import { AuthShell } from '../components/AuthShell';
import { DemoAccounts } from '../components/DemoAccounts';

type LoginForm = { username: string; password: string };

export function LoginPage() {
  const { t } = useI18n();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (me) return <Navigate to={me.mustChangePassword ? '/change-password' : (safeNext(params.get('next')) ?? landingPath(me))} replace />;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const user = await login(values.username.trim(), values.password);
      navigate(user.mustChangePassword ? '/change-password' : (safeNext(params.get('next')) ?? landingPath(user)), { replace: true });
    } catch (e) {
      if (isApiError(e) && e.code === 'VALIDATION') {
        const rest = applyFormErrors(form, e);
        if (rest.length > 0 || e.issues.length === 0) setError(rest.join(t('common.separator')) || e.message);
      } else {
        setError(isApiError(e) ? e.message : t('error.INTERNAL'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthShell
      title={t('login.title')}
      aside={<DemoAccounts onPick={(a) => { form.setFieldsValue({ username: a.username, password: a.password }); setError(null); }} />}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} autoComplete="on">
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" size="large" data-testid="login-username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} extra={t('login.passwordHint')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
