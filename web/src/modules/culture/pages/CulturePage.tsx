import { Tabs, Typography } from 'antd';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { ActivityList } from '../components/ActivityList';
import { RewardList } from '../components/RewardList';

/** 安全文化与奖惩 (issue 12 §6) of the user's enterprise: the activity log with sign-in, and the reward-and-penalty ledger. */
export function CulturePage() {
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  return (
    <div data-testid="culture-page">
      <PageHeader title={t('culture.title')} />
      <Typography.Paragraph type="secondary">{t('culture.hint')}</Typography.Paragraph>
      <Tabs destroyOnHidden items={[
        { key: 'activities', label: t('culture.tab.activities'), children: <ActivityList enterpriseId={enterpriseId} /> },
        { key: 'rewards', label: t('culture.tab.rewards'), children: <RewardList enterpriseId={enterpriseId} /> },
      ]} />
    </div>
  );
}
