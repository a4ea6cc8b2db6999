import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Flex, Progress, theme, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { checkPassword, passwordStrength } from '../password-strength';

const LEVELS = ['weak', 'weak', 'fair', 'good', 'strong'] as const;

/** Live feedback on a new password (D14): the policy's rules, met or not, and a strength bar. */
export function PasswordStrength({ password, username }: { password: string; username: string }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const checks = checkPassword(password, username);
  const score = passwordStrength(password, username);
  const colors = [token.colorError, token.colorError, token.colorWarning, token.colorSuccess, token.colorSuccess];
  const rule = (ok: boolean, label: string, key: string) => (
    <Typography.Text key={key} type={ok ? 'success' : 'secondary'} style={{ fontSize: 12 }} data-testid={`password-rule-${key}`} data-ok={ok}>
      {ok ? <CheckCircleFilled /> : <CloseCircleFilled />} {label}
    </Typography.Text>
  );
  return (
    <Flex vertical gap={2} style={{ marginTop: 4 }} data-testid="password-strength" data-score={score}>
      <Flex align="center" gap={8}>
        <Typography.Text style={{ fontSize: 12 }}>{t('password.strength')}</Typography.Text>
        <Progress percent={score * 25} steps={4} showInfo={false} strokeColor={colors[score]} size="small" />
        <Typography.Text style={{ fontSize: 12, color: colors[score] }}>{password ? t(`password.strength.${LEVELS[score]}`) : ''}</Typography.Text>
      </Flex>
      {rule(checks.length, t('password.ruleLength'), 'length')}
      {rule(checks.username, t('password.ruleUsername'), 'username')}
      {rule(checks.pattern, t('password.rulePattern'), 'pattern')}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('password.ruleVariety')} {t('password.commonChecked')}</Typography.Text>
    </Flex>
  );
}
