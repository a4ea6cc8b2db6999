import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import type { CalendarDayKind, CalendarDayRow } from '../api/calendar.api';
import { isWeekendDay } from './calendar-days';

type Values = { day: Dayjs; kind: CalendarDayKind; name?: string };

/**
 * Adds one date to the year being edited (nothing is sent until the year is saved): a date inside the year, not
 * listed yet; an adjusted working day is offered on Saturdays and Sundays only (the server checks the same on save).
 */
export function CalendarDayDrawer({ year, listed, onAdd, onClose }: {
  year: number; listed: ReadonlySet<string>; onAdd: (day: CalendarDayRow) => void; onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'holiday';
  const add = async (v: Values) => {
    onAdd({ day: v.day.format('YYYY-MM-DD'), kind: v.kind, name: (v.name ?? '').trim() });
  };
  return (
    <FormDrawer<Values>
      title={t('calendar.addDay')}
      form={form}
      initialValues={{ kind: 'holiday', name: '' }}
      onSubmit={add}
      saving={false}
      onClose={onClose}
      okText={t('calendar.addDay')}
      testId="calendar-day-drawer"
    >
      <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={[{ value: 'holiday', label: t('calendar.kind.holiday') }, { value: 'workday', label: t('calendar.kind.workday') }]}
          onChange={() => { if (form.getFieldValue('day')) void form.validateFields(['day']); }}
        />
      </Form.Item>
      <Form.Item
        name="day"
        label={t('calendar.day')}
        dependencies={['kind']}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: async (_, value: Dayjs | undefined) => {
              if (!value) return;
              const day = value.format('YYYY-MM-DD');
              if (listed.has(day)) throw new Error(t('calendar.dayExists'));
              if (form.getFieldValue('kind') === 'workday' && !isWeekendDay(day)) throw new Error(t('calendar.workdayWeekend'));
            },
          },
        ]}
      >
        <DatePicker
          style={{ width: '100%' }}
          inputReadOnly
          defaultPickerValue={dayjs(`${year}-01-01`)}
          disabledDate={(d) => {
            const day = d.format('YYYY-MM-DD');
            return d.year() !== year || listed.has(day) || (kind === 'workday' && !isWeekendDay(day));
          }}
          data-testid="calendar-day-date"
        />
      </Form.Item>
      <Form.Item name="name" label={t('calendar.name')}>
        <Input maxLength={30} placeholder={t('calendar.namePlaceholder')} />
      </Form.Item>
    </FormDrawer>
  );
}
