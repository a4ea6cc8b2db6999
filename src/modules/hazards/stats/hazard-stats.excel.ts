import { defineSheet } from '../../../platform/files/sheet';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';


export { EXPORT_MAX_ROWS } from '../../../platform/files/exports';

export type ExportRow = {
  code: string; enterpriseName?: string; title: string; source: string; hazardClass: string | null; level: string; status: string;
  orgUnitName: string; location: string; reportedAt: Date; deadline: string | null; overdue: boolean; escalationLevel: number;
  supervised: boolean; closedAt: Date | null;
};

type Column = { key: keyof ExportRow; width: number };
const COLUMNS: Column[] = [
  { key: 'code', width: 16 }, { key: 'enterpriseName', width: 30 }, { key: 'title', width: 36 }, { key: 'level', width: 10 },
  { key: 'status', width: 10 }, { key: 'source', width: 12 }, { key: 'hazardClass', width: 16 }, { key: 'orgUnitName', width: 18 },
  { key: 'location', width: 20 }, { key: 'reportedAt', width: 18 }, { key: 'deadline', width: 12 }, { key: 'overdue', width: 8 },
  { key: 'escalationLevel', width: 10 }, { key: 'supervised', width: 10 }, { key: 'closedAt', width: 18 },
];

/** A timestamp as the people reading the sheet write it: local time, to the minute. */
function stamp(d: Date | null): string {
  return d ? localDateTime(d) : '';
}

function cell(locale: Locale, key: keyof ExportRow, r: ExportRow): string | number {
  const yes = (v: boolean) => t(locale, v ? 'hazard.export.yes' : 'hazard.export.no');
  switch (key) {
    case 'level': return t(locale, `hazard.level.${r.level}`);
    case 'status': return t(locale, `hazard.status.${r.status}`);
    case 'source': return t(locale, `hazard.source.${r.source}`);
    case 'hazardClass': return r.hazardClass ? t(locale, `hazard.class.${r.hazardClass}`) : '';
    case 'reportedAt': return stamp(r.reportedAt);
    case 'closedAt': return stamp(r.closedAt);
    case 'overdue': return yes(r.overdue);
    case 'supervised': return yes(r.supervised);
    case 'escalationLevel': return r.escalationLevel ? t(locale, `hazard.escalation.target.${r.escalationLevel}`) : '';
    case 'deadline': return r.deadline ?? '';
    default: return String(r[key] ?? '');
  }
}

/** One sheet of hazards with translated headers and labels; a list longer than the rows gets a closing note. */
export async function hazardWorkbook(locale: Locale, rows: Iterable<ExportRow> | AsyncIterable<ExportRow>, opts: { withEnterprise: boolean; total: number | string; truncated: boolean; count?: number }): Promise<Buffer> {
  const sheet = defineSheet<keyof ExportRow, ExportRow>({
    name: t(locale, 'hazard.export.sheet'),
    columns: COLUMNS.filter((c) => opts.withEnterprise || c.key !== 'enterpriseName')
      .map((c) => ({ key: c.key, header: t(locale, `hazard.export.col.${c.key}`), width: c.width, write: (r: ExportRow) => cell(locale, c.key, r) })),
  });
  const n = opts.count ?? (Array.isArray(rows) ? rows.length : 0);
  return sheet.write(rows, { footer: opts.truncated ? [t(locale, 'hazard.export.truncated', { max: n, total: opts.total })] : [] });
}
