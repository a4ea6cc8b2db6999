import { Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { auditFieldLabel, formatAuditValue, type AuditFormat } from '../audit-format';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Field-by-field before/after of one audit row, in words (audit-format.ts): fields by their labels, codes by their
 * names. Changed fields come first and are highlighted; whether a field changed is judged on the stored values.
 */
export function AuditDiff({ before, after, entityType, entityNames }: {
  before: unknown; after: unknown; entityType: string; entityNames?: ReadonlyMap<string, string>;
}) {
  const { t, locale } = useI18n();
  const format: AuditFormat = { locale, entityType, entityNames };
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (fields.length === 0) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;
  const rows: Row[] = fields.map((field) => ({ field, before: b[field], after: a[field], changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]) }));
  rows.sort((x, y) => Number(y.changed) - Number(x.changed));
  const cell = (r: Row, side: 'before' | 'after') => (
    <span
      style={{
        whiteSpace: 'pre-wrap', wordBreak: 'break-word',
        background: r.changed ? (side === 'before' ? '#fff1f0' : '#f6ffed') : undefined,
      }}
    >
      {formatAuditValue(format, r.field, r[side])}
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
        {
          key: 'field', title: t('audit.field'),
          render: (_, r) => {
            const label = auditFieldLabel(locale, r.field);
            return r.changed ? <strong>{label}</strong> : label;
          },
        },
        { key: 'before', title: t('audit.before'), render: (_, r) => cell(r, 'before') },
        { key: 'after', title: t('audit.after'), render: (_, r) => cell(r, 'after') },
      ]}
    />
  );
}
