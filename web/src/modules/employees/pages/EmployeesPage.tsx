import { Card, Empty } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { EmployeeManager } from '../components/EmployeeManager';

/** Enterprise users manage their own enterprise's employees; others pick an enterprise first. */
export function EmployeesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const own = me.scope.enterpriseId;
  const enterpriseId = own ?? params.get('enterpriseId') ?? undefined;

  return (
    <div data-testid="employees-page">
      <PageHeader
        title={t('nav.employees')}
        sub={own ? me.scope.name : undefined}
        extra={!own && <EnterprisePicker value={enterpriseId} onChange={(id) => setParams(id ? { enterpriseId: id } : {})} />}
      />
      <Card>
        {enterpriseId
          ? <EmployeeManager key={enterpriseId} enterpriseId={enterpriseId} sync={own ? 'url' : 'local'} />
          : <Empty description={t('enterprise.pickFirst')} />}
      </Card>
    </div>
  );
}
