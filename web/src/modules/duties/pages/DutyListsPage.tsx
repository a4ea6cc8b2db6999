import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useDutyPermission } from '../components/DutyGuard';
import { DutyListTable } from '../components/DutyListTable';
import { PostAssignment } from '../components/PostAssignment';
import { TemplateLibrary } from '../components/TemplateLibrary';

const TABS = ['lists', 'assign', 'templates'] as const;

/** 安全生产责任清单: the enterprise's lists, which post has which, and the built-in template library. */
export function DutyListsPage() {
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const canManage = useDutyPermission('duty.manage');
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'lists';
  return (
    <div data-testid="duty-lists-page">
      <PageHeader title={t('nav.dutyLists')} sub={t('dutyList.pageHint')} />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'lists' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'lists', label: t('dutyList.tabLists'), children: <DutyListTable enterpriseId={enterpriseId} /> },
            { key: 'assign', label: t('dutyList.tabAssign'), children: <PostAssignment enterpriseId={enterpriseId} canManage={canManage} /> },
            { key: 'templates', label: t('dutyList.tabTemplates'), children: <TemplateLibrary enterpriseId={enterpriseId} canManage={canManage} /> },
          ]}
        />
      </Card>
    </div>
  );
}
