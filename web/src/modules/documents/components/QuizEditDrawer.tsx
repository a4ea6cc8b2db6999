import { App, Form } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { documentsApi, documentsQueries, type VersionDetail } from '../api/documents.api';
import { QuizEditor, quizOf, type QuizFormValue } from './QuizEditor';

type Values = { quiz: QuizFormValue };

/** Writes the quiz of a draft version (the safety manager); approval signs it and it never changes after. */
export function QuizEditDrawer({ enterpriseId, version, onClose }: { enterpriseId: string; version: VersionDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => documentsApi.editVersion(enterpriseId, version.documentId, version.id, { quiz: quizOf(v.quiz), rowVersion: version.rowVersion }),
    { invalidates: documentsQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values> title={t('documents.quiz.edit')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="documents-quiz-edit" width={640}
      initialValues={{ quiz: version.quiz.map((q) => ({ text: q.text, options: [...q.options], correct: q.correct ?? 0 })) }}>
      <QuizEditor />
    </FormDrawer>
  );
}
