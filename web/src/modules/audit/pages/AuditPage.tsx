import { Button, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useAuth } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApi } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { auditApi, type AuditRow } from '../api/audit.api';
import { AuditDiff } from '../components/AuditDiff';
import { AuditFilters } from '../components/AuditFilters';
import { AuditVerifyButton } from '../components/AuditVerifyButton';

const FILTERS = ['entityType', 'entityId', 'enterpriseId', 'action'] as const;

/** The tamper-evident audit log: filter, expand a row for its before/after, verify the hash chain. */
export function AuditPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultOrder: 'desc' });
  const { data, error, loading, reload } = useApi((signal) => auditApi.list(list.query, signal), [JSON.stringify(list.query)]);
  const filtered = FILTERS.some((k) => list.filters[k]);

  const columns: ColumnsType<AuditRow> = [
    { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 80 },
    { key: 'at', dataIndex: 'at', title: t('audit.at'), render: (v: string) => formatDateTime(v) },
    {
      key: 'actor', title: t('audit.actor'),
      render: (_, r) => (
        <span>
          {r.actorName ?? t('audit.system')}
          {r.actorRole && <Typography.Text type="secondary" style={{ fontSize: 12 }}> · {tx(`role.${r.actorRole}`, r.actorRole)}</Typography.Text>}
        </span>
      ),
    },
    { key: 'action', dataIndex: 'action', title: t('audit.action'), render: (v: string) => <Tag>{tx(`auditAction.${v}`, v)}</Tag> },
    { key: 'entityType', dataIndex: 'entityType', title: t('audit.entityType'), render: (v: string) => tx(`entityType.${v}`, v) },
    {
      key: 'entityId', dataIndex: 'entityId', title: t('audit.entityId'),
      render: (v: string, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, fontFamily: 'monospace' }}
          onClick={() => list.setFilters({ entityType: r.entityType, entityId: v })}
          title={t('audit.historyOf')}
        >
          {v.length > 13 ? `${v.slice(0, 8)}…` : v}
        </Button>
      ),
    },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), render: (v: string | null) => v ?? '—' },
    { key: 'requestId', dataIndex: 'requestId', title: t('audit.requestId'), render: (v: string | null) => (v ? <Typography.Text copyable={{ text: v }} style={{ fontSize: 12 }}>{v.slice(0, 8)}</Typography.Text> : '—') },
  ];

  return (
    <div data-testid="audit-page">
      <PageHeader
        title={t('nav.audit')}
        sub={list.filters.entityId ? t('audit.historyFor', { type: tx(`entityType.${list.filters.entityType ?? ''}`, list.filters.entityType ?? ''), id: list.filters.entityId }) : undefined}
        extra={
          <>
            {filtered && <Button onClick={() => list.setFilters({ entityType: undefined, entityId: undefined, enterpriseId: undefined, action: undefined })}>{t('common.clearFilters')}</Button>}
            {can('audit.verify') && <AuditVerifyButton />}
          </>
        }
      />
      <Card>
        <AuditFilters list={list} />
        {error
          ? <ErrorState error={error} onRetry={reload} />
          : (
            <Table<AuditRow>
              data-testid="audit-table"
              rowKey="seq"
              size={isMobile ? 'small' : 'middle'}
              columns={columns}
              dataSource={data?.items}
              loading={loading}
              scroll={{ x: 'max-content' }}
              onChange={list.onTableChange}
              expandable={{ expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} /> }}
              pagination={{
                current: list.page, pageSize: list.pageSize, total: data?.total ?? 0,
                showSizeChanger: !isMobile, simple: isMobile, showTotal: (total) => t('common.total', { total }),
              }}
            />
          )}
      </Card>
    </div>
  );
}
