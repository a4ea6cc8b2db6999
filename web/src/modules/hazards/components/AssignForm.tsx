import { Alert, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { MoneyInput } from '../../../app/components/MoneyInput';
import { moneyRules } from '../../../app/components/number-rules';
import { useI18n } from '../../../app/i18n';
import { hazardsApi, type HazardDetail } from '../api/hazards.api';
import { RectifierSelect } from './RectifierSelect';
import { useHazardOp } from './useHazardOp';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = { hazard: HazardDetail; onDone: (h: HazardDetail) => void; onClose: () => void };
type Values = { rectifierId: string; measures: string; deadline: Dayjs; funds: number | null; note: string };

/** assign: owner, measures and deadline (R-HAZ-3); a major hazard's five-in-place plan must exist first (R-HAZ-4). */
export function AssignForm({ hazard, onDone, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, run } = useHazardOp(hazard.enterpriseId, onDone);
  const needsPlan = hazard.level === 'major' && !hazard.plan;
  return (
    <FormDrawer<Values>
      title={t('hazardOp.assign')}
      okText={t('hazardOp.assign')}
      form={form}
      initialValues={{
        rectifierId: hazard.rectifierId ?? undefined,
        measures: hazard.measures || hazard.plan?.measures || '',
        deadline: hazard.deadline ? dayjs(hazard.deadline) : hazard.plan ? dayjs(hazard.plan.timeLimit) : undefined,
        funds: hazard.funds ?? hazard.plan?.funds ?? null,
        note: '',
      }}
      onSubmit={(v) => run(() => hazardsApi.assign(hazard.enterpriseId, hazard.id, {
        rectifierId: v.rectifierId,
        measures: v.measures.trim(),
        deadline: v.deadline.format('YYYY-MM-DD'),
        funds: v.funds ?? undefined,
        note: v.note?.trim() ?? '',
      }))}
      saving={saving}
      onClose={onClose}
      testId="hazard-assign-form"
      intro={needsPlan && <Alert type="warning" showIcon title={t('hazard.planFirst')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item name="rectifierId" label={t('hazard.rectifier')} rules={[{ required: true, message: t('validation.required') }]}>
        <RectifierSelect enterpriseId={hazard.enterpriseId} initial={hazard.rectifierId ? { id: hazard.rectifierId, name: hazard.rectifierName ?? '' } : null} />
      </Form.Item>
      <Form.Item name="measures" label={t('hazard.measures')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedTextArea rows={3} max={2000} data-testid="hazard-assign-measures" />
      </Form.Item>
      <Form.Item name="deadline" label={t('hazard.deadline')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          inputReadOnly
          data-testid="hazard-assign-deadline"
        />
      </Form.Item>
      <Form.Item name="funds" label={t('hazard.funds')} rules={moneyRules(t)}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="note" label={t('hazard.note')}>
        <LimitedTextArea rows={2} max={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
