import { useState } from 'react';
import { CheckOutlined, EditOutlined, FileDoneOutlined, SendOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, List, Table, Tabs, Tag, Timeline, Typography, Upload } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { useShowError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { planQueries, plansApi, type Filing, type PlanDetail, type SignBody } from '../api/emergency-plans.api';
import { PlanFormDrawer } from '../components/PlanFormDrawer';
import { FilingStatusTag, PlanKindTag, PlanStatusTag } from '../components/PlanTags';
import { AssessmentDrawer, IssueDrawer, ReviewDrawer, ReviseDrawer, WithdrawDrawer } from '../components/StepDrawers';

type Drawer = 'edit' | 'review' | 'issue' | 'revise' | 'withdraw' | 'assess' | 'sign' | { assessment: string } | null;

const SECTIONS: { key: 'scope' | 'organisation' | 'responseLevels' | 'procedures' | 'resources' | 'rescueOrganisation' | 'contacts' | 'body'; label: MessageKey }[] = [
  { key: 'scope', label: 'emergencyPlans.field.scope' },
  { key: 'organisation', label: 'emergencyPlans.field.organisation' },
  { key: 'responseLevels', label: 'emergencyPlans.field.responseLevels' },
  { key: 'procedures', label: 'emergencyPlans.field.procedures' },
  { key: 'resources', label: 'emergencyPlans.field.resources' },
  { key: 'rescueOrganisation', label: 'emergencyPlans.field.rescueOrganisation' },
  { key: 'contacts', label: 'emergencyPlans.field.contacts' },
  { key: 'body', label: 'emergencyPlans.field.body' },
];

/**
 * One plan: its current version's sections, its review, signature, issue and filing with each office, the version
 * history, read receipts, yearly reviews and evaluations. Each step's button shows only when the caller may take it
 * (the server's abilities); the principal signs on his phone with the pad or his password.
 */
export function PlanDetailPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const [drawer, setDrawer] = useState<Drawer>(null);
  const { data: p, error, loading, reload, setData } = useApiQuery(['emergency-plans', enterpriseId, 'detail', id], (signal) => plansApi.get(enterpriseId, id, signal));
  const receipts = useApiQuery(['emergency-plans', enterpriseId, 'receipts', id], (signal) => plansApi.receipts(enterpriseId, id, signal), Boolean(p?.abilities.receipts && p.issuedAt));
  const done = (next: PlanDetail) => { setData(next); setDrawer(null); void message.success(t('emergencyPlans.saved')); };
  const inv = { invalidates: planQueries(enterpriseId), onSuccess: done };
  const step = useApiMutation((op: 'submit' | 'file' | 'refile') => plansApi.step(enterpriseId, id, op, { version: p?.version }), inv);
  const read = useApiMutation(() => plansApi.read(enterpriseId, id), inv);
  const sign = useApiMutation((o: SignOutcome) => plansApi.sign(enterpriseId, id, { ...(o as SignBody), version: p?.version }), inv);
  const signAssessment = useApiMutation((v: { assessmentId: string; o: SignOutcome }) => plansApi.signAssessment(enterpriseId, id, v.assessmentId, v.o as SignBody), inv);
  const upload = useApiMutation((v: { role: 'document' | 'review'; file: File }) => plansApi.upload(enterpriseId, id, v.role, [v.file]), {
    invalidates: planQueries(enterpriseId), onSuccess: () => { void reload(); },
  });
  usePageTitle(p?.title);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!p) return loading ? <PageLoading /> : null;
  const a = p.abilities;
  const c = p.content;

  const confirmStep = (op: 'submit' | 'file' | 'refile', title: MessageKey, content: MessageKey) => modal.confirm({
    title: t(title), content: t(content), okText: t(title), cancelText: t('common.cancel'),
    onOk: async () => { try { await step.run(op); } catch (e) { showError(e); } },
  });

  const filingColumns = [
    { key: 'departmentName', dataIndex: 'departmentName', title: t('emergencyPlans.office') },
    { key: 'versionNo', dataIndex: 'versionNo', title: t('emergencyPlans.field.version'), render: (v: number) => t('emergencyPlans.versionNo', { n: v }) },
    { key: 'status', dataIndex: 'status', title: t('emergencyPlans.field.status'), render: (_: unknown, f: Filing) => <FilingStatusTag status={f.status} /> },
    { key: 'submittedAt', dataIndex: 'submittedAt', title: t('emergencyPlans.submittedAt'), render: (v: string) => formatDateTime(v) },
    {
      key: 'outcome', title: t('emergencyPlans.outcome'),
      render: (_: unknown, f: Filing) => (f.status === 'accepted' ? t('emergencyPlans.receiptNo', { no: f.receiptNo ?? '' }) : f.status === 'returned' ? <Typography.Text type="danger">{f.returnReason}</Typography.Text> : ''),
    },
  ];

  return (
    <div data-testid="plan-detail-page" data-status={p.status}>
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex gap={6} wrap align="center">
            <PlanStatusTag status={p.status} />
            <PlanKindTag kind={p.kind} />
            <Tag>{t('emergencyPlans.versionNo', { n: c.number })}</Tag>
            {c.reviewMode && <Tag color="purple">{t(`emergencyPlans.mode.${c.reviewMode}`)}</Tag>}
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-title-text">{p.title}</Typography.Title>
          {p.status === 'draft' && <Typography.Text type="secondary">{t('emergencyPlans.modeHint', { mode: t(`emergencyPlans.mode.${p.reviewModeRequired}`) })}</Typography.Text>}
          {p.status === 'withdrawn' && <Alert type="warning" showIcon message={t('emergencyPlans.withdrawnAlert')} data-testid="plan-withdrawn-alert" />}
          {p.returnedFilings > 0 && <Alert type="error" showIcon message={t('emergencyPlans.returnedAlert')} />}
          {c.signedAt && <Typography.Text type="secondary">{t('emergencyPlans.signedBy', { name: c.signedByName ?? '', at: formatDateTime(c.signedAt) })}</Typography.Text>}
          <Flex gap={8} wrap>
            {a.update && <Button icon={<EditOutlined />} onClick={() => setDrawer('edit')} data-testid="plan-edit">{t('emergencyPlans.edit')}</Button>}
            {a.upload && (
              <Upload showUploadList={false} beforeUpload={(file) => { void upload.run({ role: p.status === 'draft' ? 'document' : 'review', file }).catch(showError); return false; }}>
                <Button icon={<UploadOutlined />} loading={upload.saving}>{t(p.status === 'draft' ? 'emergencyPlans.uploadDocument' : 'emergencyPlans.uploadReview')}</Button>
              </Upload>
            )}
            {a.submit && <Button type="primary" icon={<SendOutlined />} onClick={() => confirmStep('submit', 'emergencyPlans.submit', 'emergencyPlans.submitHint')} data-testid="plan-submit">{t('emergencyPlans.submit')}</Button>}
            {a.record_review && <Button type="primary" onClick={() => setDrawer('review')} data-testid="plan-record-review">{t('emergencyPlans.recordReview')}</Button>}
            {a.sign && <Button type="primary" size="large" icon={<CheckOutlined />} onClick={() => setDrawer('sign')} data-testid="plan-sign">{t('emergencyPlans.sign')}</Button>}
            {a.issue && <Button type="primary" onClick={() => setDrawer('issue')} data-testid="plan-issue-open">{t('emergencyPlans.issue')}</Button>}
            {a.file && <Button type="primary" icon={<FileDoneOutlined />} onClick={() => confirmStep('file', 'emergencyPlans.file', 'emergencyPlans.fileHint')} data-testid="plan-file">{t('emergencyPlans.file')}</Button>}
            {a.refile && <Button type="primary" danger onClick={() => confirmStep('refile', 'emergencyPlans.refile', 'emergencyPlans.refileHint')} data-testid="plan-refile">{t('emergencyPlans.refile')}</Button>}
            {a.revise && <Button onClick={() => setDrawer('revise')} data-testid="plan-revise-open">{t('emergencyPlans.revise')}</Button>}
            {a.withdraw && <Button danger icon={<StopOutlined />} onClick={() => setDrawer('withdraw')} data-testid="plan-withdraw-open">{t('emergencyPlans.withdraw')}</Button>}
            {a.read && <Button type="primary" size="large" loading={read.saving} onClick={() => void read.run(undefined).catch(showError)} data-testid="plan-read">{t('emergencyPlans.confirmRead')}</Button>}
            {p.receipts.mine && p.receipts.mineReadAt && <Tag color="green">{t('emergencyPlans.readAt', { at: formatDateTime(p.receipts.mineReadAt) })}</Tag>}
          </Flex>
        </Flex>
      </Card>
      <Tabs items={[
        {
          key: 'content', label: t('emergencyPlans.tab.content'),
          children: (
            <Descriptions column={1} bordered size="small">
              {SECTIONS.map((s) => (
                <Descriptions.Item key={s.key} label={t(s.label)}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c[s.key] || '—'}</Typography.Paragraph></Descriptions.Item>
              ))}
              <Descriptions.Item label={t('emergencyPlans.coverage')}>{t('emergencyPlans.coverageCount', { points: c.riskPointIds.length, posts: c.postIds.length })}</Descriptions.Item>
              <Descriptions.Item label={t('emergencyPlans.files')}>
                <Flex vertical>{p.files.length ? p.files.map((f) => <a key={f.id} href={f.url} target="_blank" rel="noreferrer">{f.name}</a>) : '—'}</Flex>
              </Descriptions.Item>
            </Descriptions>
          ),
        },
        {
          key: 'review', label: t('emergencyPlans.tab.review'),
          children: c.reviewConclusion ? (
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('emergencyPlans.mode')}>{c.reviewMode ? t(`emergencyPlans.mode.${c.reviewMode}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('emergencyPlans.reviewers')}>{c.reviewers.map((r) => (r.organisation ? `${r.name}（${r.organisation}）` : r.name)).join('、')}</Descriptions.Item>
              <Descriptions.Item label={t('emergencyPlans.reviewedOn')}>{formatDate(c.reviewedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('emergencyPlans.conclusion')}>{t(`emergencyPlans.conclusion.${c.reviewConclusion}`)}</Descriptions.Item>
              <Descriptions.Item label={t('emergencyPlans.opinions')}>{c.reviewOpinions || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('emergencyPlans.sha256')}><Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{c.contentSha256 ?? '—'}</Typography.Text></Descriptions.Item>
            </Descriptions>
          ) : <Typography.Text type="secondary">{t('emergencyPlans.noReview')}</Typography.Text>,
        },
        {
          key: 'filings', label: t('emergencyPlans.tab.filings'),
          children: <Table<Filing> rowKey="id" size="small" pagination={false} scroll={{ x: 640 }} dataSource={p.filings} columns={filingColumns} data-testid="plan-filings"
            locale={{ emptyText: t('emergencyPlans.noFilings') }} />,
        },
        ...(a.receipts && p.issuedAt ? [{
          key: 'receipts', label: t('emergencyPlans.tab.receipts', { read: p.receipts.read, total: p.receipts.total }),
          children: (
            <List size="small" dataSource={receipts.data?.items ?? []} loading={receipts.loading}
              renderItem={(r) => <List.Item extra={r.readAt ? <Tag color="green">{formatDateTime(r.readAt)}</Tag> : <Tag>{t('emergencyPlans.unread')}</Tag>}>{r.name}{r.unitName ? ` · ${r.unitName}` : ''}</List.Item>} />
          ),
        }] : []),
        {
          key: 'assessments', label: t('emergencyPlans.tab.assessments'),
          children: (
            <Flex vertical gap={8}>
              {a.assess && <div><Button onClick={() => setDrawer('assess')} data-testid="plan-assess-open">{t('emergencyPlans.assess')}</Button></div>}
              <List size="small" dataSource={p.assessments} locale={{ emptyText: t('emergencyPlans.noAssessments') }}
                renderItem={(x) => (
                  <List.Item extra={x.signedAt ? <Tag color="green">{t('emergencyPlans.signedAt', { at: formatDateTime(x.signedAt) })}</Tag>
                    : a.signAssessment ? <Button size="small" type="primary" onClick={() => setDrawer({ assessment: x.id })}>{t('emergencyPlans.sign')}</Button> : <Tag>{t('emergencyPlans.awaitingSignature')}</Tag>}>
                    <List.Item.Meta title={`${t(`emergencyPlans.assessment.${x.kind}`)} · ${formatDate(x.reviewedOn)} · ${x.reviewer}`}
                      description={`${t(x.changed ? 'emergencyPlans.changedYes' : 'emergencyPlans.changedNo')}：${x.reason}`} />
                  </List.Item>
                )} />
            </Flex>
          ),
        },
        {
          key: 'history', label: t('emergencyPlans.tab.history'),
          children: (
            <Flex vertical gap={16}>
              <Table rowKey="number" size="small" pagination={false} scroll={{ x: 560 }} dataSource={p.versions} columns={[
                { key: 'number', dataIndex: 'number', title: t('emergencyPlans.field.version'), render: (v: number) => t('emergencyPlans.versionNo', { n: v }) },
                { key: 'cause', dataIndex: 'revisionCause', title: t('emergencyPlans.revisionCause'), render: (v: PlanDetail['content']['revisionCause'], r) => (v ? `${t(`emergencyPlans.cause.${v}`)}：${r.revisionNote}` : t('emergencyPlans.firstVersion')) },
                { key: 'signedAt', dataIndex: 'signedAt', title: t('emergencyPlans.signedAtCol'), render: (v: string | null) => (v ? formatDateTime(v) : '—') },
                { key: 'issuedAt', dataIndex: 'issuedAt', title: t('emergencyPlans.issuedAt'), render: (v: string | null) => (v ? formatDateTime(v) : '—') },
              ]} />
              <Timeline items={p.events.map((e) => ({
                children: <Flex vertical><span>{t(`emergencyPlans.op.${e.op}` as MessageKey)} · {t('emergencyPlans.versionNo', { n: e.versionNo })}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(e.at)} {e.actorName ?? ''}{e.note ? ` · ${e.note}` : ''}</Typography.Text></Flex>,
              }))} />
            </Flex>
          ),
        },
      ]} />
      {drawer === 'edit' && <PlanFormDrawer enterpriseId={enterpriseId} plan={p} onSaved={done} onClose={() => setDrawer(null)} />}
      {drawer === 'review' && <ReviewDrawer plan={p} onDone={done} onClose={() => setDrawer(null)} />}
      {drawer === 'issue' && <IssueDrawer plan={p} onDone={done} onClose={() => setDrawer(null)} />}
      {drawer === 'revise' && <ReviseDrawer plan={p} onDone={done} onClose={() => setDrawer(null)} />}
      {drawer === 'withdraw' && <WithdrawDrawer plan={p} onDone={done} onClose={() => setDrawer(null)} />}
      {drawer === 'assess' && <AssessmentDrawer plan={p} onDone={() => { setDrawer(null); void reload(); }} onClose={() => setDrawer(null)} />}
      {drawer === 'sign' && (
        <SignDialog enterpriseId={enterpriseId} mode="self" title={t('emergencyPlans.signTitle')} onSign={sign.run} onClose={() => setDrawer(null)}
          intro={<Alert type="info" showIcon message={t('emergencyPlans.signHint', { title: p.title, n: c.number })} />} />
      )}
      {drawer !== null && typeof drawer === 'object' && (
        <SignDialog enterpriseId={enterpriseId} mode="self" title={t('emergencyPlans.signAssessmentTitle')} onSign={(o) => signAssessment.run({ assessmentId: drawer.assessment, o })}
          onClose={() => setDrawer(null)} />
      )}
    </div>
  );
}
