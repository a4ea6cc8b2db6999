import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { QUIZ_MAX_OPTIONS, QUIZ_MAX_QUESTIONS, type QuizQuestion } from '../api/documents.api';

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const NEW_QUESTION: QuizQuestion = { text: '', options: ['', ''], correct: 0 };

/** The quiz as the form holds it: a question being written may lack a field yet. */
export type QuizFormValue = Partial<QuizQuestion>[] | undefined;

/** The form's questions as the server takes them (trimmed; a question not written through is left to the server to refuse). */
export function quizOf(value: QuizFormValue): QuizQuestion[] {
  return (value ?? []).map((q) => ({ text: (q.text ?? '').trim(), options: (q.options ?? []).map((o) => (o ?? '').trim()), correct: q.correct ?? 0 }));
}

/**
 * R-DOC-1's optional short quiz in a version's form (field `quiz`): up to five single-choice questions of two to four
 * options, each with its correct option. Once the principal approves the version the questions are signed with it.
 */
export function QuizEditor() {
  const { t } = useI18n();
  return (
    <Form.List name="quiz">
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="documents-quiz-editor">
          <Typography.Title level={5} style={{ marginTop: 8 }}>{t('documents.quiz.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('documents.quiz.editorHint', { max: QUIZ_MAX_QUESTIONS })}</Typography.Paragraph>
          {fields.map((field, i) => (
            <Card key={field.key} size="small" style={{ marginBottom: 12 }} title={t('documents.quiz.questionNo', { n: i + 1 })}
              extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('documents.quiz.removeQuestion')} />}>
              <Form.Item name={[field.name, 'text']} label={t('documents.quiz.text')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
                <Input maxLength={200} data-testid={`documents-quiz-text-${i}`} />
              </Form.Item>
              <Form.List name={[field.name, 'options']}>
                {(options, ops) => (
                  <>
                    {options.map((option, j) => (
                      <Space key={option.key} align="baseline" style={{ display: 'flex' }}>
                        <Form.Item name={option.name} label={t('documents.quiz.option', { letter: LETTERS[j] ?? '' })}
                          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
                          <Input maxLength={100} style={{ width: 320, maxWidth: '60vw' }} />
                        </Form.Item>
                        {options.length > 2 && <Button type="text" icon={<DeleteOutlined />} onClick={() => ops.remove(option.name)} aria-label={t('documents.quiz.removeOption')} />}
                      </Space>
                    ))}
                    {options.length < QUIZ_MAX_OPTIONS && (
                      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => ops.add('')} style={{ marginBottom: 12 }}>{t('documents.quiz.addOption')}</Button>
                    )}
                  </>
                )}
              </Form.List>
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const count = ((form.getFieldValue(['quiz', field.name, 'options']) as unknown[] | undefined) ?? []).length;
                  return (
                    <Form.Item name={[field.name, 'correct']} label={t('documents.quiz.correct')} rules={[{ required: true, message: t('validation.required') }]}>
                      <Select style={{ width: 160 }} options={LETTERS.slice(0, count).map((l, j) => ({ value: j, label: t('documents.quiz.option', { letter: l }) }))} />
                    </Form.Item>
                  );
                }}
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < QUIZ_MAX_QUESTIONS && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...NEW_QUESTION, options: [...NEW_QUESTION.options] })} data-testid="documents-quiz-add">
              {t('documents.quiz.addQuestion')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
