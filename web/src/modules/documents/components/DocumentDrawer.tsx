import { App, Button, DatePicker, Descriptions, Drawer, Form, Grid, Input, List, Modal, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { documentsApi, documentsQueries, type AckCounts, type VersionStatus } from '../api/documents.api';
import { DiffView } from './DiffView';
import { QuizAnswers, completeAnswers, type QuizAnswerValues } from './QuizAnswers';
import { QuizEditDrawer } from './QuizEditDrawer';
import { QuizEditor, quizOf, type QuizFormValue } from './QuizEditor';
import { QuizView } from './QuizView';

const STATUS_COLOR: Record<VersionStatus, string> = { draft: 'default', approved: 'processing', published: 'success' };

export function useRateText() {
  const { t } = useI18n();
  return (a: AckCounts) => (a.rate === null ? t('documents.none') : t('documents.rate', { acknowledged: a.acknowledged, asked: a.asked, rate: `${a.rate}%` }));
}

/** One document: its coverage, its versions with their approval and acknowledgements, and revising it. */
export function DocumentDrawer({ enterpriseId, id, onClose }: { enterpriseId: string; id: string; onClose: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const rate = useRateText();
  const { data: d, error, reload } = useApiQuery(['documents', enterpriseId, 'document', id], (signal) => documentsApi.document(enterpriseId, id, signal));
  const [version, setVersion] = useState<string | null>(null);
  const [revising, setRevising] = useState(false);
  return (
    <Drawer open onClose={onClose} width={screens.md ? 640 : '100%'} title={d?.title ?? ''} data-testid="documents-drawer"
      extra={d?.abilities.canNewVersion && <Button onClick={() => setRevising(true)} data-testid="documents-new-version">{t('documents.newVersion')}</Button>}>
      {error ? <ErrorState error={error} onRetry={reload} /> : !d ? <Skeleton active /> : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered items={[
            { key: 'kind', label: t('documents.field.kind'), children: t(`documents.kind.${d.kind}`) },
            ...(d.kind === 'rule' ? [{ key: 'codes', label: t('documents.field.requiredCodes'), children: d.requiredNames.map((n) => <Tag key={n}>{n}</Tag>) }] : []),
            { key: 'processes', label: t('documents.field.processes'), children: d.processes || '—' },
            { key: 'posts', label: t('documents.field.posts'), children: d.posts.length ? d.posts.map((p) => <Tag key={p.id}>{p.name}</Tag>) : '—' },
            { key: 'current', label: t('documents.field.current'), children: d.current ? `${t('documents.versionNo', { n: d.current.number })} · ${d.current.effectiveOn} · ${rate(d.current.acks)}` : t('documents.none') },
          ]} />
          <Typography.Title level={5}>{t('documents.versions')}</Typography.Title>
          <List size="small" dataSource={d.versions} data-testid="documents-versions" renderItem={(v) => (
            <List.Item onClick={() => setVersion(v.id)} style={{ cursor: 'pointer' }} extra={<Tag color={STATUS_COLOR[v.status]}>{t(`documents.status.${v.status}`)}</Tag>}>
              <List.Item.Meta title={`${t('documents.versionNo', { n: v.number })} · ${v.effectiveOn}`}
                description={[v.changeNote, v.approvedByName, v.status === 'published' ? rate(v.acks) : ''].filter(Boolean).join(' · ')} />
            </List.Item>
          )} />
        </Space>
      )}
      {version && <VersionDrawer enterpriseId={enterpriseId} documentId={id} versionId={version} onClose={() => setVersion(null)} />}
      {revising && <RevisionDrawer enterpriseId={enterpriseId} documentId={id} onClose={() => setRevising(false)} onCreated={(v) => { setRevising(false); setVersion(v); }} />}
    </Drawer>
  );
}

/** A version's text and what changed since the previous one; the principal approves it, a manager publishes it. */
function VersionDrawer({ enterpriseId, documentId, versionId, onClose }: { enterpriseId: string; documentId: string; versionId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const { data: v, error, reload } = useApiQuery(['documents', enterpriseId, 'version', versionId], (signal) => documentsApi.version(enterpriseId, documentId, versionId, signal));
  const [signing, setSigning] = useState(false);
  const [proxy, setProxy] = useState(false);
  const [editingQuiz, setEditingQuiz] = useState(false);
  // The person at the shared device answers the quiz before signing; each person starts afresh.
  const [answers, setAnswers] = useState<QuizAnswerValues>([]);
  const people = useApiQuery(['documents', enterpriseId, 'proxy', versionId], (signal) => documentsApi.pendingPeople(enterpriseId, documentId, versionId, signal), proxy);
  const proxyAck = useApiMutation((o: SignOutcome) => {
    if (o.method !== 'proxy_pad') throw new Error('proxy only');
    const quiz = v?.quiz ?? [];
    const given = completeAnswers(quiz, answers);
    if (quiz.length > 0 && !given) throw new Error(t('documents.quiz.answerAll'));
    return documentsApi.proxyAck(enterpriseId, documentId, versionId, {
      employeeId: o.employeeId, idLast4: o.idLast4, imageAttachmentId: o.imageAttachmentId, device: o.device, ...(given && quiz.length > 0 ? { answers: given } : {}),
    });
  }, { invalidates: documentsQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); } });
  const openProxy = () => { setAnswers([]); proxyAck.reset(); setProxy(true); };
  const approve = useApiMutation((o: Parameters<typeof documentsApi.approve>[3]) => documentsApi.approve(enterpriseId, documentId, versionId, o),
    { invalidates: documentsQueries(enterpriseId), onSuccess: () => { setSigning(false); void message.success(t('common.saved')); } });
  const publish = useApiMutation(() => documentsApi.publish(enterpriseId, documentId, versionId),
    { invalidates: documentsQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); } });
  return (
    <Drawer open onClose={onClose} width={screens.md ? 640 : '100%'} data-testid="documents-version"
      title={v ? `${v.documentTitle} · ${t('documents.versionNo', { n: v.number })}` : ''}
      extra={v && (
        <Space>
          {v.abilities.canProxyAck && (
            <Button onClick={openProxy} data-testid="documents-proxy">{t('documents.proxy')}</Button>
          )}
          {v.abilities.canEdit && <Button onClick={() => setEditingQuiz(true)} data-testid="documents-quiz-edit-open">{t('documents.quiz.edit')}</Button>}
          {v.abilities.canApprove && <Button type="primary" onClick={() => setSigning(true)} data-testid="documents-approve">{t('documents.approve')}</Button>}
          {v.abilities.canPublish && (
            <Popconfirm title={t('documents.publishConfirm')} onConfirm={() => publish.run(undefined)}>
              <Button type="primary" loading={publish.saving} data-testid="documents-publish">{t('documents.publish')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}>
      {error ? <ErrorState error={error} onRetry={reload} /> : !v ? <Skeleton active /> : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={STATUS_COLOR[v.status]}>{t(`documents.status.${v.status}`)}</Tag>
            <Typography.Text>{t('documents.field.effectiveOn')}：{v.effectiveOn}</Typography.Text>
            {v.approvedByName && <Typography.Text type="secondary">{v.approvedByName}</Typography.Text>}
          </Space>
          {v.files.length > 0 && (
            <Space wrap>{t('documents.files')}：{v.files.map((f) => <a key={f.id} href={documentsApi.fileUrl(enterpriseId, f.id)} target="_blank" rel="noreferrer">{f.name || f.id.slice(0, 8)}</a>)}</Space>
          )}
          {v.changeNote && <Typography.Paragraph>{t('documents.field.changeNote')}：{v.changeNote}</Typography.Paragraph>}
          <Typography.Title level={5}>{v.againstNumber ? t('documents.diff', { n: v.againstNumber }) : t('documents.diffFirst')}</Typography.Title>
          <DiffView lines={v.diff} />
          {v.quiz.length > 0 && <QuizView quiz={v.quiz} />}
        </Space>
      )}
      {editingQuiz && v && <QuizEditDrawer enterpriseId={enterpriseId} version={v} onClose={() => setEditingQuiz(false)} />}
      {proxy && people.data && (
        people.data.length === 0
          ? <SignDialogEmpty onClose={() => setProxy(false)} />
          : <SignDialog enterpriseId={enterpriseId} mode="other" title={t('documents.proxyTitle')}
            intro={v && v.quiz.length > 0 ? (
              <>
                {t('documents.proxyIntroQuiz')}
                {/* The shared device shows the questions only: the correct options stay off the screen. */}
                <QuizAnswers quiz={v.quiz.map((q) => ({ text: q.text, options: q.options }))} value={answers} onChange={(next) => { setAnswers(next); proxyAck.reset(); }} error={proxyAck.error} />
              </>
            ) : t('documents.proxyIntro')}
            people={people.data.map((p) => ({ id: p.employeeId, name: p.name, hint: p.orgUnitName }))}
            onSign={async (o) => { await proxyAck.run(o); setProxy(false); }} onClose={() => setProxy(false)} />
      )}
      {signing && v && (
        <SignDialog enterpriseId={enterpriseId} mode="self" title={t('documents.approveTitle')} intro={`${v.documentTitle} · ${t('documents.versionNo', { n: v.number })}`}
          onSign={(o) => approve.run({ ...o, version: v.rowVersion })} onClose={() => setSigning(false)} />
      )}
    </Drawer>
  );
}

function SignDialogEmpty({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return <Modal open onCancel={onClose} onOk={onClose} footer={null}>{t('documents.proxyNone')}</Modal>;
}

type RevisionValues = { body: string; effectiveOn: Dayjs; changeNote: string; quiz: QuizFormValue };

/** A new draft version, starting from the text in force. */
function RevisionDrawer({ enterpriseId, documentId, onClose, onCreated }: { enterpriseId: string; documentId: string; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RevisionValues>();
  const doc = useApiQuery(['documents', enterpriseId, 'document', documentId], (signal) => documentsApi.document(enterpriseId, documentId, signal));
  const latest = doc.data?.versions[0];
  const text = useApiQuery(['documents', enterpriseId, 'version', latest?.id ?? ''], (signal) => documentsApi.version(enterpriseId, documentId, latest!.id, signal), !!latest);
  const save = useApiMutation((v: RevisionValues) => documentsApi.createVersion(enterpriseId, documentId, {
    body: v.body ?? '', effectiveOn: v.effectiveOn.format('YYYY-MM-DD'), changeNote: v.changeNote ?? '', quiz: quizOf(v.quiz),
  }),
    { invalidates: documentsQueries(enterpriseId), onSuccess: (v) => onCreated(v.id) });
  if (latest && !text.data) return null;
  return (
    <FormDrawer<RevisionValues> title={t('documents.newVersion')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="documents-revise" width={640}
      initialValues={{
        body: text.data?.body ?? '', effectiveOn: dayjs(), changeNote: '',
        // The revision starts from the quiz in force too; the manager may change it until approval.
        quiz: (text.data?.quiz ?? []).map((q) => ({ text: q.text, options: [...q.options], correct: q.correct ?? 0 })),
      }}>
      <Form.Item name="effectiveOn" label={t('documents.field.effectiveOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      <Form.Item name="changeNote" label={t('documents.field.changeNote')} rules={[{ required: true, max: 1000 }]}><Input maxLength={1000} /></Form.Item>
      <Form.Item name="body" label={t('documents.field.body')} rules={[{ max: 20000 }]}><Input.TextArea rows={14} maxLength={20000} /></Form.Item>
      <QuizEditor />
    </FormDrawer>
  );
}
