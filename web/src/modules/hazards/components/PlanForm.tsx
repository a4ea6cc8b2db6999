import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { MoneyInput } from '../../../app/components/MoneyInput';
import { moneyRules } from '../../../app/components/number-rules';
import { useI18n } from '../../../app/i18n';
import { hazardsApi, type HazardDetail } from '../api/hazards.api';
import { useHazardOp } from './useHazardOp';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = { hazard: HazardDetail; onDone: (h: HazardDetail) => void; onClose: () => void };
type Values = { responsiblePerson: string; measures: string; funds: number; timeLimit: Dayjs; contingencyPlan: string };

/** R-HAZ-4: the five-in-place plan — responsibility, measures, funds, time limit, contingency plan. */
export function PlanForm({ hazard, onDone, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, run } = useHazardOp(hazard.enterpriseId, onDone);
  const p = hazard.plan;
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormDrawer<Values>
      title={t('hazard.plan')}
      okText={t('common.save')}
      form={form}
      initialValues={p ? { ...p, timeLimit: dayjs(p.timeLimit) } : { responsiblePerson: '', measures: '', contingencyPlan: '' }}
      onSubmit={(v) => run(() => hazardsApi.savePlan(hazard.enterpriseId, hazard.id, {
        responsiblePerson: v.responsiblePerson.trim(),
        measures: v.measures.trim(),
        funds: v.funds,
        timeLimit: v.timeLimit.format('YYYY-MM-DD'),
        contingencyPlan: v.contingencyPlan.trim(),
      }))}
      saving={saving}
      onClose={onClose}
      testId="hazard-plan-form"
      intro={<Typography.Paragraph type="secondary">{t('hazard.planHint')}</Typography.Paragraph>}
    >
      <Form.Item name="responsiblePerson" label={t('hazardPlan.responsiblePerson')} rules={required}>
        <LimitedInput max={100} />
      </Form.Item>
      <Form.Item name="measures" label={t('hazardPlan.measures')} rules={required}>
        <LimitedTextArea rows={4} max={4000} />
      </Form.Item>
      <Form.Item name="funds" label={t('hazardPlan.funds')} rules={[{ required: true, message: t('validation.required') }, ...moneyRules(t)]}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="timeLimit" label={t('hazardPlan.timeLimit')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="contingencyPlan" label={t('hazardPlan.contingencyPlan')} rules={required}>
        <LimitedTextArea rows={4} max={4000} />
      </Form.Item>
    </FormDrawer>
  );
}
