import { App, Button, Form, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { documentsApi, documentsQueries, type AdoptedLaw } from '../api/documents.api';

/** The laws the enterprise adopted, each with the rules that implement it; adopting one from the district's register. */
export function AdoptedLaws({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const { data, error, reload } = useApiQuery(['documents', enterpriseId, 'laws'], (signal) => documentsApi.adopted(enterpriseId, signal));
  const [editing, setEditing] = useState<AdoptedLaw | 'new' | null>(null);
  const drop = useApiMutation((lawId: string) => documentsApi.unadopt(enterpriseId, lawId), { invalidates: documentsQueries(enterpriseId) });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('laws.hint')}</Typography.Paragraph>
      {data?.abilities.canAdopt && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing('new')} data-testid="laws-adopt">{t('laws.adopt')}</Button>}
      <List bordered size="small" loading={!data} dataSource={data?.items ?? []} locale={{ emptyText: t('laws.adoptedEmpty') }} data-testid="laws-adopted"
        renderItem={(l) => (
          <List.Item actions={data?.abilities.canAdopt ? [
            <a key="edit" onClick={() => setEditing(l)}>{t('laws.field.documents')}</a>,
            <Popconfirm key="drop" title={t('laws.unadopt')} onConfirm={() => drop.run(l.id)}><a>{t('laws.unadopt')}</a></Popconfirm>,
          ] : []}>
            <List.Item.Meta
              title={<Space wrap><Tag>{t(`laws.level.${l.level}`)}</Tag>{l.title}{l.docNumber && <Typography.Text type="secondary">{l.docNumber}</Typography.Text>}{l.repealed && <Tag color="error">{t('laws.repealed')}</Tag>}</Space>}
              description={l.documents.length ? l.documents.map((d) => <Tag key={d.id} color="blue">{d.title}</Tag>) : '—'} />
          </List.Item>
        )} />
      {editing && <AdoptDrawer enterpriseId={enterpriseId} law={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

type Values = { lawId: string; documentIds: string[] };

function AdoptDrawer({ enterpriseId, law, onClose }: { enterpriseId: string; law: AdoptedLaw | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const register = useApiQuery(['documents', 'laws-register'], (signal) => documentsApi.laws({ pageSize: 100, repealed: 'no' }, signal));
  const docs = useApiQuery(['documents', enterpriseId, 'library', 'all'], (signal) => documentsApi.library(enterpriseId, { pageSize: 100 }, signal));
  const save = useApiMutation((v: Values) => documentsApi.adopt(enterpriseId, law?.id ?? v.lawId, v.documentIds ?? []),
    { invalidates: documentsQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); onClose(); } });
  return (
    <FormDrawer<Values> title={law?.title ?? t('laws.adopt')} form={form} onSubmit={save.run} saving={save.saving} onClose={onClose} testId="laws-adopt-drawer"
      initialValues={{ lawId: law?.id, documentIds: law?.documents.map((d) => d.id) ?? [] }}>
      {!law && (
        <Form.Item name="lawId" label={t('laws.field.law')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" loading={register.loading}
            options={(register.data?.items ?? []).map((l) => ({ value: l.id, label: `${t(`laws.level.${l.level}`)} · ${l.title}${l.docNumber ? `（${l.docNumber}）` : ''}` }))} />
        </Form.Item>
      )}
      <Form.Item name="documentIds" label={t('laws.field.documents')}>
        <Select mode="multiple" optionFilterProp="label" loading={docs.loading} options={(docs.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }))} />
      </Form.Item>
    </FormDrawer>
  );
}
