import { Alert, Flex, theme } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { authApi, type DemoAccount } from '../api/auth.api';

/**
 * Demo accounts, listed only when the server says demo data is loaded and they still have the published password
 * (D15); the page then says plainly that this is demo data. A click fills the form.
 */
export function DemoAccounts({ onPick }: { onPick: (account: DemoAccount) => void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const { data } = useApiQuery(['auth', 'demo-accounts'], () => authApi.demoAccounts());
  if (!data?.enabled || data.accounts.length === 0) return null;
  return (
    <section
      data-testid="demo-accounts"
      style={{ width: '100%', background: token.colorBgContainer, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadowTertiary, padding: 16 }}
    >
      <Alert type="warning" showIcon title={t('login.demoLoaded')} style={{ marginBottom: 12 }} data-testid="demo-loaded" />
      <h2 style={{ margin: 0, fontSize: 15, fontWeight: 600, color: token.colorTextHeading }}>{t('login.demoTitle')}</h2>
      <p style={{ margin: '4px 0 12px', fontSize: 12, color: token.colorTextSecondary }}>{t('login.demoHint')}</p>
      <Flex vertical gap={6}>
        {data.accounts.map((a) => (
          <button
            key={a.username}
            type="button"
            onClick={() => onPick(a)}
            data-testid={`demo-account-${a.username}`}
            style={{
              display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, width: '100%',
              padding: '6px 10px', border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius,
              background: token.colorBgContainer, cursor: 'pointer', textAlign: 'left', font: 'inherit',
            }}
          >
            <span style={{ minWidth: 0 }}>
              <strong>{a.displayName}</strong>{' '}
              <span style={{ fontSize: 12, color: token.colorTextSecondary }}>{a.username}</span>
              <br />
              <span style={{ fontSize: 12, color: token.colorTextSecondary }}>{a.scopeName}</span>
            </span>
            <span
              style={{
                flex: 'none', fontSize: 12, padding: '0 7px', lineHeight: '20px', borderRadius: token.borderRadiusSM,
                color: token.colorPrimary, background: token.colorPrimaryBg, border: `1px solid ${token.colorPrimaryBorder}`,
              }}
            >
              {a.roleName}
            </span>
          </button>
        ))}
      </Flex>
    </section>
  );
}
