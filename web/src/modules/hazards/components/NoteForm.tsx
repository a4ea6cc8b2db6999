import { Form } from 'antd';
import { useI18n, type MessageKey } from '../../../app/i18n';
import type { HazardDetail } from '../api/hazards.api';
import { OpDrawer } from './OpDrawer';
import { useHazardOp } from './useHazardOp';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = {
  title: MessageKey;
  label: MessageKey;
  hint?: MessageKey;
  required?: boolean;
  minLength?: number;
  danger?: boolean;
  testId: string;
  call: (note: string) => Promise<HazardDetail>;
  onDone: (h: HazardDetail) => void;
  onClose: () => void;
};

/** accept, reject, void, delist: one text field, sometimes required (a rejection says why; a major hazard's acceptance evaluates). */
export function NoteForm({ title, label, hint, required, minLength, danger, testId, call, onDone, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const { saving, run } = useHazardOp(form, onDone);
  return (
    <OpDrawer title={t(title)} okText={t(title)} danger={danger} saving={saving} onOk={() => form.submit()} onClose={onClose} testId={testId}>
      <Form<{ note: string }> form={form} layout="vertical" initialValues={{ note: '' }} onFinish={(v) => void run(() => call(v.note?.trim() ?? ''))}>
        <Form.Item
          name="note"
          label={t(label)}
          extra={hint ? t(hint) : undefined}
          rules={[
            { required, whitespace: true, message: t('validation.required') },
            ...(minLength ? [{ min: minLength, message: t('validation.minLength', { n: minLength }) }] : []),
          ]}
        >
          <LimitedTextArea rows={4} max={1000} data-testid={`${testId}-note`} />
        </Form.Item>
      </Form>
    </OpDrawer>
  );
}
