import { Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { authApi, type DemoAccount } from '../api/auth.api';

/** Demo accounts, listed only when the server says demo mode is on; a click fills the form. */
export function DemoAccounts({ onPick }: { onPick: (account: DemoAccount) => void }) {
  const { t } = useI18n();
  const { data } = useApi(() => authApi.demoAccounts(), []);
  if (!data?.enabled || data.accounts.length === 0) return null;
  return (
    <Card size="small" title={t('login.demoTitle')} style={{ width: '100%' }} data-testid="demo-accounts">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{t('login.demoHint')}</Typography.Paragraph>
      <Flex vertical gap={4}>
        {data.accounts.map((a) => (
          <button
            key={a.username}
            type="button"
            onClick={() => onPick(a)}
            data-testid={`demo-account-${a.username}`}
            style={{
              display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, width: '100%',
              padding: '6px 8px', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff', cursor: 'pointer', textAlign: 'left',
            }}
          >
            <span style={{ minWidth: 0 }}>
              <Typography.Text strong>{a.displayName}</Typography.Text>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.username}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.scopeName}</Typography.Text>
            </span>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>{a.roleName}</Tag>
          </button>
        ))}
      </Flex>
    </Card>
  );
}
