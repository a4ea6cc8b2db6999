import { useState } from 'react';
import { ExportOutlined } from '@ant-design/icons';
import { App, Button, Col, Descriptions, Drawer, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/components/useExport';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { FILING_STATUSES, filingsApi, type Filing, type FilingStatus, type PlanKind } from '../api/emergency-plans.api';
import { FilingStatusTag, PlanKindTag } from '../components/PlanTags';

const FILTERS = ['q', 'status'] as const;

/** 预案备案: the filings addressed to the officer's office (the district: all; the subdistrict: its enterprises', read-only). */
export function FilingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const [open, setOpen] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<'accept' | 'return' | null>(null);
  const { exporting, start } = useExport();
  const { data, error, loading, reload } = useApiQuery(['emergency-plan-filings', 'list', list.query], (signal) => filingsApi.list(list.query, signal));
  const detail = useApiQuery(['emergency-plan-filings', 'detail', open], (signal) => filingsApi.get(open ?? '', signal), open !== null);
  const f = list.filters;
  const after = () => { setDeciding(null); void message.success(t('emergencyPlans.saved')); void detail.reload(); };
  const accept = useApiMutation((v: { receiptNo: string }) => filingsApi.accept(open ?? '', { ...v, version: detail.data?.version }), { invalidates: [['emergency-plan-filings'], ['workbench']], onSuccess: after });
  const ret = useApiMutation((v: { reason: string }) => filingsApi.return(open ?? '', { ...v, version: detail.data?.version }), { invalidates: [['emergency-plan-filings'], ['workbench']], onSuccess: after });
  const [acceptForm] = Form.useForm<{ receiptNo: string }>();
  const [returnForm] = Form.useForm<{ reason: string }>();
  const exportList = () => start((onProgress) => {
    const { page: _page, pageSize: _pageSize, ...filters } = list.query;
    return filingsApi.exportList(filters, t('emergencyPlans.exportFile'), onProgress);
  });
  const d = detail.data;
  return (
    <div data-testid="filings-page">
      <PageHeader title={t('nav.emergencyPlanFilings')} extra={<Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportList()}>{t('emergencyPlans.export')}</Button>} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('emergencyPlans.filingSearch')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={6} xl={4}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('emergencyPlans.allStatuses')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
            options={FILING_STATUSES.map((k) => ({ value: k, label: t(`emergencyPlans.filing.${k}`) }))} data-testid="filing-status-filter" />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<Filing>
          list={list} data={data} loading={loading} empty={t('emergencyPlans.noFilings')} testId="filing-table"
          onRow={(x) => ({ onClick: () => setOpen(x.id), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'submittedAt', dataIndex: 'submittedAt', title: t('emergencyPlans.submittedAt'), sorter: true, sortOrder: list.sortOrderOf('submittedAt'), render: (v: string) => formatDateTime(v) },
            { key: 'enterprise', dataIndex: 'enterpriseName', title: t('emergencyPlans.enterprise'), sorter: true, sortOrder: list.sortOrderOf('enterprise') },
            { key: 'planTitle', dataIndex: 'planTitle', title: t('emergencyPlans.field.title'), render: (v: string, x) => <Flex vertical gap={2}><span>{v}</span><span><PlanKindTag kind={x.planKind as PlanKind} /></span></Flex> },
            { key: 'departmentName', dataIndex: 'departmentName', title: t('emergencyPlans.office') },
            { key: 'status', dataIndex: 'status', title: t('emergencyPlans.field.status'), render: (v: FilingStatus) => <FilingStatusTag status={v} /> },
          ]}
        />
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={640} title={d?.planTitle ?? ''} destroyOnHidden
        extra={d && (d.abilities.accept || d.abilities.return) && (
          <Flex gap={8}>
            {d.abilities.return && <Button danger onClick={() => setDeciding('return')} data-testid="filing-return">{t('emergencyPlans.returnFiling')}</Button>}
            {d.abilities.accept && <Button type="primary" onClick={() => setDeciding('accept')} data-testid="filing-accept">{t('emergencyPlans.acceptFiling')}</Button>}
          </Flex>
        )}>
        {d && (
          <Descriptions column={1} bordered size="small" data-testid="filing-detail">
            <Descriptions.Item label={t('emergencyPlans.enterprise')}>{d.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyPlans.field.kind')}>{t(`emergencyPlans.kind.${d.planKind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyPlans.field.version')}>{t('emergencyPlans.versionNo', { n: d.versionNo })}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyPlans.field.status')}><FilingStatusTag status={d.status} /> {d.receiptNo ?? ''} {d.returnReason ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyPlans.submittedAt')}>{formatDateTime(d.submittedAt)}{d.rounds > 1 ? ` · ${t('emergencyPlans.rounds', { n: d.rounds })}` : ''}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyPlans.reviewedOn')}>{formatDate(d.content.reviewedOn)} {d.content.reviewConclusion ? t(`emergencyPlans.conclusion.${d.content.reviewConclusion}`) : ''}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyPlans.signedAtCol')}>{d.content.signedAt ? `${formatDateTime(d.content.signedAt)} ${d.content.signedByName ?? ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('emergencyPlans.field.scope')}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.content.scope}</Typography.Paragraph></Descriptions.Item>
            <Descriptions.Item label={t('emergencyPlans.field.responseLevels')}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.content.responseLevels}</Typography.Paragraph></Descriptions.Item>
            <Descriptions.Item label={t('emergencyPlans.field.procedures')}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.content.procedures}</Typography.Paragraph></Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
      {deciding === 'accept' && (
        <FormDrawer title={t('emergencyPlans.acceptFiling')} okText={t('emergencyPlans.acceptFiling')} form={acceptForm} saving={accept.saving} onSubmit={accept.run} onClose={() => setDeciding(null)} testId="filing-accept-form" initialValues={{ receiptNo: '' }}>
          <Form.Item name="receiptNo" label={t('emergencyPlans.receiptNoLabel')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input maxLength={64} data-testid="filing-receipt-no" />
          </Form.Item>
        </FormDrawer>
      )}
      {deciding === 'return' && (
        <FormDrawer title={t('emergencyPlans.returnFiling')} okText={t('emergencyPlans.returnFiling')} okDanger form={returnForm} saving={ret.saving} onSubmit={ret.run} onClose={() => setDeciding(null)} testId="filing-return-form" initialValues={{ reason: '' }}>
          <Form.Item name="reason" label={t('emergencyPlans.returnReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <LimitedTextArea rows={4} max={2000} data-testid="filing-return-reason" />
          </Form.Item>
        </FormDrawer>
      )}
    </div>
  );
}
