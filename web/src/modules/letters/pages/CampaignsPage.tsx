import { useState } from 'react';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Progress, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEANING_COLOUR } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { lettersApi, type CampaignSummary, type Template } from '../api/letters.api';
import { CampaignCreateDrawer } from '../components/CampaignCreateDrawer';
import { CampaignStatusTag } from '../components/LetterTags';
import { TemplateDrawer } from '../components/TemplateDrawer';

/** 责任书签订: the enterprise's yearly signing campaigns and their progress; managers start one and edit the wording. */
export function CampaignsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Template | null>(null);
  const campaigns = useApiQuery(['letters', enterpriseId, 'campaigns'], (signal) => lettersApi.campaigns(enterpriseId, signal), !!enterpriseId);
  const templates = useApiQuery(['letters', enterpriseId, 'templates'], (signal) => lettersApi.templates(enterpriseId, signal), !!enterpriseId);
  const canManage = campaigns.data?.canManage ?? false;
  const detail = (id: string) => `/letters/campaigns/${id}`;

  return (
    <div data-testid="letter-campaigns-page">
      <PageHeader
        title={t('letters.campaigns.title')}
        extra={canManage && (
          <>
            <Dropdown menu={{
              items: (templates.data?.items ?? []).map((tpl) => ({ key: tpl.kind, label: t(`letters.kind.${tpl.kind}`), onClick: () => setEditing(tpl) })),
            }}>
              <Button icon={<EditOutlined />} data-testid="letter-templates">{t('letters.campaigns.templates')}</Button>
            </Dropdown>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">{t('letters.campaigns.create')}</Button>
          </>
        )}
      />
      <Typography.Paragraph type="secondary">{t('letters.campaigns.hint')}</Typography.Paragraph>
      {campaigns.error ? <ErrorState error={campaigns.error} onRetry={campaigns.reload} /> : (
        <Table<CampaignSummary>
          rowKey="id" loading={campaigns.loading} dataSource={campaigns.data?.items ?? []} pagination={false} scroll={{ x: 720 }}
          locale={{ emptyText: t('letters.campaigns.empty') }} data-testid="campaign-table"
          onRow={(c) => ({ onClick: () => void navigate(detail(c.id)), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'year', dataIndex: 'year', title: t('letters.field.year'), width: 90 },
            { key: 'kind', dataIndex: 'title', title: t('letters.field.kind'), render: (v: string, c) => <Link to={detail(c.id)} onClick={(e) => e.stopPropagation()}>{v}</Link> },
            { key: 'startsOn', dataIndex: 'startsOn', title: t('letters.field.startsOn'), width: 120 },
            {
              key: 'progress', title: t('letters.field.progress'),
              render: (_: unknown, c) => {
                const done = c.counts.signed + c.counts.paper;
                const total = Math.max(c.counts.roster - c.counts.left, 0);
                return (
                  <Flex vertical gap={2} style={{ minWidth: 200 }}>
                    <Progress percent={total ? Math.round((done / total) * 100) : 100} size="small"
                      strokeColor={MEANING_COLOUR[c.status === 'completed' ? 'done' : 'normal']} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('letters.campaigns.progress', { done, total })}</Typography.Text>
                    {c.counts.lateHires > 0 && (
                      <Typography.Text type={c.counts.lateHiresOverdue > 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                        {t('letters.campaigns.lateHires', { n: c.counts.lateHires, pending: c.counts.lateHiresPending })}
                      </Typography.Text>
                    )}
                  </Flex>
                );
              },
            },
            { key: 'status', dataIndex: 'status', title: t('letters.field.status'), width: 100, render: (v: CampaignSummary['status']) => <CampaignStatusTag status={v} /> },
          ]}
        />
      )}
      {creating && <CampaignCreateDrawer enterpriseId={enterpriseId} onClose={() => setCreating(false)} onCreated={(c) => { setCreating(false); void navigate(detail(c.id)); }} />}
      {editing && <TemplateDrawer enterpriseId={enterpriseId} template={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
