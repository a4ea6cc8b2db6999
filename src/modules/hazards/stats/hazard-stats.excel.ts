import { excel } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';


/** The most rows one export carries; the sheet says so when the list was longer. */
export const EXPORT_MAX_ROWS = 10_000;

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
export async function hazardWorkbook(locale: Locale, rows: ExportRow[], opts: { withEnterprise: boolean; total: number | string; truncated: boolean }): Promise<Buffer> {
  const Excel = await excel();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet(t(locale, 'hazard.export.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = COLUMNS.filter((c) => opts.withEnterprise || c.key !== 'enterpriseName');
  ws.columns = columns.map((c) => ({ key: c.key, header: t(locale, `hazard.export.col.${c.key}`), width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, cell(locale, c.key, r)])));
  if (opts.truncated) ws.addRow([t(locale, 'hazard.export.truncated', { max: rows.length, total: opts.total })]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
