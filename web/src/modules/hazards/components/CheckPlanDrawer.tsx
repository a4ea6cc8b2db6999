import { DatePicker, Form, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { CHECK_CYCLES, PLAN_TYPES, checksApi, type CheckCycle, type CheckPlan, type CheckPlanInput, type PlanType } from '../api/checks.api';
import { PostSelect } from './PostSelect';
import { RectifierSelect } from './RectifierSelect';
import { LimitedInput } from '../../../app/components/LimitedInput';

type Props = { enterpriseId: string; plan?: CheckPlan; onClose: () => void; onSaved: () => void };
type Values = {
  name: string; type: PlanType; cycle: CheckCycle; checklistId: string; assignTo: 'post' | 'user'; assigneePostId?: string; assigneeUserId?: string;
  range: [Dayjs, Dayjs | null]; active: boolean;
};

/** A check plan: type, cycle, checklist, and a post or a person; its current task opens at once. */
export function CheckPlanDrawer({ enterpriseId, plan, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const assignTo = Form.useWatch('assignTo', form) ?? (plan?.assigneeUserId ? 'user' : 'post');
  const lists = useApiQuery(['checklists', enterpriseId, 'list', {}], (signal) => checksApi.checklists(enterpriseId, {}, signal));
  // A plan opens its current task at once and is counted on its checklist.
  const save = useApiMutation(
    (body: CheckPlanInput) => (plan ? checksApi.updatePlan(enterpriseId, plan.id, body) : checksApi.createPlan(enterpriseId, body)),
    { invalidates: [['check-plans', enterpriseId], ['check-tasks', enterpriseId], ['checklists', enterpriseId], ['workbench']], onSuccess: () => onSaved() },
  );

  const submit = (v: Values) => {
    const body: CheckPlanInput = {
      name: v.name.trim(), type: v.type, cycle: v.cycle, checklistId: v.checklistId,
      assigneePostId: v.assignTo === 'post' ? v.assigneePostId ?? null : null,
      assigneeUserId: v.assignTo === 'user' ? v.assigneeUserId ?? null : null,
      startsOn: v.range[0].format('YYYY-MM-DD'), endsOn: v.range[1] ? v.range[1].format('YYYY-MM-DD') : null, active: v.active,
    };
    return save.run(body);
  };

  return (
    <FormDrawer<Values>
      title={plan ? t('checkPlan.edit') : t('checkPlan.create')}
      width={520}
      form={form}
      initialValues={plan ? {
        name: plan.name, type: plan.type, cycle: plan.cycle, checklistId: plan.checklistId, assignTo: plan.assigneeUserId ? 'user' : 'post',
        assigneePostId: plan.assigneePostId ?? undefined, assigneeUserId: plan.assigneeUserId ?? undefined,
        range: [dayjs(plan.startsOn), plan.endsOn ? dayjs(plan.endsOn) : null], active: plan.active,
      } : { name: '', type: 'daily', cycle: 'shift', assignTo: 'post', range: [dayjs(), null], active: true }}
      onSubmit={submit}
      saving={save.saving}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('checkPlan.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedInput max={200} />
      </Form.Item>
      <Form.Item name="type" label={t('checkPlan.type')}>
        <Select options={PLAN_TYPES.map((p) => ({ value: p, label: t(`planType.${p}`) }))} />
      </Form.Item>
      <Form.Item name="cycle" label={t('checklist.cycle')}>
        <Select options={CHECK_CYCLES.map((c) => ({ value: c, label: t(`checkCycle.${c}`) }))} />
      </Form.Item>
      <Form.Item name="checklistId" label={t('checkPlan.checklist')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          loading={lists.loading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(lists.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${t(`checklistLevel.${c.level}`)}，${c.itemCount}）` }))}
        />
      </Form.Item>
      <Form.Item name="assignTo" label={t('checkPlan.assignTo')}>
        <Radio.Group optionType="button" options={[{ value: 'post', label: t('checkPlan.toPost') }, { value: 'user', label: t('checkPlan.toUser') }]} />
      </Form.Item>
      {assignTo === 'post' ? (
        <Form.Item name="assigneePostId" label={t('checklist.post')} rules={[{ required: true, message: t('validation.required') }]}>
          <PostSelect enterpriseId={enterpriseId} />
        </Form.Item>
      ) : (
        <Form.Item name="assigneeUserId" label={t('checkPlan.user')} rules={[{ required: true, message: t('validation.required') }]}>
          <RectifierSelect enterpriseId={enterpriseId} initial={plan?.assigneeUserId ? { id: plan.assigneeUserId, name: plan.assigneeUserName ?? '' } : null} />
        </Form.Item>
      )}
      <Form.Item name="range" label={t('checkPlan.range')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[false, true]} inputReadOnly />
      </Form.Item>
      <Form.Item name="active" label={t('checkPlan.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}
