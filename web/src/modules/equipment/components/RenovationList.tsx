import { App, Button, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import {
  equipmentApi, equipmentQueries, RENOVATION_KINDS, RENOVATION_STATUSES, type Renovation, type RenovationInput,
} from '../api/equipment.api';

/** Money as the server takes it: yuan with at most two decimals, typed as text so that no float ever rounds it. */
const MONEY = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** The 机械化换人、自动化减人 projects of an enterprise, their totals, and (for its managers) adding and editing them. */
export function RenovationList({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['equipment', enterpriseId, 'renovations'], (signal) => equipmentApi.renovations(enterpriseId, signal));
  const [editing, setEditing] = useState<{ project: Renovation | null } | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('renovation.hint')}</Typography.Paragraph>
      {data && <Typography.Paragraph strong>{t('renovation.totals', { count: data.totals.count, investment: data.totals.investment, people: data.totals.peopleReduced })}</Typography.Paragraph>}
      {data?.abilities.canCreate && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing({ project: null })} data-testid="renovation-add">{t('renovation.add')}</Button>}
      <Table<Renovation>
        rowKey="id" size="small" loading={loading} dataSource={data?.items} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('renovation.empty') }}
        data-testid="renovation-table"
        columns={[
          { key: 'year', dataIndex: 'year', title: t('renovation.field.year') },
          { key: 'name', dataIndex: 'name', title: t('renovation.field.name') },
          { key: 'kind', title: t('renovation.field.kind'), render: (_: unknown, r) => t(`renovation.kind.${r.kind}`) },
          { key: 'investment', dataIndex: 'investment', title: t('renovation.field.investment'), align: 'right' },
          { key: 'people', dataIndex: 'peopleReduced', title: t('renovation.field.peopleReduced'), align: 'right' },
          { key: 'status', title: t('renovation.field.status'), render: (_: unknown, r) => <Tag color={MEANING_TAG[r.status === 'completed' ? 'done' : 'normal']}>{t(`renovation.status.${r.status}`)}</Tag> },
          { key: 'edit', render: (_: unknown, r) => (r.abilities.canEdit ? <Button size="small" onClick={() => setEditing({ project: r })}>{t('renovation.edit')}</Button> : null) },
        ]}
      />
      {editing && <RenovationDrawer enterpriseId={enterpriseId} project={editing.project} onClose={() => setEditing(null)} />}
    </>
  );
}

function RenovationDrawer({ enterpriseId, project, onClose }: { enterpriseId: string; project: Renovation | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RenovationInput>();
  const save = useApiMutation((v: RenovationInput) => (project
    ? equipmentApi.updateRenovation(enterpriseId, project.id, { ...v, investment: v.investment.trim(), version: project.version })
    : equipmentApi.createRenovation(enterpriseId, { ...v, investment: v.investment.trim() })),
  { invalidates: equipmentQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<RenovationInput>
      title={t(project ? 'renovation.edit' : 'renovation.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="renovation-drawer"
      initialValues={project ?? { year: new Date().getFullYear(), kind: 'automation', status: 'planned', peopleReduced: 0 }}
    >
      <Form.Item name="name" label={t('renovation.field.name')} rules={[{ required: true, max: 200 }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="year" label={t('renovation.field.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="kind" label={t('renovation.field.kind')} rules={[{ required: true }]}>
        <Select options={RENOVATION_KINDS.map((k) => ({ value: k, label: t(`renovation.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="investment" label={t('renovation.field.investment')} rules={[{ required: true, pattern: MONEY, message: t('equipment.field.money') }]}>
        <Input inputMode="decimal" suffix={t('common.yuan')} />
      </Form.Item>
      <Form.Item name="peopleReduced" label={t('renovation.field.peopleReduced')} rules={[{ required: true }]}><InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="status" label={t('renovation.field.status')} rules={[{ required: true }]}>
        <Select options={RENOVATION_STATUSES.map((s) => ({ value: s, label: t(`renovation.status.${s}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('renovation.field.note')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
    </FormDrawer>
  );
}
