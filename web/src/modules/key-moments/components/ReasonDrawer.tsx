import { Form } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';

/** 解除师徒关系: the required reason. */
export function ReasonDrawer({ saving, onSubmit, onClose }: { saving: boolean; onSubmit: (reason: string) => Promise<unknown>; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormDrawer<{ reason: string }>
      title={t('mentorship.cancel')} okText={t('mentorship.cancel')} okDanger form={form} initialValues={{ reason: '' }} intro={t('mentorship.cancelHint')}
      onSubmit={(v) => onSubmit(v.reason.trim())} saving={saving} onClose={onClose} testId="mentorship-cancel"
    >
      <Form.Item name="reason" label={t('mentorship.cancelReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea rows={4} max={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
