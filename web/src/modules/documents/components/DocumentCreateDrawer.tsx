import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { orgApi } from '../../org/api/org.api';
import { DOCUMENT_KINDS, documentsApi, documentsQueries, type DocumentKind } from '../api/documents.api';
import { QuizEditor, quizOf, type QuizFormValue } from './QuizEditor';

type Values = { kind: DocumentKind; title: string; requiredCodes: string[]; processes: string; postIds: string[]; body: string; effectiveOn: Dayjs; changeNote: string; quiz: QuizFormValue };

/** A new rule or procedure with its first draft version, which the principal then approves. */
export function DocumentCreateDrawer({ enterpriseId, required, onClose, onCreated }: {
  enterpriseId: string; required: { code: string; name: string }[]; onClose: () => void; onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const posts = useApiQuery(['org', enterpriseId, 'posts', 'documents'], (signal) => orgApi.posts(enterpriseId, undefined, signal));
  const save = useApiMutation((v: Values) => documentsApi.create(enterpriseId, {
    kind: v.kind, title: v.title, requiredCodes: v.kind === 'rule' ? v.requiredCodes ?? [] : [], processes: v.processes ?? '', postIds: v.postIds ?? [],
    body: v.body ?? '', effectiveOn: v.effectiveOn.format('YYYY-MM-DD'), changeNote: v.changeNote ?? '', quiz: quizOf(v.quiz),
  }), { invalidates: documentsQueries(enterpriseId), onSuccess: (d) => { void message.success(t('common.saved')); onCreated(d.id); } });
  return (
    <FormDrawer<Values> title={t('documents.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="documents-create" width={640}
      initialValues={{ kind: 'rule', requiredCodes: [], postIds: [], effectiveOn: dayjs(), quiz: [] }}>
      <Form.Item name="kind" label={t('documents.field.kind')} rules={[{ required: true }]}>
        <Select options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('documents.field.title')} rules={[{ required: true, max: 200 }]}><Input maxLength={200} /></Form.Item>
      {kind === 'rule' && (
        <Form.Item name="requiredCodes" label={t('documents.field.requiredCodes')}>
          <Select mode="multiple" optionFilterProp="label" options={required.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
      )}
      <Form.Item name="processes" label={t('documents.field.processes')} rules={[{ max: 2000 }]}><Input maxLength={2000} /></Form.Item>
      <Form.Item name="postIds" label={t('documents.field.posts')}>
        <Select mode="multiple" optionFilterProp="label" loading={posts.loading}
          options={(posts.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('documents.field.effectiveOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
      <Form.Item name="body" label={t('documents.field.body')} rules={[{ max: 20000 }]}><Input.TextArea rows={10} maxLength={20000} /></Form.Item>
      <Form.Item name="changeNote" label={t('documents.field.changeNote')} rules={[{ max: 1000 }]}><Input maxLength={1000} /></Form.Item>
      <QuizEditor />
    </FormDrawer>
  );
}
