import { Button, Space, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { PlanCard } from '../components/PlanCard';
import { ReviewsCard } from '../components/ReviewsCard';
import { SessionsCard } from '../components/SessionsCard';
import { ShortfallCard } from '../components/ShortfallCard';
import { districtYear } from '../../../app/format';
import { useI18n } from '../../../app/i18n';

const TABS = ['overview', 'sessions', 'plan', 'reviews'] as const;

/**
 * 培训教育 of the user's enterprise (R-TRN-1): hours and shortfalls, the yearly plan, sessions with attendance, the
 * quarterly checks. The tab is in the address (`?tab=overview`: the workbench's link to the shortfall list).
 */
export function TrainingPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'overview';
  const enterpriseId = me.scope.enterpriseId ?? '';
  const year = districtYear();
  return (
    <div data-testid="training-page">
      <PageHeader title={t('training.title')} extra={me.permissions.includes('training.review') && <Link to="/training/review"><Button type="primary">{t('training.review.open')}</Button></Link>} />
      <Typography.Paragraph type="secondary">{t('training.hint')}</Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={[
        { key: 'overview', label: t('training.tab.overview'), children: <ShortfallCard enterpriseId={enterpriseId} /> },
        { key: 'sessions', label: t('training.tab.sessions'), children: <SessionsCard enterpriseId={enterpriseId} year={year} /> },
        { key: 'plan', label: t('training.tab.plan'), children: <PlanCard enterpriseId={enterpriseId} year={year} /> },
        { key: 'reviews', label: t('training.tab.reviews'), children: <Space direction="vertical" style={{ width: '100%' }}><ReviewsCard enterpriseId={enterpriseId} year={year} /></Space> },
      ]} />
    </div>
  );
}
