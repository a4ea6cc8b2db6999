import { Form } from 'antd';
import type { ReactNode } from 'react';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n, type MessageKey } from '../../../app/i18n';

type Props = {
  title: MessageKey; label: MessageKey; intro?: ReactNode; danger?: boolean; saving: boolean; testId: string;
  onSubmit: (note: string) => Promise<unknown>; onClose: () => void;
};

/** One required text: why a drill is voided, what was done for an action, why an action is cancelled. */
export function NoteDrawer({ title, label, intro, danger, saving, testId, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormDrawer<{ note: string }>
      title={t(title)} okText={t(title)} okDanger={danger} form={form} initialValues={{ note: '' }} intro={intro}
      onSubmit={(v) => onSubmit(v.note.trim())} saving={saving} onClose={onClose} testId={testId}
    >
      <Form.Item name="note" label={t(label)} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea rows={4} max={1000} data-testid={`${testId}-note`} />
      </Form.Item>
    </FormDrawer>
  );
}
