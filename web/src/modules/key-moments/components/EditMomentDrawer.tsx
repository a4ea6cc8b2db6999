import { Alert, App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { keyMomentQueries, keyMomentsApi, type KeyMomentDetail, type KeyMomentPatch } from '../api/key-moments.api';
import { EmployeeSelect } from '../../../app/components/EmployeeSelect';

type Values = {
  name: string; startsOn?: Dayjs | null; endsOn?: Dayjs | null; shutdownFrom?: Dayjs | null; shutdownTo?: Dayjs | null;
  leaderEmployeeId: string | null; note: string;
};

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const asDay = (s: string | null) => (s ? dayjs(s) : null);

/**
 * 修改关键时段 (R-RESP-6): a declared maintenance window by its name and days, a declared resumption by its name and its
 * shutdown's days, any moment by its note and on-duty leader (a holiday's and a suspension's name and days are not the
 * enterprise's). Only what changed is sent; the server keeps past days and refuses to drop a checked-in day, and its
 * refusals land on the fields they name.
 */
export function EditMomentDrawer({ moment: m, onSaved, onClose }: { moment: KeyMomentDetail; onSaved: (m: KeyMomentDetail) => void; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const declared = m.source === 'declared';
  const maintenance = declared && m.kind === 'maintenance';
  const resumption = declared && m.kind === 'resumption';
  const started = m.state !== 'upcoming';
  const save = useApiMutation((body: KeyMomentPatch) => keyMomentsApi.update(m.enterpriseId, m.id, body), {
    invalidates: keyMomentQueries(m.enterpriseId),
    onSuccess: (next) => { void message.success(t('keyMoment.edited')); onSaved(next); },
  });

  const submit = async (v: Values) => {
    const body: KeyMomentPatch = { version: m.version };
    if (declared && v.name.trim() !== m.name) body.name = v.name.trim();
    if (v.note.trim() !== m.note) body.note = v.note.trim();
    if ((v.leaderEmployeeId ?? null) !== m.leader.employeeId) body.leaderEmployeeId = v.leaderEmployeeId ?? null;
    if (maintenance) {
      if (day(v.startsOn) && day(v.startsOn) !== m.startsOn) body.startsOn = day(v.startsOn);
      if (day(v.endsOn) && day(v.endsOn) !== m.endsOn) body.endsOn = day(v.endsOn);
    }
    if (resumption) {
      if (day(v.shutdownFrom) && day(v.shutdownFrom) !== m.shutdownFrom) body.shutdownFrom = day(v.shutdownFrom);
      if (day(v.shutdownTo) && day(v.shutdownTo) !== m.shutdownTo) body.shutdownTo = day(v.shutdownTo);
    }
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    await save.run(body);
  };

  return (
    <FormDrawer<Values>
      title={t('keyMoment.edit')} form={form} onSubmit={submit} saving={save.saving} onClose={onClose} testId="key-moment-edit"
      initialValues={{
        name: m.name, note: m.note, leaderEmployeeId: m.leader.employeeId,
        startsOn: asDay(m.startsOn), endsOn: asDay(m.endsOn), shutdownFrom: asDay(m.shutdownFrom), shutdownTo: asDay(m.shutdownTo),
      }}
      intro={<Alert type="info" showIcon title={declared ? t('keyMoment.editHint') : t(`keyMoment.editHintFixed.${m.source === 'calendar' ? 'calendar' : 'suspension'}`)} />}
    >
      {declared && (
        <Form.Item name="name" label={t('keyMoment.field.name')} rules={maintenance ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}>
          <LimitedInput max={200} data-testid="key-moment-edit-name" />
        </Form.Item>
      )}
      {maintenance && (
        <>
          <Form.Item name="startsOn" label={t('keyMoment.field.startsOn')} extra={started ? t('keyMoment.startedHint') : undefined} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly disabled={started} data-testid="key-moment-edit-starts" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('keyMoment.field.endsOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="key-moment-edit-ends" />
          </Form.Item>
        </>
      )}
      {resumption && (
        <>
          <Form.Item name="shutdownFrom" label={t('keyMoment.field.shutdownFrom')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="shutdownTo" label={t('keyMoment.field.shutdownTo')} extra={t('keyMoment.shutdownHint')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly disabled={started} />
          </Form.Item>
        </>
      )}
      <Form.Item name="leaderEmployeeId" label={t('keyMoment.field.leader')} extra={t('keyMoment.leaderHint')}>
        <EmployeeSelect
          enterpriseId={m.enterpriseId} placeholder={t('keyMoment.principal')} testId="key-moment-edit-leader"
          initial={m.leader.employeeId ? [{ id: m.leader.employeeId, name: m.leader.name ?? '', unitName: null }] : []}
        />
      </Form.Item>
      <Form.Item name="note" label={t('keyMoment.field.note')}>
        <LimitedTextArea rows={3} max={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
