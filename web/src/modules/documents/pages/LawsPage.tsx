import { App, Button, Col, DatePicker, Form, Input, Popconfirm, Row, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { documentsApi, LAW_KINDS, LAW_LEVELS, type Law, type LawInput } from '../api/documents.api';

const FILTERS = ['q', 'level'] as const;

/** 法律法规标准库: the district's register of applicable laws, regulations and standards, kept by the district admin. */
export function LawsPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['documents', 'laws-register', list.query], (signal) => documentsApi.laws(list.query, signal));
  const [adding, setAdding] = useState(false);
  const repeal = useApiMutation((l: Law) => documentsApi.editLaw(l.id, { repealed: true, version: l.version }), { invalidates: [['documents']] });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <div data-testid="laws-page">
      <PageHeader title={t('laws.title')} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}><Input.Search allowClear defaultValue={list.filters.q} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} /></Col>
        <Col xs={24} md={8}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('laws.field.level')} value={list.filters.level} onChange={(v?: string) => list.setFilters({ level: v })}
            options={LAW_LEVELS.map((k) => ({ value: k, label: t(`laws.level.${k}`) }))} />
        </Col>
        {data?.abilities.canManage && <Col xs={24} md={6} style={{ textAlign: 'right' }}><Button type="primary" onClick={() => setAdding(true)} data-testid="laws-add">{t('laws.add')}</Button></Col>}
      </Row>
      <ListTable<Law>
        list={list} data={data} loading={loading} empty={t('laws.empty')} testId="laws-list"
        columns={[
          { key: 'level', title: t('laws.field.level'), render: (_: unknown, r) => <Tag>{t(`laws.level.${r.level}`)}</Tag> },
          { key: 'title', dataIndex: 'title', title: t('laws.field.title'), sorter: true, sortOrder: list.sortOrderOf('title'),
            render: (_: unknown, r) => <>{r.title}{r.repealed && <Tag color="error" style={{ marginLeft: 8 }}>{t('laws.repealed')}</Tag>}</> },
          { key: 'kind', title: t('laws.field.kind'), render: (_: unknown, r) => t(`laws.kind.${r.kind}`) },
          { key: 'docNumber', dataIndex: 'docNumber', title: t('laws.field.docNumber') },
          { key: 'effectiveOn', title: t('laws.field.effectiveOn'), render: (_: unknown, r) => r.effectiveOn ?? '—' },
          ...(data?.abilities.canManage ? [{
            key: 'actions', title: '', render: (_: unknown, r: Law) => (!r.repealed && (
              <Popconfirm title={t('laws.repeal')} onConfirm={() => repeal.run(r)}><a>{t('laws.repeal')}</a></Popconfirm>
            )),
          }] : []),
        ]}
      />
      {adding && <LawDrawer onClose={() => setAdding(false)} />}
    </div>
  );
}

type Values = Omit<LawInput, 'effectiveOn'> & { effectiveOn?: Dayjs };

function LawDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => documentsApi.createLaw({
    level: v.level, kind: v.kind, title: v.title, docNumber: v.docNumber ?? '', issuer: v.issuer ?? '', effectiveOn: v.effectiveOn ? v.effectiveOn.format('YYYY-MM-DD') : null,
  }), { invalidates: [['documents']], onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values> title={t('laws.add')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="laws-drawer" initialValues={{ level: 'national', kind: 'law' }}>
      <Form.Item name="level" label={t('laws.field.level')} rules={[{ required: true }]}><Select options={LAW_LEVELS.map((k) => ({ value: k, label: t(`laws.level.${k}`) }))} /></Form.Item>
      <Form.Item name="kind" label={t('laws.field.kind')} rules={[{ required: true }]}><Select options={LAW_KINDS.map((k) => ({ value: k, label: t(`laws.kind.${k}`) }))} /></Form.Item>
      <Form.Item name="title" label={t('laws.field.title')} rules={[{ required: true, max: 300 }]}><Input maxLength={300} /></Form.Item>
      <Form.Item name="docNumber" label={t('laws.field.docNumber')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="issuer" label={t('laws.field.issuer')} rules={[{ max: 200 }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="effectiveOn" label={t('laws.field.effectiveOn')}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
    </FormDrawer>
  );
}
