import { Button, Col, Input, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { SpreadsheetImportModal } from '../../../app/components/SpreadsheetImportModal';
import { useExport } from '../../../app/components/useExport';
import { useState } from 'react';

import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { CERTIFICATE_KINDS, CERTIFICATE_STATES, certificatesApi, type CertificateSummary } from '../api/certificates.api';
import { CertificateDrawer } from './CertificateDrawer';
import { CertificateStateTag } from './CertificateStateTag';
import { CertificateView } from './CertificateView';
import { UnqualifiedList } from './UnqualifiedList';

const FILTERS = ['q', 'kind', 'typeCode', 'status'] as const;
export type RegisterTab = 'list' | 'unqualified';

/**
 * The certificates of one enterprise (issue 13 §2): the register with its states, and the people on posts they do not
 * qualify for. The enterprise's managers record and review; a unit leader and the regulators read.
 */
export function CertificatesRegister({ enterpriseId, initialTab = 'list', sync = 'local' }: { enterpriseId: string; initialTab?: RegisterTab; sync?: 'url' | 'local' }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<RegisterTab>(initialTab);
  return (
    <Tabs
      activeKey={tab} onChange={(k) => setTab(k as RegisterTab)} destroyOnHidden data-testid="certificates-tabs"
      items={[
        { key: 'list', label: t('certificates.tab.list'), children: <CertificateTable enterpriseId={enterpriseId} sync={sync} /> },
        { key: 'unqualified', label: t('certificates.tab.unqualified'), children: <UnqualifiedList enterpriseId={enterpriseId} /> },
      ]}
    />
  );
}

function CertificateTable({ enterpriseId, sync }: { enterpriseId: string; sync: 'url' | 'local' }) {
  const { t } = useI18n();
  const list = useListState({ sync, filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['certificates', enterpriseId, list.query], (signal) => certificatesApi.list(enterpriseId, list.query, signal));
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const { exporting, start } = useExport();
  const f = list.filters;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const types = data?.catalogue.types ?? [];
  return (
    <>
      {data && <Typography.Paragraph type="secondary">{t('certificates.counts', data.counts)}</Typography.Paragraph>}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={7}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('certificates.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={12} md={5}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('certificates.field.kind')} value={f.kind} onChange={(v?: string) => list.setFilters({ kind: v, typeCode: undefined })}
            options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`certificates.kind.${k}`) }))} />
        </Col>
        <Col xs={12} md={5}>
          <Select style={{ width: '100%' }} allowClear showSearch optionFilterProp="label" placeholder={t('certificates.field.type')} value={f.typeCode}
            onChange={(v?: string) => list.setFilters({ typeCode: v })}
            options={types.filter((c) => !f.kind || c.kind === f.kind).map((c) => ({ value: c.code, label: c.name }))} />
        </Col>
        <Col xs={12} md={4}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('certificates.field.state')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
            options={CERTIFICATE_STATES.map((s) => ({ value: s, label: t(`certificates.state.${s}`) }))} data-testid="certificates-filter-status" />
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        {data?.abilities.canCreate && <Button type="primary" onClick={() => setAdding(true)} data-testid="certificates-add">{t('certificates.add')}</Button>}
        {data?.abilities.canCreate && <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="certificates-import">{t('certificates.import')}</Button>}
        <Button icon={<ExportOutlined />} loading={exporting} data-testid="certificates-export"
          onClick={() => void start((onProgress) => certificatesApi.exportList(enterpriseId, { ...list.query, page: undefined, pageSize: undefined }, t('certificates.exportFile'), onProgress))}>
          {t('certificates.export')}
        </Button>
      </Space>
      <ListTable<CertificateSummary>
        list={list} data={data} loading={loading} empty={t('certificates.empty')} testId="certificates-table"
        onRow={(r) => ({ onClick: () => setViewing(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'employee', title: t('certificates.field.employee'), sorter: true, sortOrder: list.sortOrderOf('employee'),
            render: (_: unknown, r) => <Space size={4} wrap><span>{r.employeeName}</span>{r.employeeLeft && <Tag>{t('certificates.left')}</Tag>}</Space>,
          },
          { key: 'unit', dataIndex: 'orgUnitName', title: t('certificates.field.unit'), responsive: ['md'] },
          { key: 'type', dataIndex: 'typeName', title: t('certificates.field.type') },
          { key: 'number', dataIndex: 'number', title: t('certificates.field.number'), sorter: true, sortOrder: list.sortOrderOf('number'), responsive: ['md'] },
          { key: 'validUntil', dataIndex: 'validUntil', title: t('certificates.field.validUntil'), sorter: true, sortOrder: list.sortOrderOf('validUntil') },
          { key: 'nextReviewOn', title: t('certificates.field.nextReviewOn'), sorter: true, sortOrder: list.sortOrderOf('nextReviewOn'), responsive: ['md'], render: (_: unknown, r) => r.nextReviewOn ?? '—' },
          { key: 'state', title: t('certificates.field.state'), render: (_: unknown, r) => <CertificateStateTag state={r.state} /> },
        ]}
      />
      {importing && (
        <SpreadsheetImportModal
          title={t('certificates.import')} hint={t('certificates.importHint')} width={760} testId="certificates-import-modal"
          upload={(file, mode) => certificatesApi.import(enterpriseId, file, mode)}
          downloadTemplate={() => certificatesApi.downloadTemplate(enterpriseId, t('certificates.templateFile'))}
          onClose={() => setImporting(false)} invalidates={[['certificates', enterpriseId], ['obligations']]}
        />
      )}
      {adding && <CertificateDrawer enterpriseId={enterpriseId} types={types} onClose={() => setAdding(false)} />}
      {viewing && <CertificateView enterpriseId={enterpriseId} id={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}

