import { Alert, Radio, Space, Typography } from 'antd';
import { isApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { QuizQuestionAsked } from '../api/documents.api';

/** The answers so far, one option index (or none yet) per question. */
export type QuizAnswerValues = (number | undefined)[];

/** Whether every question has an answer; then the answers as the acknowledgement sends them. */
export function completeAnswers(quiz: readonly unknown[], values: QuizAnswerValues): number[] | null {
  const answers = quiz.map((_, i) => values[i]);
  return answers.every((a): a is number => a !== undefined) ? answers : null;
}

/** The server's refusal of the answers (R-DOC-1 quiz): its message, and the message at each wrong answer. */
export function quizRefusal(error: unknown): { message: string; byQuestion: Map<number, string> } | null {
  if (!isApiError(error) || (error.reason !== 'QUIZ_WRONG' && error.reason !== 'QUIZ_UNANSWERED')) return null;
  const byQuestion = new Map<number, string>();
  for (const issue of error.issues) {
    const m = /^body\.answers\.(\d+)$/.exec(issue.path);
    if (m) byQuestion.set(Number(m[1]), issue.message);
  }
  return { message: error.message, byQuestion };
}

/**
 * R-DOC-1's short quiz as the person answers it, on the phone or on the shared device: one radio group per question.
 * The questions come without their correct options; the server judges the answers.
 */
export function QuizAnswers({ quiz, value, onChange, error }: {
  quiz: QuizQuestionAsked[]; value: QuizAnswerValues; onChange: (value: QuizAnswerValues) => void; error?: unknown;
}) {
  const { t } = useI18n();
  const refusal = quizRefusal(error);
  return (
    <div data-testid="documents-quiz" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('documents.quiz.answerTitle', { n: quiz.length })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('documents.quiz.answerHint')}</Typography.Paragraph>
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal.message} data-testid="documents-quiz-refused" />}
      {quiz.map((q, i) => (
        <div key={i} style={{ marginBottom: 16 }}>
          <Typography.Text strong>{`${i + 1}. ${q.text}`}</Typography.Text>
          <Radio.Group
            style={{ display: 'block', marginTop: 8 }} value={value[i]} data-testid={`documents-quiz-${i}`}
            onChange={(e) => onChange(quiz.map((_, j) => (j === i ? Number(e.target.value) : value[j])))}
          >
            <Space orientation="vertical">
              {q.options.map((o, j) => <Radio key={j} value={j} style={{ fontSize: 16 }}>{o}</Radio>)}
            </Space>
          </Radio.Group>
          {refusal?.byQuestion.has(i) && <div><Typography.Text type="danger">{refusal.byQuestion.get(i)}</Typography.Text></div>}
        </div>
      ))}
    </div>
  );
}
