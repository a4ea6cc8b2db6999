import { useEffect, useState } from 'react';
import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Progress, Result } from 'antd';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../app/api';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useLeaveGuard } from '../../../app/useLeaveGuard';
import { checksApi, type RunAnswer, type RunOutput } from '../api/checks.api';
import { hazardQueries } from '../api/hazards.api';
import { CheckItemRunner, type Answer } from '../components/CheckItemRunner';
import { CheckTaskHeader } from '../components/CheckTaskHeader';
import { CheckTaskResults } from '../components/CheckTaskResults';
import { hasAnswers, useCheckRunDraft } from '../components/useCheckRunDraft';

const EMPTY: Answer = { result: null, note: '', photos: [] };

/**
 * Running a check card on a phone: item by item pass / fail / not applicable, a note and a photo for each failure,
 * and one submit that sends everything in a single multipart request; failed items come back as hazards. The answers
 * are kept on the phone until they are sent (a reload brings them back), and leaving with answers unsent is asked about.
 */
export function CheckTaskRunPage() {
  const { enterpriseId = '', id = '' } = useParams();
  // One page per task: moving to another task starts from that task's own answers.
  return <CheckTaskRun key={`${enterpriseId}/${id}`} enterpriseId={enterpriseId} id={id} />;
}

function CheckTaskRun({ enterpriseId, id }: { enterpriseId: string; id: string }) {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data: task, error, loading, reload, setData } = useApiQuery(['check-tasks', enterpriseId, 'detail', id], (signal) => checksApi.task(enterpriseId, id, signal));
  const { answers, setAnswers, restored, discard } = useCheckRunDraft([me.id, enterpriseId, id], task);
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<RunOutput | null>(null);
  // A run closes the task (its lists, its plan's counts) and turns failed items into hazards.
  const send = useApiMutation((answers: RunAnswer[]) => checksApi.run(enterpriseId, id, answers), {
    invalidates: [['check-tasks', enterpriseId], ['check-plans', enterpriseId], ...hazardQueries(enterpriseId)],
    onSuccess: (out) => {
      discard();
      setDone(out);
      setData(out);
      window.scrollTo({ top: 0 });
    },
  });
  usePageTitle(task?.checklistName);
  const running = !!task && task.status === 'open' && task.canRun && !done;
  useLeaveGuard(running && hasAnswers(answers), {
    title: t('check.leaveTitle'), content: t('check.leaveBody'), okText: t('check.leaveOk'), cancelText: t('check.leaveCancel'),
  });
  useEffect(() => {
    if (restored) message.info(t('check.draftRestored', { n: restored }));
  }, [restored, message, t]);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!task) return loading ? <PageLoading /> : null;

  const answerOf = (itemId: string) => answers[itemId] ?? EMPTY;
  const answered = task.items.filter((i) => answerOf(i.id).result).length;
  const missingPhoto = (itemId: string) => answerOf(itemId).result === 'fail' && answerOf(itemId).photos.length === 0;

  const passRest = () => setAnswers((prev) => {
    const next = { ...prev };
    for (const i of task.items) if (!next[i.id]?.result) next[i.id] = { ...(next[i.id] ?? EMPTY), result: 'pass' };
    return next;
  });

  const submit = async () => {
    setTried(true);
    if (answered < task.items.length) {
      message.warning(t('check.unanswered', { n: task.items.length - answered }));
      return;
    }
    if (task.items.some((i) => missingPhoto(i.id))) {
      message.warning(t('check.failPhotoRequired'));
      return;
    }
    try {
      await send.run(task.items.map((i) => {
        const a = answerOf(i.id);
        return { checklistItemId: i.id, result: a.result!, note: a.note.trim(), photos: a.result === 'fail' ? a.photos.map((p) => p.blob) : [] };
      }));
    } catch (e) {
      showError(e);
      // Run elsewhere meanwhile, or missed: the task as it is now, and its draft goes.
      if (isApiError(e) && e.reason === 'TASK_NOT_OPEN') reload();
    }
  };

  return (
    <div data-testid="check-task-page" data-status={task.status} style={{ maxWidth: 720, margin: '0 auto' }}>
      {done && (
        <Card style={{ marginBottom: 12 }} data-testid="check-run-done">
          <Result
            status={done.createdHazards.length ? 'warning' : 'success'}
            title={t('check.runDone')}
            subTitle={done.createdHazards.length ? t('check.hazardsCreated', { n: done.createdHazards.length }) : t('check.allGood')}
            extra={done.createdHazards.map((h) => (
              <Link key={h.id} to={`/enterprises/${enterpriseId}/hazards/${h.id}`} data-testid="check-run-hazard"><Button>{h.code}</Button></Link>
            ))}
          />
        </Card>
      )}
      <CheckTaskHeader task={task} />
      {running ? (
        <>
          <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
            <Progress percent={Math.round((answered / Math.max(1, task.items.length)) * 100)} format={() => `${answered}/${task.items.length}`} style={{ flex: 1, margin: 0 }} />
            <Popconfirm
              title={t('check.passRestConfirm', { n: task.items.length - answered })}
              description={t('check.passRestHint')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'check-pass-rest-ok' }}
              onConfirm={passRest}
              disabled={answered === task.items.length}
            >
              <Button icon={<CheckCircleOutlined />} disabled={answered === task.items.length} data-testid="check-pass-rest">{t('check.passRest')}</Button>
            </Popconfirm>
          </Flex>
          <Flex vertical gap={8}>
            {task.items.map((item, i) => (
              <CheckItemRunner
                key={item.id}
                index={i}
                item={item}
                answer={answerOf(item.id)}
                missingPhoto={tried && missingPhoto(item.id)}
                onChange={(a) => setAnswers((prev) => ({ ...prev, [item.id]: a }))}
              />
            ))}
          </Flex>
          <div style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: '#f5f7fa', zIndex: 2 }}>
            <Button type="primary" size="large" block icon={<SendOutlined />} loading={send.saving} onClick={() => void submit()} data-testid="check-submit">
              {t('check.submit', { done: answered, total: task.items.length })}
            </Button>
          </div>
        </>
      ) : (
        <>
          {task.status === 'open' && !task.canRun && <Alert type="info" showIcon title={t('check.notYours')} style={{ marginBottom: 12 }} />}
          <CheckTaskResults enterpriseId={enterpriseId} task={task} />
        </>
      )}
    </div>
  );
}
