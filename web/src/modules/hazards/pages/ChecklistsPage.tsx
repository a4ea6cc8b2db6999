import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { CheckPlanList } from '../components/CheckPlanList';
import { ChecklistList } from '../components/ChecklistList';
import { LibraryBrowser } from '../components/LibraryBrowser';
import { OwnItemsManager } from '../components/OwnItemsManager';

const TABS = ['lists', 'plans', 'library', 'own'] as const;

/** R-HAZ-1: checklists at three levels, the plans that put them on people, the built-in library and the enterprise's own items. */
export function ChecklistsPage() {
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'lists';
  return (
    <div data-testid="checklists-page">
      <PageHeader title={t('nav.checklists')} sub={me.scope.name} />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'lists' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'lists', label: t('checklist.tabLists'), children: <ChecklistList enterpriseId={enterpriseId} /> },
            { key: 'plans', label: t('checklist.tabPlans'), children: <CheckPlanList enterpriseId={enterpriseId} /> },
            { key: 'library', label: t('checklist.tabLibrary'), children: <LibraryBrowser /> },
            { key: 'own', label: t('checklist.tabOwn'), children: <OwnItemsManager enterpriseId={enterpriseId} /> },
          ]}
        />
      </Card>
    </div>
  );
}
