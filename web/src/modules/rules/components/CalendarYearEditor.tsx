import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { isApiError } from '../../../app/api';
import { useShowError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation } from '../../../app/useApi';
import { useLeaveGuard } from '../../../app/useLeaveGuard';
import { calendarApi, calendarQueries, type CalendarDayKind, type CalendarDayRow, type CalendarSave, type CalendarYear } from '../api/calendar.api';
import { CalendarDayDrawer } from './CalendarDayDrawer';
import { byDay, weekdayKey } from './calendar-days';

/**
 * One year of the calendar being edited: its holidays and adjusted working days side by side, dates added and removed
 * here, and the whole year saved at once with its source. The server's refusals land on the dates they name.
 */
export function CalendarYearEditor({ data }: { data: CalendarYear }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ source: string }>();
  const [days, setDays] = useState<CalendarDayRow[]>(() => byDay(data.days));
  const [dirty, setDirty] = useState(false);
  const [adding, setAdding] = useState(false);
  // Server issues by date (`body.days.3.day` names the fourth date sent).
  const [problems, setProblems] = useState<Map<string, string[]>>(new Map());
  const save = useApiMutation((body: CalendarSave) => calendarApi.save(data.year, body), {
    invalidates: [calendarQueries.all],
    onSuccess: () => message.success(t('calendar.saved', { year: data.year })),
  });
  useLeaveGuard(dirty && !save.saving, { title: t('common.unsavedTitle'), content: t('common.unsavedBody'), okText: t('common.leave'), cancelText: t('common.keepEditing') });

  const listed = useMemo(() => new Set(days.map((d) => d.day)), [days]);
  const change = (next: CalendarDayRow[]) => {
    setDays(byDay(next));
    setDirty(true);
    setProblems(new Map());
  };

  const submit = async () => {
    let source: string;
    try {
      ({ source } = await form.validateFields());
    } catch {
      return; // the form shows what is missing
    }
    const sent = days;
    try {
      await save.run({ days: sent, source: source.trim() });
      setDirty(false);
    } catch (e) {
      if (!isApiError(e) || e.code !== 'VALIDATION') return showError(e);
      const onDays = new Map<string, string[]>();
      const rest: string[] = [];
      for (const issue of e.issues) {
        const [, field, index] = issue.path.split('.');
        const row = field === 'days' && index !== undefined ? sent[Number(index)] : undefined;
        if (row) onDays.set(row.day, [...(onDays.get(row.day) ?? []), issue.message]);
        else if (field === 'source') form.setFields([{ name: 'source', errors: [issue.message] }]);
        else rest.push(issue.message);
      }
      setProblems(onDays);
      if (rest.length > 0) message.error(rest.join(t('common.separator')));
    }
  };

  const table = (kind: CalendarDayKind) => (
    <Table<CalendarDayRow>
      size="small"
      rowKey="day"
      pagination={false}
      dataSource={days.filter((d) => d.kind === kind)}
      data-testid={`calendar-${kind}s`}
      locale={{ emptyText: t(kind === 'holiday' ? 'calendar.noHolidays' : 'calendar.noWorkdays') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'day', title: t('calendar.day'), dataIndex: 'day', render: (day: string) => (
          <Space orientation="vertical" size={0}>
            <span>{day}</span>
            {problems.get(day)?.map((m) => <Typography.Text key={m} type="danger">{m}</Typography.Text>)}
          </Space>
        ) },
        { key: 'weekday', title: t('calendar.weekday'), render: (_, r) => t(weekdayKey(r.day)) },
        { key: 'name', title: t('calendar.name'), dataIndex: 'name' },
        {
          key: 'actions', title: t('common.actions'), render: (_, r) => (
            <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => change(days.filter((d) => d.day !== r.day))} aria-label={`${t('calendar.remove')} ${r.day}`}>
              {t('calendar.remove')}
            </Button>
          ),
        },
      ]}
    />
  );

  return (
    <div data-testid="calendar-year-editor">
      <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
        <Tag color={data.loaded ? MEANING_TAG.normal : MEANING_TAG.warning}>{data.loaded ? t('calendar.loaded') : t('calendar.notLoaded')}</Tag>
        {data.loadedAt && <Typography.Text type="secondary">{t('calendar.loadedAt')} {formatDateTime(data.loadedAt)}</Typography.Text>}
        {data.loaded && <Typography.Text type="secondary">{t('calendar.loadedBy')} {data.loadedBy ?? t('calendar.system')}</Typography.Text>}
      </Space>
      {!data.loaded && <Alert type="warning" showIcon title={t('calendar.notLoadedHint', { year: data.year })} style={{ marginBottom: 16 }} />}
      {problems.size > 0 && <Alert type="error" showIcon title={t('calendar.problems')} style={{ marginBottom: 16 }} />}
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="calendar-add-day">{t('calendar.addDay')}</Button>
      </Flex>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}><Card size="small" title={`${t('calendar.holidays')} (${days.filter((d) => d.kind === 'holiday').length})`}>{table('holiday')}</Card></Col>
        <Col xs={24} xl={10}><Card size="small" title={`${t('calendar.workdays')} (${days.filter((d) => d.kind === 'workday').length})`}>{table('workday')}</Card></Col>
      </Row>
      <Card size="small">
        <Form form={form} layout="vertical" initialValues={{ source: data.source ?? '' }} onValuesChange={() => setDirty(true)}>
          <Form.Item name="source" label={t('calendar.source')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input maxLength={100} placeholder={t('calendar.sourcePlaceholder')} />
          </Form.Item>
        </Form>
        <Flex justify="flex-end" align="center" gap={12}>
          {dirty && <Typography.Text type="warning">{t('calendar.unsaved')}</Typography.Text>}
          <Button type="primary" loading={save.saving} onClick={() => void submit()} data-testid="calendar-save">
            {t('calendar.saveYear', { year: data.year })}
          </Button>
        </Flex>
      </Card>
      {adding && (
        <CalendarDayDrawer
          year={data.year}
          listed={listed}
          onAdd={(d) => { change([...days, d]); setAdding(false); }}
          onClose={() => setAdding(false)}
        />
      )}
    </div>
  );
}
