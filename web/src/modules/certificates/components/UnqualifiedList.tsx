import { ExportOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { useExport } from '../../../app/components/useExport';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { certificatesApi, type Unqualified, type UnqualifiedReason } from '../api/certificates.api';

const REASONS: UnqualifiedReason[] = ['no_certificate', 'minor', 'untrained', 'no_qualification'];

/**
 * R-TRN-2: the people on posts they do not qualify for (kept on the post, listed here; the uncertified ones with their
 * major hazard, the principal and safety managers past their six months with the deadline), exportable with the filter.
 */
export function UnqualifiedList({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState<UnqualifiedReason | undefined>();
  const query = reason ? { reason } : {};
  const { data, error, loading, reload } = useApiQuery(['certificates', enterpriseId, 'unqualified', query], (signal) => certificatesApi.unqualified(enterpriseId, query, signal));
  const { exporting, start } = useExport();
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('certificates.unqualified.hint')}</Typography.Paragraph>
      {data && <Typography.Paragraph>{t('certificates.unqualified.counts', data.counts)}</Typography.Paragraph>}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 260, maxWidth: '100%' }} allowClear placeholder={t('certificates.unqualified.reason')} value={reason} onChange={setReason}
          options={REASONS.map((r) => ({ value: r, label: t(`certificates.reason.${r}`) }))} />
        <Button icon={<ExportOutlined />} loading={exporting} data-testid="certificates-unqualified-export"
          onClick={() => void start((onProgress) => certificatesApi.exportUnqualified(enterpriseId, query, t('certificates.unqualified.exportFile'), onProgress))}>
          {t('certificates.export')}
        </Button>
      </Space>
      <Table<Unqualified['items'][number]>
        size="small" loading={loading} dataSource={data?.items ?? []} rowKey={(r) => `${r.reason}-${r.employeeId}-${r.postId ?? ''}`} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }} locale={{ emptyText: t('certificates.unqualified.empty') }} data-testid="certificates-unqualified"
        columns={[
          { key: 'name', dataIndex: 'employeeName', title: t('certificates.field.employee') },
          { key: 'unit', dataIndex: 'orgUnitName', title: t('certificates.field.unit'), responsive: ['md'] },
          { key: 'post', title: t('certificates.unqualified.post'), render: (_: unknown, r) => r.postName ?? '—' },
          { key: 'reason', title: t('certificates.unqualified.reason'), render: (_: unknown, r) => <Tag color={r.reason === 'no_certificate' ? MEANING_TAG.danger : MEANING_TAG.warning}>{t(`certificates.reason.${r.reason}`)}</Tag> },
          {
            key: 'needs', title: t('certificates.unqualified.needs'),
            render: (_: unknown, r) => (r.dueOn ? <>{r.certificateType ?? '—'}<Typography.Text type="danger">{t('certificates.unqualified.dueOn', { date: r.dueOn })}</Typography.Text></> : r.certificateType ?? '—'),
          },
          {
            key: 'hazard', title: t('certificates.unqualified.hazard'),
            render: (_: unknown, r) => (r.hazardId ? <Link to={`/enterprises/${enterpriseId}/hazards/${r.hazardId}`}>{t('certificates.unqualified.viewHazard')}</Link> : '—'),
          },
        ]}
      />
    </>
  );
}
