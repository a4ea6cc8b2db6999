import { useState } from 'react';
import { BellOutlined, FileAddOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Input, List, Row, Select, Statistic, Table, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { useShowError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TEXT } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { LETTER_STATUSES, letterQueries, lettersApi, type LetterRow, type LetterStatus } from '../api/letters.api';
import { CampaignStatusTag, LetterStatusTag } from '../components/LetterTags';
import { PaperListDrawer } from '../components/PaperListDrawer';

const FILTERS = ['q', 'status', 'orgUnitId', 'lateHire'] as const;

/** 签订进度: a campaign's figures, its progress by unit, everyone's letter, reminders and paper lists. */
export function CampaignDetailPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const { id = '' } = useParams();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const [recording, setRecording] = useState(false);
  const campaign = useApiQuery(['letters', enterpriseId, 'campaign', id], (signal) => lettersApi.campaign(enterpriseId, id, signal), !!enterpriseId);
  const letters = useApiQuery(['letters', enterpriseId, 'campaign', id, 'letters', list.query], (signal) => lettersApi.letters(enterpriseId, id, list.query, signal), !!enterpriseId);
  const paper = useApiQuery(['letters', enterpriseId, 'campaign', id, 'paper'], (signal) => lettersApi.paperLists(enterpriseId, id, signal), !!enterpriseId);
  const remind = useApiMutation((_: void) => lettersApi.remind(enterpriseId, id), {
    invalidates: letterQueries(enterpriseId), onSuccess: (r) => void message.success(t('letters.detail.reminded', { n: r.notified })),
  });
  const confirm = useApiMutation((attachmentId: string) => lettersApi.confirmPaper(enterpriseId, id, attachmentId), {
    invalidates: letterQueries(enterpriseId), onSuccess: (r) => void message.success(t('letters.detail.paperConfirmed', { n: r.confirmed })),
  });
  const c = campaign.data;
  if (campaign.error) return <ErrorState error={campaign.error} onRetry={campaign.reload} />;
  if (!c) return <PageLoading />;
  const f = list.filters;
  const figure = (title: string, value: number, colour?: string) => (
    <Col xs={12} md={8} xl={4}><Card size="small"><Statistic title={title} value={value} valueStyle={colour ? { color: colour } : undefined} /></Card></Col>
  );

  return (
    <div data-testid="letter-campaign-page">
      <PageHeader
        title={<Flex gap={8} align="center" wrap>{`${c.year} ${c.title}`}<CampaignStatusTag status={c.status} /></Flex>}
        sub={`${t('letters.field.startsOn')}：${c.startsOn}`}
        extra={<>
          {c.abilities.canSignForOthers && (
            <Button icon={<TeamOutlined />} onClick={() => void navigate(`/letters/campaigns/${id}/sign-for-others`)} data-testid="sign-for-others">{t('letters.detail.signForOthers')}</Button>
          )}
          {c.abilities.canSignForOthers && (
            <Button icon={<FileAddOutlined />} onClick={() => setRecording(true)} data-testid="paper-record">{t('letters.detail.paperRecord')}</Button>
          )}
          {c.abilities.canManage && (
            <Button type="primary" icon={<BellOutlined />} disabled={!c.abilities.canRemind} loading={remind.saving} data-testid="campaign-remind"
              onClick={() => void remind.run().catch((e: unknown) => showError(e))}>
              {c.abilities.canRemind ? t('letters.detail.remind') : t('letters.detail.remindedToday')}
            </Button>
          )}
        </>}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {figure(t('letters.detail.roster'), c.counts.roster)}
        {figure(t('letters.detail.signed'), c.counts.signed, MEANING_TEXT.done)}
        {figure(t('letters.detail.paper'), c.counts.paper, MEANING_TEXT.normal)}
        {figure(t('letters.detail.pending'), c.counts.pending, c.counts.pending ? MEANING_TEXT.warning : undefined)}
        {figure(t('letters.detail.left'), c.counts.left, MEANING_TEXT.none)}
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('letters.detail.lateHires')} value={c.counts.lateHiresPending} suffix={`/ ${c.counts.lateHires}`}
              valueStyle={c.counts.lateHiresOverdue ? { color: MEANING_TEXT.danger } : undefined} />
            {c.counts.lateHiresOverdue > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('letters.detail.lateOverdue', { n: c.counts.lateHiresOverdue })}</Typography.Text>}
          </Card>
        </Col>
      </Row>

      {(paper.data?.items.length ?? 0) > 0 && (
        <Card size="small" title={t('letters.detail.paperPending')} style={{ marginBottom: 16 }} data-testid="paper-pending">
          <List
            dataSource={paper.data?.items ?? []}
            renderItem={(p) => (
              <List.Item actions={[
                <a key="view" href={lettersApi.paperScanUrl(enterpriseId, id, p.attachmentId)} target="_blank" rel="noreferrer">{t('letters.detail.paperView')}</a>,
                ...(c.abilities.canManage ? [
                  <Button key="confirm" size="small" type="primary" loading={confirm.saving && confirm.input === p.attachmentId}
                    onClick={() => void confirm.run(p.attachmentId).catch((e: unknown) => showError(e))}>{t('letters.detail.paperConfirm')}</Button>,
                ] : []),
              ]}>
                <List.Item.Meta title={p.people.join('、')} description={t('letters.detail.paperBy', { name: p.recordedBy ?? '—', at: formatDateTime(p.recordedAt), n: p.people.length })} />
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card size="small" title={t('letters.detail.byUnit')} style={{ marginBottom: 16 }}>
        <Table
          rowKey="orgUnitId" size="small" pagination={false} dataSource={c.byUnit} scroll={{ x: 520 }} data-testid="campaign-units"
          onRow={(u) => ({ onClick: () => list.setFilters({ orgUnitId: u.orgUnitId }), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'unit', dataIndex: 'orgUnitName', title: t('letters.field.unit') },
            { key: 'signed', dataIndex: 'signed', title: t('letters.detail.signed') },
            { key: 'paper', dataIndex: 'paper', title: t('letters.detail.paper') },
            { key: 'pending', dataIndex: 'pending', title: t('letters.detail.pending'), render: (v: number) => <span style={v ? { color: MEANING_TEXT.warning, fontWeight: 600 } : undefined}>{v}</span> },
            { key: 'left', dataIndex: 'left', title: t('letters.detail.left') },
          ]}
        />
      </Card>

      <Card size="small" title={t('letters.detail.people')}>
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={10}>
            <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('letters.detail.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
          </Col>
          <Col xs={12} md={6}>
            <Select style={{ width: '100%' }} allowClear placeholder={t('letters.detail.filterAll')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
              options={LETTER_STATUSES.map((s) => ({ value: s, label: t(`letters.status.${s}`) }))} data-testid="letters-status" />
          </Col>
          <Col xs={12} md={8}>
            <Select style={{ width: '100%' }} allowClear placeholder={t('letters.field.unit')} value={f.orgUnitId} onChange={(v?: string) => list.setFilters({ orgUnitId: v })}
              options={c.byUnit.map((u) => ({ value: u.orgUnitId, label: u.orgUnitName }))} />
          </Col>
        </Row>
        {letters.error ? <ErrorState error={letters.error} onRetry={letters.reload} /> : (
          <ListTable<LetterRow>
            list={list} data={letters.data} loading={letters.loading} empty={t('letters.detail.empty')} testId="letters-table"
            filtered={!!(f.q || f.status || f.orgUnitId || f.lateHire)}
            columns={[
              {
                key: 'name', dataIndex: 'employeeName', title: t('letters.field.name'), sorter: true, sortOrder: list.sortOrderOf('name'),
                render: (v: string, l) => (
                  <Flex gap={6} wrap align="center">
                    <Link to={`/letters/print/${enterpriseId}/letters/${l.id}`}>{v}</Link>
                    {!l.hasAccount && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('letters.noAccount')}</Typography.Text>}
                    {l.lateHire && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('letters.lateHire')}</Typography.Text>}
                  </Flex>
                ),
              },
              { key: 'unit', dataIndex: 'orgUnitName', title: t('letters.field.unit'), sorter: true, sortOrder: list.sortOrderOf('unit') },
              { key: 'status', dataIndex: 'status', title: t('letters.field.status'), sorter: true, sortOrder: list.sortOrderOf('status'), render: (v: LetterStatus) => <LetterStatusTag status={v} /> },
              { key: 'method', dataIndex: 'method', title: t('letters.field.method'), render: (v: LetterRow['method']) => (v ? t(`sign.method.name.${v}`) : '—') },
              { key: 'signedAt', dataIndex: 'signedAt', title: t('letters.field.signedAt'), sorter: true, sortOrder: list.sortOrderOf('signedAt'), render: (v: string | null) => formatDateTime(v) },
              { key: 'dueOn', dataIndex: 'dueOn', title: t('letters.field.dueOn'), render: (v: string | null) => v ?? '—' },
            ]}
          />
        )}
      </Card>
      {recording && <PaperListDrawer enterpriseId={enterpriseId} campaignId={id} onClose={() => setRecording(false)} />}
    </div>
  );
}
