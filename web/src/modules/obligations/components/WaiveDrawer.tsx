import { App, Form } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { obligationQueries, obligationsApi, type Occurrence, type OccurrenceDetail } from '../api/obligations.api';

type Values = { reason: string };

/** 豁免 with its reason (at least 2 characters, as the server asks): the duty then leaves the rate's denominator. */
export function WaiveDrawer({ occurrence: o, onDone, onClose }: { occurrence: Occurrence; onDone?: (d: OccurrenceDetail) => void; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const waive = useApiMutation((v: Values) => obligationsApi.waive(o.enterpriseId, o.id, { reason: v.reason.trim() }), {
    invalidates: obligationQueries(o.enterpriseId),
    onSuccess: (d) => {
      void message.success(t('obligation.waived'));
      onDone?.(d);
      onClose();
    },
  });
  return (
    <FormDrawer<Values>
      title={t('obligation.waiveTitle')}
      okText={t('obligation.waive')}
      okDanger
      form={form}
      initialValues={{ reason: '' }}
      onSubmit={(v) => waive.run(v)}
      saving={waive.saving}
      onClose={onClose}
      testId="obligation-waive"
    >
      <Form.Item
        name="reason"
        label={t('obligation.waiveReason')}
        extra={t('obligation.waiveHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { min: 2, message: t('validation.minLength', { n: 2 }) },
        ]}
      >
        <LimitedTextArea rows={4} max={500} data-testid="obligation-waive-reason" />
      </Form.Item>
    </FormDrawer>
  );
}
