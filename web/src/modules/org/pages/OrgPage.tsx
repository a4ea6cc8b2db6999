import { Card, Empty } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { OrgTreeEditor } from '../components/OrgTreeEditor';

/** Enterprise users edit their own enterprise's organisation; others pick an enterprise first. */
export function OrgPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const own = me.scope.enterpriseId;
  const enterpriseId = own ?? params.get('enterpriseId') ?? undefined;

  return (
    <div data-testid="org-page">
      <PageHeader
        title={t('nav.org')}
        sub={own ? me.scope.name : undefined}
        extra={!own && (
          <EnterprisePicker value={enterpriseId} onChange={(id) => setParams(id ? { enterpriseId: id } : {})} />
        )}
      />
      {enterpriseId
        ? <OrgTreeEditor key={enterpriseId} enterpriseId={enterpriseId} />
        : <Card><Empty description={t('enterprise.pickFirst')} /></Card>}
    </div>
  );
}
