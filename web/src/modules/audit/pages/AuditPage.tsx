import { useMemo } from 'react';
import { Button, Card, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useAuth } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
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
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultOrder: 'desc' });
  const { data, error, loading, reload } = useApiQuery(['audit', 'list', list.query], (signal) => auditApi.list(list.query, signal));
  // Names of record types and actions come from the server in the user's language; the filters pick from them.
  const vocabulary = useApiQuery(['audit', 'vocabulary'], (signal) => auditApi.vocabulary(signal)).data;
  const entityNames = useMemo(() => new Map((vocabulary?.entityTypes ?? []).map((x) => [x.code, x.name])), [vocabulary]);
  const filtered = FILTERS.some((k) => list.filters[k]);
  const shownType = list.filters.entityType;
  const shownTypeName = !shownType || !vocabulary ? '' : entityNames.get(shownType) ?? t('audit.unknownCode');

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
    { key: 'action', dataIndex: 'actionName', title: t('audit.action'), render: (v: string) => <Tag>{v}</Tag> },
    { key: 'entityType', dataIndex: 'entityTypeName', title: t('audit.entityType') },
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
        sub={list.filters.entityId ? t('audit.historyFor', { type: shownTypeName, id: list.filters.entityId }) : undefined}
        extra={
          <>
            {filtered && <Button onClick={() => list.setFilters({ entityType: undefined, entityId: undefined, enterpriseId: undefined, action: undefined })}>{t('common.clearFilters')}</Button>}
            {can('audit.verify') && <AuditVerifyButton />}
          </>
        }
      />
      <Card>
        <AuditFilters list={list} vocabulary={vocabulary} />
        {error
          ? <ErrorState error={error} onRetry={reload} />
          : (
            <ListTable<AuditRow>
              testId="audit-table"
              rowKey="seq"
              list={list}
              data={data}
              loading={loading}
              columns={columns}
              expandable={{ expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} entityType={r.entityType} entityNames={entityNames} /> }}
            />
          )}
      </Card>
    </div>
  );
}
