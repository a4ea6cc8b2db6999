import { App, Button, Col, DatePicker, Drawer, Form, Grid, Input, List, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { ListTable } from '../../../app/components/ListTable';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { employeesApi } from '../../employees/api/employees.api';
import { orgApi } from '../../org/api/org.api';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { ACTIVITY_KINDS, cultureApi, cultureQueries, type ActivityKind, type ActivitySummary } from '../api/culture.api';

const FILTERS = ['q', 'kind'] as const;

/** The enterprise's safety-culture activities: the list by kind, recording one, its people and the shared-device sign-in. */
export function ActivityList({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const list = useListState({ sync: 'local', filterKeys: FILTERS, defaultOrder: 'desc' });
  const { data, error, loading, reload } = useApiQuery(['culture', enterpriseId, 'activities', list.query], (signal) => cultureApi.activities(enterpriseId, list.query, signal));
  const [adding, setAdding] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}><Input.Search allowClear defaultValue={list.filters.q} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} /></Col>
        <Col xs={24} md={8}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('culture.field.kind')} value={list.filters.kind} onChange={(v?: string) => list.setFilters({ kind: v })}
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: `${t(`culture.kind.${k}`)}${data ? `（${data.counts[k]}）` : ''}` }))} />
        </Col>
        {data?.abilities.canCreate && <Col xs={24} md={6} style={{ textAlign: 'right' }}><Button type="primary" onClick={() => setAdding(true)} data-testid="culture-add">{t('culture.add')}</Button></Col>}
      </Row>
      <ListTable<ActivitySummary>
        list={list} data={data} loading={loading} empty={t('culture.empty')} testId="culture-activities"
        onRow={(r) => ({ onClick: () => setViewing(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'heldOn', dataIndex: 'heldOn', title: t('culture.field.heldOn'), sorter: true, sortOrder: list.sortOrderOf('heldOn') },
          { key: 'kind', title: t('culture.field.kind'), render: (_: unknown, r) => <Tag>{t(`culture.kind.${r.kind}`)}</Tag> },
          { key: 'topic', dataIndex: 'topic', title: t('culture.field.topic') },
          { key: 'unit', title: t('culture.field.orgUnit'), render: (_: unknown, r) => r.orgUnitName ?? '—' },
          { key: 'people', title: t('culture.field.participants'), render: (_: unknown, r) => t('culture.participants', { n: r.participants, signed: r.signedIn }) },
        ]}
      />
      {adding && <ActivityDrawer enterpriseId={enterpriseId} onClose={() => setAdding(false)} />}
      {viewing && <ActivityView enterpriseId={enterpriseId} id={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}

type Values = { kind: ActivityKind; heldOn: Dayjs; topic: string; orgUnitId?: string; host: string; content: string; participantIds: string[] };

function ActivityDrawer({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useApiQuery(['org-units', enterpriseId], (signal) => orgApi.units(enterpriseId, signal));
  const people = useApiQuery(['employees', enterpriseId, 'culture-picker'], (signal) => employeesApi.list(enterpriseId, { status: 'active', pageSize: 200 }, signal));
  const save = useApiMutation((v: Values) => cultureApi.createActivity(enterpriseId, {
    kind: v.kind, heldOn: v.heldOn.format('YYYY-MM-DD'), topic: v.topic, orgUnitId: v.orgUnitId ?? null, host: v.host ?? '', content: v.content ?? '', participantIds: v.participantIds ?? [],
  }), { invalidates: cultureQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values> title={t('culture.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="culture-activity-drawer"
      initialValues={{ kind: 'pre_shift', heldOn: dayjs(), participantIds: [] }}>
      <Form.Item name="kind" label={t('culture.field.kind')} rules={[{ required: true }]}>
        <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`culture.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('culture.field.heldOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
      <Form.Item name="topic" label={t('culture.field.topic')} rules={[{ required: true, max: 200 }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="orgUnitId" label={t('culture.field.orgUnit')}><OrgUnitSelect units={units.data} allowClear testId="culture-field-unit" /></Form.Item>
      <Form.Item name="host" label={t('culture.field.host')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="content" label={t('culture.field.content')} rules={[{ max: 4000 }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      <Form.Item name="participantIds" label={t('culture.field.participants')}>
        <Select mode="multiple" optionFilterProp="label" loading={people.loading}
          options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgUnitName}）` }))} />
      </Form.Item>
    </FormDrawer>
  );
}

function ActivityView({ enterpriseId, id, onClose }: { enterpriseId: string; id: string; onClose: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { data: a, error, reload } = useApiQuery(['culture', enterpriseId, 'activity', id], (signal) => cultureApi.activity(enterpriseId, id, signal));
  const people = useApiQuery(['employees', enterpriseId, 'culture-picker'], (signal) => employeesApi.list(enterpriseId, { status: 'active', pageSize: 200 }, signal));
  const [signing, setSigning] = useState(false);
  const sign = useApiMutation((o: SignOutcome) => {
    if (o.method !== 'proxy_pad') throw new Error('proxy only');
    return cultureApi.signIn(enterpriseId, id, { employeeId: o.employeeId, idLast4: o.idLast4, imageAttachmentId: o.imageAttachmentId, device: o.device });
  }, { invalidates: cultureQueries(enterpriseId) });
  const signed = new Set((a?.people ?? []).filter((p) => p.signedAt).map((p) => p.employeeId));
  // Whoever has not signed in yet; a person with an account is refused by the server (they sign on their own device).
  const candidates = (people.data?.items ?? []).filter((p) => !signed.has(p.id)).map((p) => ({ id: p.id, name: p.name, hint: p.orgUnitName }));
  return (
    <Drawer open onClose={onClose} width={screens.md ? 560 : '100%'} title={a?.topic ?? ''} data-testid="culture-activity-view"
      extra={a?.abilities.canSignIn && <Button type="primary" onClick={() => setSigning(true)} data-testid="culture-sign-in">{t('culture.signIn')}</Button>}>
      {error ? <ErrorState error={error} onRetry={reload} /> : !a ? <Skeleton active /> : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{a.heldOn} · {t(`culture.kind.${a.kind}`)}{a.orgUnitName ? ` · ${a.orgUnitName}` : ''}{a.host ? ` · ${a.host}` : ''}</Typography.Text>
          {a.content && <Typography.Paragraph>{a.content}</Typography.Paragraph>}
          <Typography.Text strong>{t('culture.participants', { n: a.participants, signed: a.signedIn })}</Typography.Text>
          <List size="small" dataSource={a.people} renderItem={(p) => (
            <List.Item extra={<Tag color={MEANING_TAG[p.signedAt ? 'done' : 'none']}>{t(p.signedAt ? 'culture.signedAt' : 'culture.notSigned')}</Tag>}>
              {p.name}<Typography.Text type="secondary">（{p.orgUnitName}）</Typography.Text>
            </List.Item>
          )} />
        </Space>
      )}
      {signing && a && (
        <SignDialog enterpriseId={enterpriseId} title={t('culture.signIn.title')} intro={t('culture.signIn.intro')} mode="other" people={candidates}
          onSign={async (o) => { await sign.run(o); setSigning(false); }} onClose={() => setSigning(false)} />
      )}
    </Drawer>
  );
}
