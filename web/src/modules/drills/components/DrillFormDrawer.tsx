import { App, DatePicker, Flex, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { EmployeeSelect, type EmployeeOption } from '../../../app/components/EmployeeSelect';
import { DRILL_FORMS, drillQueries, drillsApi, type DrillDetail, type DrillForm, type DrillInput } from '../api/drills.api';

dayjs.extend(utc);

/** Drill times are the district's wall clock (UTC+8, src/platform/time.ts), whatever the browser's time zone. */
const toDistrict = (iso: string) => dayjs(iso).utcOffset(480);
const fromPicker = (d: Dayjs) => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

type Values = {
  planId: string; form: DrillForm; scenario: string; startedAt: Dayjs; endedAt: Dayjs; place: string; organiserEmployeeId: string; participantIds: string[];
};

type Props = {
  enterpriseId: string;
  /** The recorded drill being edited; none: a new record. */
  drill?: DrillDetail;
  onSaved: (d: DrillDetail) => void;
  onClose: () => void;
};

/** 记录演练 / 修改: the plan covered, form, scenario, time, place, organiser and participants from the employee list. */
export function DrillFormDrawer({ enterpriseId, drill, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: plan } = useApiQuery(['drill-plan', enterpriseId, 'current'], (signal) => drillsApi.plan(enterpriseId, undefined, signal));
  const plans = plan?.plans ?? [];
  const save = useApiMutation((body: DrillInput) => (drill
    ? drillsApi.update(enterpriseId, drill.id, { ...body, version: drill.version })
    : drillsApi.record(enterpriseId, body)), {
    invalidates: drillQueries(enterpriseId),
    onSuccess: (d) => { void message.success(t('drill.saved')); onSaved(d); },
  });
  const known: EmployeeOption[] = drill ? [
    { id: drill.organiserEmployeeId, name: drill.organiserName, unitName: null },
    ...drill.participants.map((p) => ({ id: p.employeeId, name: p.name, unitName: p.unitName })),
  ] : [];
  const signIns = new Map(drill?.participants.map((p) => [p.employeeId, p.signIn]) ?? []);

  return (
    <FormDrawer<Values>
      title={t(drill ? 'drill.edit' : 'drill.record')}
      form={form}
      width={640}
      initialValues={drill ? {
        planId: drill.planId, form: drill.form, scenario: drill.scenario, startedAt: toDistrict(drill.startedAt), endedAt: toDistrict(drill.endedAt),
        place: drill.place, organiserEmployeeId: drill.organiserEmployeeId, participantIds: drill.participants.map((p) => p.employeeId),
      } : { form: 'practical', place: '', participantIds: [] }}
      onSubmit={(v) => save.run({
        planId: v.planId, form: v.form, scenario: v.scenario.trim(), startedAt: fromPicker(v.startedAt), endedAt: fromPicker(v.endedAt),
        place: v.place?.trim() ?? '', organiserEmployeeId: v.organiserEmployeeId,
        participants: (v.participantIds ?? []).map((employeeId) => ({ employeeId, signIn: signIns.get(employeeId) ?? 'manual' })),
      })}
      saving={save.saving}
      onClose={onClose}
      testId="drill-form"
    >
      <Form.Item name="planId" label={t('drill.field.plan')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select data-testid="drill-plan" options={plans.map((p) => ({ value: p.id, label: `${p.title}（${t(`drill.planKind.${p.kind}`)}）` }))} />
      </Form.Item>
      <Form.Item name="form" label={t('drill.field.form')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={DRILL_FORMS.map((k) => ({ value: k, label: t(`drill.form.${k}`) }))} />
      </Form.Item>
      <Form.Item name="scenario" label={t('drill.field.scenario')} rules={[{ required: true, whitespace: true, min: 2, message: t('validation.required') }]}>
        <LimitedTextArea rows={3} max={2000} data-testid="drill-scenario" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="startedAt" label={t('drill.field.startedAt')} rules={[{ required: true, message: t('validation.required') }]} style={{ flex: '1 1 220px' }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly data-testid="drill-started-at" />
        </Form.Item>
        <Form.Item name="endedAt" label={t('drill.field.endedAt')} rules={[{ required: true, message: t('validation.required') }]} style={{ flex: '1 1 220px' }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly data-testid="drill-ended-at" />
        </Form.Item>
      </Flex>
      <Form.Item name="place" label={t('drill.field.place')}>
        <LimitedInput max={200} />
      </Form.Item>
      <Form.Item name="organiserEmployeeId" label={t('drill.field.organiser')} extra={t('drill.organiserHint')} rules={[{ required: true, message: t('validation.required') }]}>
        <EmployeeSelect enterpriseId={enterpriseId} placeholder={t('drill.pickEmployee')} initial={known} testId="drill-organiser" />
      </Form.Item>
      <Form.Item name="participantIds" label={t('drill.field.participants')}>
        <EmployeeSelect multiple enterpriseId={enterpriseId} placeholder={t('drill.pickEmployees')} initial={known} testId="drill-participants" />
      </Form.Item>
    </FormDrawer>
  );
}
