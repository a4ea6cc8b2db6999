import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { enterprisesApi } from '../api/enterprises.api';
import { EnterpriseFilters } from '../components/EnterpriseFilters';
import { EnterpriseFormDrawer } from '../components/EnterpriseFormDrawer';
import { EnterpriseTable } from '../components/EnterpriseTable';

const FILTERS = ['q', 'subdistrictId', 'industryCode', 'status', 'highRisk'] as const;

/** The regulators' directory: everything they may see, filtered and sorted on the server. */
export function EnterpriseListPage() {
  const { t } = useI18n();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['enterprises', 'list', list.query], (signal) => enterprisesApi.list(list.query, signal), !me.scope.enterpriseId);

  // Enterprise users have one enterprise: theirs.
  if (me.scope.enterpriseId) return <Navigate to={`/enterprises/${me.scope.enterpriseId}`} replace />;

  return (
    <div data-testid="enterprise-list-page">
      <PageHeader
        title={t('nav.enterprises')}
        extra={can('enterprise.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="enterprise-create">{t('enterprise.create')}</Button>
        )}
      />
      <Card>
        <EnterpriseFilters list={list} />
        {error ? <ErrorState error={error} onRetry={reload} /> : <EnterpriseTable list={list} data={data} loading={loading} />}
      </Card>
      {creating && (
        <EnterpriseFormDrawer
          mode="create"
          onClose={() => setCreating(false)}
          onSaved={(e) => {
            setCreating(false);
            navigate(`/enterprises/${e.id}`);
          }}
        />
      )}
    </div>
  );
}
