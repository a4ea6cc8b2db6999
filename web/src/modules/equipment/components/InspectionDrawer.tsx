import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { equipmentApi, equipmentQueries, INSPECTION_RESULTS, type EquipmentDetail, type InspectionResult } from '../api/equipment.api';

type Values = { inspectedOn: Dayjs; result: InspectionResult; nextDue?: Dayjs | null; inspector: string; certificateNo: string; note: string };

/** Records a special equipment's periodic inspection: it fulfils the duty and sets the next due day. */
export function InspectionDrawer({ enterpriseId, equipment, intervalMonths, onClose }: { enterpriseId: string; equipment: EquipmentDetail; intervalMonths?: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => equipmentApi.inspect(enterpriseId, equipment.id, {
    inspectedOn: v.inspectedOn.format('YYYY-MM-DD'), result: v.result, nextDue: v.nextDue ? v.nextDue.format('YYYY-MM-DD') : undefined,
    inspector: v.inspector ?? '', certificateNo: v.certificateNo ?? '', note: v.note ?? '', version: equipment.version,
  }), { invalidates: equipmentQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values>
      title={`${t('equipment.inspect.title')} · ${equipment.name}`} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="equipment-inspection-drawer"
      initialValues={{ inspectedOn: dayjs(), result: 'pass' }}
    >
      <Form.Item name="inspectedOn" label={t('equipment.inspect.inspectedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="result" label={t('equipment.inspect.result')} rules={[{ required: true }]}>
        <Select options={INSPECTION_RESULTS.map((r) => ({ value: r, label: t(`equipment.result.${r}`) }))} />
      </Form.Item>
      <Form.Item name="nextDue" label={t('equipment.field.nextInspectionDue')} extra={intervalMonths ? t('equipment.field.nextDueHint', { months: intervalMonths }) : undefined}>
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="inspector" label={t('equipment.inspect.inspector')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="certificateNo" label={t('equipment.field.inspectionCertNo')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="note" label={t('equipment.inspect.note')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
    </FormDrawer>
  );
}
