import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n';

/** Toggles 中文 ⇄ English; the choice is kept in localStorage and, when signed in, on the server. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLocale(next)}
      data-testid="language-switch"
      aria-label={t('layout.switchLanguage')}
      title={t('layout.switchLanguage')}
    >
      {compact ? t('lang.otherShort') : t('lang.other')}
    </Button>
  );
}
