import { Typography } from 'antd';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { PpeBoard } from '../components/PpeBoard';
import { useI18n } from '../../../app/i18n';

/** 劳动防护用品 (issue 13 §3) of the user's enterprise: standards, ledger, replacements, gaps, figures per unit. */
export function PpePage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <div data-testid="ppe-page">
      <PageHeader title={t('ppe.title')} />
      <Typography.Paragraph type="secondary">{t('ppe.hint')}</Typography.Paragraph>
      <PpeBoard enterpriseId={me.scope.enterpriseId ?? ''} sync="url" />
    </div>
  );
}
