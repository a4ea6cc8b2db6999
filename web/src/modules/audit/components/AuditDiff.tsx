import { Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Field-by-field before/after of one audit row; changed fields are highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (fields.length === 0) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;
  const rows: Row[] = fields.map((field) => ({ field, before: b[field], after: a[field], changed: show(b[field]) !== show(a[field]) }));
  rows.sort((x, y) => Number(y.changed) - Number(x.changed));
  const cell = (v: unknown, changed: boolean, side: 'before' | 'after') => (
    <span
      style={{
        fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all',
        background: changed ? (side === 'before' ? '#fff1f0' : '#f6ffed') : undefined,
      }}
    >
      {show(v) || '—'}
    </span>
  );
  return (
    <Table<Row>
      data-testid="audit-diff"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'field', dataIndex: 'field', title: t('audit.field'), render: (f: string, r) => (r.changed ? <strong>{f}</strong> : f) },
        { key: 'before', title: t('audit.before'), render: (_, r) => cell(r.before, r.changed, 'before') },
        { key: 'after', title: t('audit.after'), render: (_, r) => cell(r.after, r.changed, 'after') },
      ]}
    />
  );
}
