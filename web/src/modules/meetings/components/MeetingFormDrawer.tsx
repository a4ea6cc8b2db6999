import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { EmployeeSelect, type EmployeeOption } from '../../../app/components/EmployeeSelect';
import { MEETING_TYPES, meetingQueries, meetingsApi, type MeetingDetail, type MeetingInput, type MeetingType } from '../api/meetings.api';

dayjs.extend(utc);

/** Meeting times are the district's wall clock (UTC+8, src/platform/time.ts), whatever the browser's time zone. */
const DISTRICT_OFFSET = 480;
const toDistrict = (iso: string) => dayjs(iso).utcOffset(DISTRICT_OFFSET);
const fromPicker = (d: Dayjs) => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

type Decision = { content: string; ownerEmployeeId?: string; dueOn?: Dayjs | null };
type Values = {
  type: MeetingType; title: string; heldAt: Dayjs; place: string; chairEmployeeId: string; attendeeIds: string[];
  agenda: string; minutes: string; decisions: Decision[];
};

type Props = {
  enterpriseId: string;
  /** The draft being edited; none: a new record. */
  meeting?: MeetingDetail;
  /** A new record's type (from a duty's link: `?record=safety_topic`). */
  initialType?: MeetingType;
  /** A correction: the voided meeting whose content it starts from. */
  corrects?: MeetingDetail;
  onSaved: (m: MeetingDetail) => void;
  onClose: () => void;
};

/** 记录会议 / 修改: the meeting's type, time, place, chair, attendees from the employee list, agenda, minutes and decisions. */
export function MeetingFormDrawer({ enterpriseId, meeting, initialType, corrects, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const source = meeting ?? corrects;
  const save = useApiMutation((body: MeetingInput) => (meeting
    ? meetingsApi.update(enterpriseId, meeting.id, { ...body, version: meeting.version })
    : meetingsApi.record(enterpriseId, { ...body, ...(corrects ? { replacesId: corrects.id } : {}) })), {
    invalidates: meetingQueries(enterpriseId),
    onSuccess: (m) => {
      void message.success(t('meeting.saved'));
      onSaved(m);
    },
  });
  const known: EmployeeOption[] = source ? [
    { id: source.chairEmployeeId, name: source.chairName, unitName: null },
    ...source.attendees.map((a) => ({ id: a.employeeId, name: a.name, unitName: a.unitName })),
    ...source.decisions.map((d) => ({ id: d.ownerEmployeeId, name: d.ownerName, unitName: null })),
  ] : [];
  const type = Form.useWatch('type', form);

  return (
    <FormDrawer<Values>
      title={t(meeting ? 'meeting.edit' : corrects ? 'meeting.correct' : 'meeting.record')}
      form={form}
      width={640}
      initialValues={source ? {
        type: source.type, title: source.title, heldAt: toDistrict(source.heldAt), place: source.place, chairEmployeeId: source.chairEmployeeId,
        attendeeIds: source.attendees.map((a) => a.employeeId), agenda: source.agenda, minutes: source.minutes,
        decisions: source.decisions.map((d) => ({ content: d.content, ownerEmployeeId: d.ownerEmployeeId, dueOn: d.dueOn ? dayjs(d.dueOn) : null })),
      } : { type: initialType ?? 'safety_topic', place: '', attendeeIds: [], agenda: '', minutes: '', decisions: [] }}
      onSubmit={(v) => save.run({
        type: v.type, title: v.title.trim(), heldAt: fromPicker(v.heldAt), place: v.place?.trim() ?? '', chairEmployeeId: v.chairEmployeeId,
        attendeeIds: v.attendeeIds ?? [], agenda: v.agenda?.trim() ?? '', minutes: v.minutes?.trim() ?? '',
        decisions: (v.decisions ?? []).map((d) => ({ content: d.content.trim(), ownerEmployeeId: d.ownerEmployeeId ?? '', dueOn: d.dueOn ? d.dueOn.format('YYYY-MM-DD') : null })),
      })}
      saving={save.saving}
      onClose={onClose}
      testId="meeting-form"
    >
      <Form.Item name="type" label={t('meeting.field.type')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={MEETING_TYPES.map((k) => ({ value: k, label: t(`meeting.type.${k}`) }))} data-testid="meeting-type" />
      </Form.Item>
      {(type === 'congress' || type === 'staff_assembly') && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>{t('meeting.congressNeedsReport')}</Typography.Paragraph>
      )}
      <Form.Item name="title" label={t('meeting.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedInput max={200} data-testid="meeting-title" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="heldAt" label={t('meeting.field.heldAt')} rules={[{ required: true, message: t('validation.required') }]} style={{ flex: '1 1 220px' }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly data-testid="meeting-held-at" />
        </Form.Item>
        <Form.Item name="place" label={t('meeting.field.place')} style={{ flex: '1 1 220px' }}>
          <LimitedInput max={200} />
        </Form.Item>
      </Flex>
      <Form.Item name="chairEmployeeId" label={t('meeting.field.chair')} extra={t('meeting.chairHint')} rules={[{ required: true, message: t('validation.required') }]}>
        <EmployeeSelect enterpriseId={enterpriseId} placeholder={t('meeting.pickEmployee')} initial={known} testId="meeting-chair" />
      </Form.Item>
      <Form.Item name="attendeeIds" label={t('meeting.field.attendees')}>
        <EmployeeSelect multiple enterpriseId={enterpriseId} placeholder={t('meeting.pickEmployees')} initial={known} testId="meeting-attendees" />
      </Form.Item>
      <Form.Item name="agenda" label={t('meeting.field.agenda')}>
        <LimitedTextArea rows={3} max={4000} />
      </Form.Item>
      <Form.Item name="minutes" label={t('meeting.field.minutes')} extra={t('meeting.minutesHint')}>
        <LimitedTextArea rows={6} max={20000} data-testid="meeting-minutes" />
      </Form.Item>
      <Form.List name="decisions">
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={t('meeting.field.decisions')}>
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start" wrap style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }}>
                  <Form.Item name={[f.name, 'content']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ flex: '1 1 100%', marginBottom: 0 }}>
                    <LimitedTextArea rows={2} max={1000} placeholder={t('meeting.decision.content')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ownerEmployeeId']} rules={[{ required: true, message: t('validation.required') }]} style={{ flex: '1 1 200px', marginBottom: 0 }}>
                    <EmployeeSelect enterpriseId={enterpriseId} placeholder={t('meeting.pickEmployee')} initial={known} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} style={{ flex: '0 1 160px', marginBottom: 0 }}>
                    <DatePicker placeholder={t('meeting.decision.dueOn')} style={{ width: '100%' }} inputReadOnly />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('meeting.decision.remove')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ content: '', dueOn: null })} data-testid="meeting-add-decision">{t('meeting.decision.add')}</Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          </Form.Item>
        )}
      </Form.List>
    </FormDrawer>
  );
}
