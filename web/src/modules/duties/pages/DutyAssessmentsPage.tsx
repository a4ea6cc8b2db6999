import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Progress, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { dutiesApi, type CampaignSummary } from '../api/duties.api';
import { CampaignCreateDrawer } from '../components/CampaignCreateDrawer';

/** 责任制考核: the yearly assessment campaigns, their progress and, once published, their notice period. */
export function DutyAssessmentsPage() {
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApiQuery(['duties', enterpriseId, 'campaigns'], (signal) => dutiesApi.campaigns(enterpriseId, signal));
  return (
    <div data-testid="duty-assessments-page">
      <PageHeader
        title={t('nav.dutyAssessments')}
        sub={t('dutyAssess.hint')}
        extra={data?.canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="duty-campaign-create-button">{t('dutyAssess.create')}</Button>}
      />
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Skeleton active />}
      {data && (
        <Card>
          {data.items.length === 0 ? <Empty description={t('dutyAssess.empty')} /> : (
            <List<CampaignSummary>
              dataSource={data.items}
              renderItem={(c) => (
                <List.Item data-testid="duty-campaign-item" extra={<Progress type="circle" size={56} percent={c.progress.total ? Math.floor((c.progress.scored * 100) / c.progress.total) : 0} />}>
                  <List.Item.Meta
                    title={<Link to={`/duty-assessments/${c.id}`}>{c.name}</Link>}
                    description={(
                      <>
                        {c.status === 'published'
                          ? <Tag color={MEANING_TAG.done}>{t('dutyAssess.publishedPeriod', { from: formatDate(c.publishFrom), to: formatDate(c.publishTo) })}</Tag>
                          : <Tag color={MEANING_TAG.warning}>{t('dutyAssess.open')}</Tag>}
                        {t('dutyAssess.progress', { scored: c.progress.scored, total: c.progress.total })}
                        {c.status === 'published' && <> · <Link to={`/duty-assessments/${c.id}/notice`}>{t('dutyAssess.notice')}</Link></>}
                      </>
                    )}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      {creating && <CampaignCreateDrawer enterpriseId={enterpriseId} onClose={() => setCreating(false)} />}
    </div>
  );
}
