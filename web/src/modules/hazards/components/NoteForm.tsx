import { Form } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n, type MessageKey } from '../../../app/i18n';
import type { HazardDetail } from '../api/hazards.api';
import { useHazardOp } from './useHazardOp';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = {
  enterpriseId: string;
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
export function NoteForm({ enterpriseId, title, label, hint, required, minLength, danger, testId, call, onDone, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const { saving, run } = useHazardOp(enterpriseId, onDone);
  return (
    <FormDrawer<{ note: string }>
      title={t(title)}
      okText={t(title)}
      okDanger={danger}
      form={form}
      initialValues={{ note: '' }}
      onSubmit={(v) => run(() => call(v.note?.trim() ?? ''))}
      saving={saving}
      onClose={onClose}
      testId={testId}
    >
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
    </FormDrawer>
  );
}
