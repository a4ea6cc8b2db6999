import { Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../app/components/PageHeader';
import { useAuth } from '../../../app/auth';
import { districtYear } from '../../../app/format';
import { EnterpriseStandardisation } from '../components/EnterpriseStandardisation';
import { useI18n } from '../../../app/i18n';

/**
 * 标准化自评 (R-STD-1): the enterprise's own self-assessment (its managers), or, at /standardisation/overview/:enterpriseId,
 * a regulator's drill-down into one enterprise in scope (read only). Year and tab live in the URL.
 */
export function StandardisationPage() {
  const { t: s } = useI18n();
  const { me } = useAuth();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const enterpriseId = params.enterpriseId ?? me?.scope.enterpriseId ?? '';
  const year = Number(search.get('year')) || districtYear();
  const set = (k: string, v: string) => setSearch((p) => { const n = new URLSearchParams(p); n.set(k, v); return n; }, { replace: true });
  return (
    <div data-testid="std-page">
      <PageHeader title={s('std.title')} />
      <Typography.Paragraph type="secondary">{s('std.hint')}</Typography.Paragraph>
      {enterpriseId && (
        <EnterpriseStandardisation enterpriseId={enterpriseId} year={year} onYear={(y) => set('year', String(y))}
          tab={search.get('tab') ?? undefined} onTab={(tab) => set('tab', tab)} />
      )}
    </div>
  );
}
