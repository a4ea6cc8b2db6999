import { SafetyCertificateFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../i18n';

export function Brand({ collapsed, dark = false }: { collapsed: boolean; dark?: boolean }) {
  const { t } = useI18n();
  return (
    <Link
      to="/"
      style={{
        display: 'flex', alignItems: 'center', gap: 10, height: 56, padding: collapsed ? '0 22px' : '0 18px',
        color: dark ? '#fff' : 'inherit', whiteSpace: 'nowrap', overflow: 'hidden',
      }}
    >
      <SafetyCertificateFilled style={{ fontSize: 22, color: dark ? '#69b1ff' : '#1f5fbf' }} />
      {!collapsed && <span style={{ fontWeight: 600, fontSize: 15 }}>{t('app.shortName')}</span>}
    </Link>
  );
}
