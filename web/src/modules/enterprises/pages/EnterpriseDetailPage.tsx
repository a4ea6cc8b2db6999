import { useState } from 'react';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { WEB_MODULES } from '../../../app/module-list';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { EmployeeManager } from '../../employees/components/EmployeeManager';
import { OrgTreeEditor } from '../../org/components/OrgTreeEditor';
import { enterprisesApi } from '../api/enterprises.api';
import { EnterpriseFormDrawer } from '../components/EnterpriseFormDrawer';
import { EnterpriseProfile } from '../components/EnterpriseProfile';
import { EnterpriseStatusTag } from '../components/EnterpriseStatusTag';
import { HighRiskTag } from '../components/HighRiskTag';
import { KeyIndustryTag } from '../components/KeyIndustryTag';

/**
 * 企业档案. For the enterprise's own people: profile, org chart, employees. For a regulator (issue 10 §2) the one-page
 * file of an enterprise in scope: the domain modules add their tabs (risk, hazards, checks, reports, major hazards —
 * `enterpriseTabs` in each WebModule), and a drill-down from a regulator's view opens the tab it came from
 * (`defaultTab`, or `?tab=`), under that view's address so its menu entry stays lit.
 */
export function EnterpriseDetailPage({ defaultTab = 'profile' }: { defaultTab?: string }) {
  const params0 = useParams();
  const id = params0.id ?? params0.enterpriseId ?? '';
  const me = useMe();
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const { data: enterprise, error, loading, reload, setData } = useApiQuery(['enterprises', 'detail', id], (signal) => enterprisesApi.get(id, signal));
  usePageTitle(enterprise?.name);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!enterprise) return loading ? <PageLoading /> : null;

  const moduleTabs = WEB_MODULES.flatMap((m) => m.enterpriseTabs?.(me) ?? []);
  const items = [
    { key: 'profile', label: t('enterprise.tabProfile'), children: <EnterpriseProfile enterprise={enterprise} /> },
    ...moduleTabs.map((m) => ({ key: m.key, label: <span data-testid={`enterprise-tab-${m.key}`}>{t(m.label)}</span>, children: m.render(enterprise.id) })),
    ...(can('orgunit.read') ? [{ key: 'org', label: t('enterprise.tabOrg'), children: <OrgTreeEditor enterpriseId={enterprise.id} /> }] : []),
    ...(can('employee.read') ? [{ key: 'employees', label: t('enterprise.tabEmployees'), children: <EmployeeManager enterpriseId={enterprise.id} /> }] : []),
  ];
  const tabParam = params.get('tab') ?? defaultTab;
  const tab = items.find((k) => k.key === tabParam)?.key ?? 'profile';

  return (
    <div data-testid="enterprise-detail-page">
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Flex align="center" gap={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="enterprise-name">{enterprise.name}</Typography.Title>
              <EnterpriseStatusTag status={enterprise.status} />
              <HighRiskTag highRisk={enterprise.highRisk} />
              <KeyIndustryTag attributes={enterprise.attributes} />
            </Flex>
            <Typography.Text type="secondary">
              {enterprise.creditCode} · {enterprise.subdistrictName} · {enterprise.industryName}
            </Typography.Text>
          </div>
          <Flex gap={8} wrap>
            {can('audit.read') && (
              <Link to={`/audit?entityType=enterprise&entityId=${enterprise.id}`}>
                <Button icon={<HistoryOutlined />} data-testid="enterprise-history">{t('audit.history')}</Button>
              </Link>
            )}
            {enterprise.abilities.canEdit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-edit">{t('common.edit')}</Button>
            )}
          </Flex>
        </Flex>
      </Card>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((prev) => {
            const next = new URLSearchParams(prev);
            if (key === defaultTab) next.delete('tab');
            else next.set('tab', key);
            return next;
          }, { replace: true })}
          items={items}
          destroyOnHidden
        />
      </Card>
      {editing && (
        <EnterpriseFormDrawer
          mode="edit"
          enterprise={enterprise}
          onClose={() => setEditing(false)}
          onConflict={() => {
            setEditing(false);
            reload();
          }}
          onSaved={(saved) => {
            setEditing(false);
            message.success(t('common.saved'));
            if (saved && 'abilities' in saved) setData(saved);
            else reload();
          }}
        />
      )}
    </div>
  );
}
