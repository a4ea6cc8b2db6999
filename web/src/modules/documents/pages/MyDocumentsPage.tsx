import { App, Button, Card, Drawer, Empty, Grid, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { documentsApi, type AckItem } from '../api/documents.api';
import { QuizAnswers, completeAnswers, quizRefusal, type QuizAnswerValues } from '../components/QuizAnswers';

/** 待阅读的制度规程 (R-DOC-1 "人人知晓"), for a phone: what the person was asked to read, reading it, and confirming. */
export function MyDocumentsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['documents', 'mine'], (signal) => documentsApi.mine(signal));
  const [reading, setReading] = useState<string | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const item = (a: AckItem) => (
    <List.Item onClick={() => setReading(a.versionId)} style={{ cursor: 'pointer' }}
      extra={a.acknowledgedAt ? <Tag color="success">{t('documents.mine.done')}</Tag> : <Tag color="warning">{t('documents.mine.pending')}</Tag>}>
      <List.Item.Meta title={a.title} description={`${t(`documents.kind.${a.kind}`)} · ${t('documents.versionNo', { n: a.number })} · ${a.effectiveOn}`} />
    </List.Item>
  );
  return (
    <div data-testid="documents-mine">
      <PageHeader title={t('documents.mine.title')} />
      <Card size="small" loading={loading}>
        {data && data.pending.length === 0 ? <Empty description={t('documents.mine.empty')} /> : <List dataSource={data?.pending ?? []} renderItem={item} data-testid="documents-mine-pending" />}
      </Card>
      {data && data.done.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('documents.mine.done')}</Typography.Title>
          <Card size="small"><List dataSource={data.done} renderItem={item} /></Card>
        </>
      )}
      {reading && <Reader versionId={reading} onClose={() => setReading(null)} />}
    </div>
  );
}

function Reader({ versionId, onClose }: { versionId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const showError = useShowError();
  const { data: a, error, reload } = useApiQuery(['documents', 'mine', versionId], (signal) => documentsApi.ack(versionId, signal));
  const [answers, setAnswers] = useState<QuizAnswerValues>([]);
  const ack = useApiMutation((given: number[] | undefined) => documentsApi.acknowledge(versionId, given),
    { invalidates: [['documents', 'mine']], onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  const quiz = a && !a.acknowledgedAt ? a.quiz : [];
  // R-DOC-1: with a quiz, the button waits for every answer; wrong answers are shown at their questions to try again.
  const given = completeAnswers(quiz, answers);
  const confirm = () => {
    ack.run(quiz.length > 0 && given ? given : undefined).catch((e: unknown) => { if (!quizRefusal(e)) showError(e); });
  };
  return (
    <Drawer open onClose={onClose} width={screens.md ? 640 : '100%'} title={a?.title ?? ''} data-testid="documents-reader"
      footer={a && (a.acknowledgedAt
        ? <Typography.Text type="success">{t('documents.mine.acked', { at: new Date(a.acknowledgedAt).toLocaleString() })}</Typography.Text>
        : <Button type="primary" block size="large" loading={ack.saving} disabled={quiz.length > 0 && !given} onClick={confirm} data-testid="documents-acknowledge">{t('documents.mine.ack')}</Button>)}>
      {error ? <ErrorState error={error} onRetry={reload} /> : !a ? <Skeleton active /> : (
        <>
          <Typography.Paragraph type="secondary">{t('documents.versionNo', { n: a.number })} · {t('documents.field.effectiveOn')}：{a.effectiveOn}{a.changeNote ? ` · ${a.changeNote}` : ''}</Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16 }}>{a.body}</Typography.Paragraph>
          {a.files.map((f) => <div key={f.id}><a href={documentsApi.myFileUrl(versionId, f.id)} target="_blank" rel="noreferrer">{t('documents.files')}：{f.name || f.id.slice(0, 8)}</a></div>)}
          {quiz.length > 0 && <QuizAnswers quiz={quiz} value={answers} onChange={(next) => { setAnswers(next); ack.reset(); }} error={ack.error} />}
        </>
      )}
    </Drawer>
  );
}
