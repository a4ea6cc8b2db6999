import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { hazardsApi, type HazardDetail } from '../api/hazards.api';
import { useHazardOp } from './useHazardOp';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = { hazard: HazardDetail; onDone: (h: HazardDetail) => void; onClose: () => void };
type Values = { newDeadline: Dayjs; reason: string };

/** requestExtension: before the deadline only, decided by the unit above (R-HAZ-3). */
export function ExtensionRequestForm({ hazard, onDone, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, run } = useHazardOp(hazard.enterpriseId, onDone);
  const current = hazard.deadline ? dayjs(hazard.deadline) : dayjs();
  return (
    <FormDrawer<Values>
      title={t('hazardOp.requestExtension')}
      okText={t('hazardOp.requestExtension')}
      form={form}
      onSubmit={(v) => run(() => hazardsApi.requestExtension(hazard.enterpriseId, hazard.id, { newDeadline: v.newDeadline.format('YYYY-MM-DD'), reason: v.reason.trim() }))}
      saving={saving}
      onClose={onClose}
      testId="hazard-extension-form"
      intro={<Typography.Paragraph type="secondary">{t('hazard.currentDeadline', { date: formatDate(hazard.deadline) })}</Typography.Paragraph>}
    >
      <Form.Item name="newDeadline" label={t('hazard.newDeadline')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => !d.isAfter(current, 'day')} />
      </Form.Item>
      <Form.Item name="reason" label={t('hazard.extensionReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea rows={3} max={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
