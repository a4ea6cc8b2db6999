import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { hazardsApi, type HazardDetail } from '../api/hazards.api';
import { useHazardOp } from './useHazardOp';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = { hazard: HazardDetail; onDone: (h: HazardDetail) => void; onClose: () => void };
type Values = { deadline: Dayjs; note: string };

/** R-HAZ-4: a regulator lists an open major hazard for supervision (挂牌督办) with its own deadline. */
export function SupervisionForm({ hazard, onDone, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, run } = useHazardOp(hazard.enterpriseId, onDone);
  return (
    <FormDrawer<Values>
      title={t('hazardOp.supervise')}
      okText={t('hazardOp.supervise')}
      form={form}
      initialValues={{ deadline: hazard.deadline ? dayjs(hazard.deadline) : undefined, note: '' }}
      onSubmit={(v) => run(() => hazardsApi.supervise(hazard.enterpriseId, hazard.id, { deadline: v.deadline.format('YYYY-MM-DD'), note: v.note?.trim() ?? '' }))}
      saving={saving}
      onClose={onClose}
      testId="hazard-supervise-form"
    >
      <Form.Item name="deadline" label={t('hazard.supervisionDeadline')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="note" label={t('hazard.supervisionNote')}>
        <LimitedTextArea rows={3} max={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
