import { App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { SpreadsheetImportModal } from '../../../app/components/SpreadsheetImportModal';
import { districtNow, formatDate } from '../../../app/format';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { trainingApi, trainingQueries, type Session, type SessionInput } from '../api/training.api';
import { COURSE_TYPES, courseKey, type CourseType } from '../course-types';
import { useI18n } from '../../../app/i18n';
import { SessionDrawer } from './SessionDrawer';

/** R-TRN-1: the year's sessions (type, course, hours, trainer, attendees), recording one, the .xlsx import, and each session's detail. */
export function SessionsCard({ enterpriseId, year }: { enterpriseId: string; year: number }) {
  const { t } = useI18n();
  const q = useApiQuery(['training', enterpriseId, 'sessions', year], (signal) => trainingApi.sessions(enterpriseId, year, signal));
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const canManage = q.data?.abilities.canManage ?? false;
  return (
    <Card size="small" data-testid="training-sessions"
      extra={canManage && <Space wrap>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="session-add">{t('training.session.add')}</Button>
        <Button onClick={() => setImporting(true)}>{t('training.session.import')}</Button>
      </Space>}>
      <Table<Session> rowKey="id" size="small" loading={q.loading} dataSource={q.data?.items ?? []} scroll={{ x: true }}
        locale={{ emptyText: t('training.session.none') }} onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('training.col.heldOn'), dataIndex: 'heldOn', render: (d: string) => formatDate(d) },
          { title: t('training.col.type'), dataIndex: 'courseName' },
          { title: t('training.col.title'), dataIndex: 'title' },
          { title: t('training.col.hours'), dataIndex: 'hours' },
          { title: t('training.col.trainer'), dataIndex: 'trainer' },
          { title: t('training.col.attendees'), dataIndex: 'attendees', render: (n: number, r) => <Space>{n}{r.checkinOpenUntil && <Tag color="processing">{t('training.session.qr')}</Tag>}</Space> },
        ]} />
      {adding && <NewSessionDrawer enterpriseId={enterpriseId} onClose={(id) => { setAdding(false); if (id) setOpen(id); }} />}
      {open && <SessionDrawer enterpriseId={enterpriseId} id={open} onClose={() => setOpen(null)} />}
      {importing && (
        <SpreadsheetImportModal title={t('training.session.import')} hint={t('training.session.importHint')} width={720} testId="training-import"
          upload={(file, mode) => trainingApi.import(enterpriseId, file, mode)}
          downloadTemplate={() => trainingApi.downloadTemplate(enterpriseId, 'training-records-template.xlsx')}
          invalidates={trainingQueries(enterpriseId)} onClose={() => setImporting(false)} />
      )}
    </Card>
  );
}

type Values = { courseType: CourseType; title: string; trainer?: string; heldOn: Dayjs; hours: number; examHeld?: boolean; note?: string };

function NewSessionDrawer({ enterpriseId, onClose }: { enterpriseId: string; onClose: (id?: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: SessionInput) => trainingApi.createSession(enterpriseId, v), {
    invalidates: trainingQueries(enterpriseId), onSuccess: (s) => { void message.success(t('training.session.created')); onClose(s.id); },
  });
  return (
    <Drawer open title={t('training.session.add')} width={480} onClose={() => onClose()}
      extra={<Button type="primary" loading={save.saving} onClick={() => form.submit()}>{t('common.save')}</Button>}>
      <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs(districtNow().format('YYYY-MM-DD')), examHeld: false }}
        onFinish={(v) => save.run({
          courseType: v.courseType, title: v.title, trainer: v.trainer ?? '', heldOn: v.heldOn.format('YYYY-MM-DD'), hours: v.hours, examHeld: !!v.examHeld, note: v.note ?? '',
        }).catch(() => undefined)}>
        <Form.Item name="courseType" label={t('training.col.type')} rules={[{ required: true }]}>
          <Select options={COURSE_TYPES.map((c) => ({ value: c, label: t(courseKey(c)) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('training.col.title')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="trainer" label={t('training.col.trainer')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="heldOn" label={t('training.col.heldOn')} rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > districtNow().format('YYYY-MM-DD')} /></Form.Item>
        <Form.Item name="hours" label={t('training.col.hours')} rules={[{ required: true }]}><InputNumber min={0.5} max={200} step={0.5} /></Form.Item>
        <Form.Item name="examHeld" valuePropName="checked"><Checkbox>{t('training.field.examHeld')}</Checkbox></Form.Item>
        <Form.Item name="note" label={t('training.field.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Drawer>
  );
}
