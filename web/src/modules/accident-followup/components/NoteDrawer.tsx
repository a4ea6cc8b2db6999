import { Form } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n, type MessageKey } from '../../../app/i18n';

/** One required text: what was done for an action, what the follow-up of an interview found. */
export function NoteDrawer({ title, label, saving, testId, onSubmit, onClose }: {
  title: MessageKey; label: MessageKey; saving: boolean; testId: string; onSubmit: (note: string) => Promise<unknown>; onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormDrawer<{ note: string }> title={t(title)} okText={t(title)} form={form} initialValues={{ note: '' }} saving={saving} testId={testId}
      onSubmit={async (v) => { await onSubmit(v.note.trim()); onClose(); }} onClose={onClose}>
      <Form.Item name="note" label={t(label)} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea rows={4} max={1000} data-testid={`${testId}-note`} />
      </Form.Item>
    </FormDrawer>
  );
}
