import { Alert, App, Button, Col, Form, Input, List, Modal, Radio, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { DOCUMENT_KINDS, documentsApi, documentsQueries, type DocumentSummary, type Library } from '../api/documents.api';
import { AdoptedLaws } from '../components/AdoptedLaws';
import { DocumentCreateDrawer } from '../components/DocumentCreateDrawer';
import { DocumentDrawer, useRateText } from '../components/DocumentDrawer';

const FILTERS = ['q', 'kind'] as const;

/** 制度和操作规程 (R-DOC-1) of the user's enterprise: the library, the required rules, the acknowledgement rates, the yearly review. */
export function DocumentsPage() {
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const list = useListState({ sync: 'local', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['documents', enterpriseId, 'library', list.query], (signal) => documentsApi.library(enterpriseId, list.query, signal));
  const [adding, setAdding] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const rate = useRateText();
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <div data-testid="documents-page">
      <PageHeader title={t('documents.title')} />
      <Typography.Paragraph type="secondary">{t('documents.hint')}</Typography.Paragraph>
      {data && <Summary enterpriseId={enterpriseId} data={data} />}
      <Tabs destroyOnHidden items={[
        {
          key: 'library', label: t('documents.tab.library'), children: (
            <>
              <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
                <Col xs={24} md={10}><Input.Search allowClear defaultValue={list.filters.q} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} /></Col>
                <Col xs={24} md={8}>
                  <Select style={{ width: '100%' }} allowClear placeholder={t('documents.field.kind')} value={list.filters.kind} onChange={(v?: string) => list.setFilters({ kind: v })}
                    options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))} />
                </Col>
                {data?.abilities.canManage && <Col xs={24} md={6} style={{ textAlign: 'right' }}><Button type="primary" onClick={() => setAdding(true)} data-testid="documents-add">{t('documents.add')}</Button></Col>}
              </Row>
              <ListTable<DocumentSummary>
                list={list} data={data} loading={loading} empty={t('documents.empty')} testId="documents-list"
                onRow={(r) => ({ onClick: () => setViewing(r.id), style: { cursor: 'pointer' } })}
                columns={[
                  { key: 'title', dataIndex: 'title', title: t('documents.field.title'), sorter: true, sortOrder: list.sortOrderOf('title') },
                  { key: 'kind', title: t('documents.field.kind'), render: (_: unknown, r) => <Tag>{t(`documents.kind.${r.kind}`)}</Tag> },
                  { key: 'current', title: t('documents.field.current'), render: (_: unknown, r) => (r.current ? `${t('documents.versionNo', { n: r.current.number })} · ${r.current.effectiveOn}` : t('documents.none')) },
                  { key: 'open', title: t('documents.versions'), render: (_: unknown, r) => (r.open ? <Tag color="processing">{t('documents.versionNo', { n: r.open.number })} {t(`documents.status.${r.open.status}`)}</Tag> : null) },
                  { key: 'acks', title: t('documents.field.acks'), render: (_: unknown, r) => (r.current ? rate(r.current.acks) : '—') },
                ]}
              />
            </>
          ),
        },
        {
          key: 'required', label: t('documents.tab.required'), children: data && (
            <Row gutter={[16, 16]}>
              <Col xs={24} md={12}>
                <List size="small" bordered dataSource={data.required} data-testid="documents-required" renderItem={(r) => (
                  <List.Item extra={<Tag color={r.satisfied ? 'success' : 'error'}>{t(r.satisfied ? 'documents.satisfied' : 'documents.notSatisfied')}</Tag>}>{r.name}</List.Item>
                )} />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Title level={5}>{t('documents.postsWithout')}</Typography.Title>
                {data.postsWithoutProcedure.length === 0 ? <Typography.Text type="secondary">{t('documents.postsWithoutNone')}</Typography.Text> : (
                  <List size="small" bordered dataSource={data.postsWithoutProcedure} data-testid="documents-posts-without" renderItem={(p) => (
                    <List.Item>{p.name}<Typography.Text type="secondary">（{p.orgUnitName}）</Typography.Text></List.Item>
                  )} />
                )}
              </Col>
            </Row>
          ),
        },
        {
          key: 'rates', label: t('documents.tab.rates'), children: data && (
            <Table size="small" rowKey="orgUnitId" pagination={false} dataSource={data.ratesByUnit} scroll={{ x: true }} data-testid="documents-rates"
              columns={[
                { key: 'name', dataIndex: 'name', title: t('documents.ratesByUnit') },
                { key: 'rate', title: t('documents.field.acks'), render: (_: unknown, r) => rate(r) },
              ]} />
          ),
        },
        { key: 'laws', label: t('laws.tab'), children: <AdoptedLaws enterpriseId={enterpriseId} /> },
      ]} />
      {adding && data && <DocumentCreateDrawer enterpriseId={enterpriseId} required={data.required} onClose={() => setAdding(false)} onCreated={(id) => { setAdding(false); setViewing(id); }} />}
      {viewing && <DocumentDrawer enterpriseId={enterpriseId} id={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}

/** What is missing, and this year's review (R-RESP-5) with the principal's button to sign it. */
function Summary({ enterpriseId, data }: { enterpriseId: string; data: Library }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [review, setReview] = useState<{ changed: boolean; reason: string } | null>(null);
  const [form] = Form.useForm<{ changed: boolean; reason: string }>();
  const sign = useApiMutation((o: SignOutcome) => documentsApi.review(enterpriseId, { ...o, ...review! }),
    { invalidates: documentsQueries(enterpriseId), onSuccess: () => { setReview(null); void message.success(t('common.saved')); } });
  const missing = data.missingRequired;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
      <Alert type={missing.length ? 'warning' : 'success'} showIcon data-testid="documents-missing"
        message={missing.length ? t('documents.missing', { n: missing.length, names: missing.map((m) => m.name).join('、') }) : t('documents.noneMissing')} />
      <Alert type={data.review ? 'info' : 'warning'} showIcon
        message={data.review
          ? t('documents.reviewed', { year: data.review.year, name: data.review.signedByName, day: data.review.reviewedOn, changed: t(data.review.changed ? 'documents.changed.yes' : 'documents.changed.no') })
          : t('documents.notReviewed')}
        action={data.abilities.canReview && <Button size="small" type="primary" onClick={() => setAsking(true)} data-testid="documents-review">{t('documents.review')}</Button>} />
      <Modal open={asking} title={t('documents.reviewTitle')} onCancel={() => setAsking(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ changed: false }} onFinish={(v) => { setAsking(false); setReview(v); }}>
          <Form.Item name="changed" label={t('documents.field.changed')}>
            <Radio.Group options={[{ value: true, label: t('documents.changed.yes') }, { value: false, label: t('documents.changed.no') }]} />
          </Form.Item>
          <Form.Item name="reason" label={t('documents.field.reason')} rules={[{ required: true, max: 2000 }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
      {review && (
        <SignDialog enterpriseId={enterpriseId} mode="self" title={t('documents.reviewTitle')} intro={review.reason} onSign={sign.run} onClose={() => setReview(null)} />
      )}
    </Space>
  );
}
