import { Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { CertificatesRegister, type RegisterTab } from '../components/CertificatesRegister';

const TABS: readonly RegisterTab[] = ['list', 'unqualified'];

/** 持证管理 (issue 13 §2) of the user's enterprise: the certificates register and the people not qualified for their posts. */
export function CertificatesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'list';
  return (
    <div data-testid="certificates-page">
      <PageHeader title={t('certificates.title')} />
      <Typography.Paragraph type="secondary">{t('certificates.hint')}</Typography.Paragraph>
      <CertificatesRegister enterpriseId={me.scope.enterpriseId ?? ''} initialTab={tab} sync="url" />
    </div>
  );
}
