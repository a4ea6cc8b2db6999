import { cellText as text, defineSheet, parseDateCell, type CellInput } from '../../../platform/files/sheet';
import { isCalendarDate } from '../../../platform/http/route';
import type { CatalogueType } from './certificates.rules';

/*
 * Issue 13 §2: certificates as .xlsx — the import template, reading an upload (holders found by ID number, types by the
 * catalogue's names and aliases), and the register's export. The row rules are plain functions; the service feeds them
 * the enterprise's people and the catalogue.
 */

export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', width: 12 },
  { key: 'idNumber', header: '身份证号', width: 22 },
  { key: 'type', header: '证书类型（作业类别）', width: 26 },
  { key: 'number', header: '证书编号', width: 22 },
  { key: 'issuer', header: '发证机关', width: 22 },
  { key: 'issuedOn', header: '发证日期', width: 13 },
  { key: 'validUntil', header: '有效期至', width: 13 },
  { key: 'nextReviewOn', header: '下次复审日期', width: 13 },
] as const;
export type ImportKey = (typeof IMPORT_COLUMNS)[number]['key'];
const OPTIONAL: readonly ImportKey[] = ['issuer', 'validUntil', 'nextReviewOn'];

const NOTES: Record<ImportKey, { note: string; example: string }> = {
  name: { note: '必填，须与本企业员工名单中的姓名一致。', example: '张三' },
  idNumber: { note: '必填，18 位身份证号，用于找到本企业的在职人员（平台不保存号码）。请保持该列为“文本”格式。', example: '530111199003071234' },
  type: { note: '必填，证书类型目录中的名称，如“电工作业”“焊接与热切割作业”“叉车司机（N1）”；也可写具体作业项目，如“低压电工作业”。', example: '电工作业' },
  number: { note: '必填，证书编号，本企业内不得重复。', example: 'T530111199003071234' },
  issuer: { note: '选填，发证机关。', example: '昆明市应急管理局' },
  issuedOn: { note: '必填，发证（初领）日期，不晚于今天。', example: '2024-03-01' },
  validUntil: { note: '选填，不填则按规则配置的有效期计算（特种作业操作证 6 年）。', example: '' },
  nextReviewOn: { note: '选填，不填则按复审周期计算（特种作业操作证 3 年）。', example: '' },
};

export const IMPORT_SHEET = defineSheet<ImportKey, never>({
  name: '证书信息',
  maxRows: 10_000,
  columns: IMPORT_COLUMNS.map((c) => ({
    ...c, ...NOTES[c.key], numFmt: c.key === 'idNumber' || c.key === 'number' ? '@' : c.key.endsWith('On') || c.key === 'validUntil' ? 'yyyy-mm-dd' : undefined,
    ...(OPTIONAL.includes(c.key) ? { required: false } : {}),
  })),
});

export type ImportRow = { row: number; cells: Record<ImportKey, CellInput> };
export async function readCertificates(buffer: Buffer): Promise<ImportRow[]> {
  const { rows } = await IMPORT_SHEET.read(buffer);
  return rows.map((r) => ({ row: r.row, cells: r.cells }));
}

export type RowError = { row: number; column: string; message: string; params?: Record<string, string | number> };
export type ValidImport = {
  row: number; employeeId: string; employeeName: string; type: CatalogueType; number: string; issuer: string; issuedOn: string; validUntil: string | undefined;
  nextReviewOn: string | undefined;
};
const header = (key: ImportKey) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
const dateOf = (v: CellInput) => parseDateCell(v, (d) => isCalendarDate(d, 1950, 2100));

/**
 * Checks every row: the holder (an active person of the enterprise with this ID number and name), the type by the
 * catalogue, the number (not repeated in the file), the dates. One error per bad cell.
 */
export function validateCertificateRows(rows: ImportRow[], ctx: {
  holderOf: (idNumber: string) => { id: string; name: string } | undefined; resolveType: (written: string) => CatalogueType | null;
  normalizeId: (v: string) => string | null; today: string;
}): { valid: ValidImport[]; errors: RowError[]; errorRows: number } {
  const valid: ValidImport[] = [];
  const errors: RowError[] = [];
  const numbers = new Map<string, number>();
  let errorRows = 0;
  for (const { row, cells } of rows) {
    const rowErrors: RowError[] = [];
    const fail = (key: ImportKey, message: string, params?: Record<string, string | number>) => rowErrors.push({ row, column: header(key), message, ...(params ? { params } : {}) });
    const name = text(cells.name);
    if (!name) fail('name', 'validation.required');
    const id = ctx.normalizeId(text(cells.idNumber));
    let holder: { id: string; name: string } | undefined;
    if (!text(cells.idNumber)) fail('idNumber', 'validation.required');
    else if (!id) fail('idNumber', 'validation.idNumber');
    else {
      holder = ctx.holderOf(id);
      if (!holder || (name && holder.name !== name)) fail('idNumber', 'certificates.import.employeeNotFound');
    }
    const written = text(cells.type);
    const type = written ? ctx.resolveType(written) : null;
    if (!written) fail('type', 'validation.required');
    else if (!type) fail('type', 'certificates.import.typeNotFound', { name: written });
    const number = text(cells.number);
    if (!number) fail('number', 'validation.required');
    else if (number.length > 100) fail('number', 'validation.tooLong', { max: 100 });
    else if (numbers.has(number)) fail('number', 'import.idNumber.repeated', { row: numbers.get(number)! });
    else numbers.set(number, row);
    const issuer = text(cells.issuer);
    if (issuer.length > 200) fail('issuer', 'validation.tooLong', { max: 200 });
    const issuedOn = dateOf(cells.issuedOn);
    if (!text(cells.issuedOn)) fail('issuedOn', 'validation.required');
    else if (!issuedOn) fail('issuedOn', 'validation.date');
    else if (issuedOn > ctx.today) fail('issuedOn', 'certificates.futureIssue');
    const optionalDay = (key: 'validUntil' | 'nextReviewOn') => {
      if (!text(cells[key])) return undefined;
      const d = dateOf(cells[key]);
      if (!d) fail(key, 'validation.date');
      return d ?? undefined;
    };
    const validUntil = optionalDay('validUntil');
    const nextReviewOn = optionalDay('nextReviewOn');
    if (rowErrors.length) {
      errorRows++;
      errors.push(...rowErrors);
      continue;
    }
    valid.push({ row, employeeId: holder!.id, employeeName: holder!.name, type: type!, number, issuer, issuedOn: issuedOn!, validUntil, nextReviewOn });
  }
  return { valid, errors, errorRows };
}

export type ExportRow = {
  employeeName: string; orgUnitName: string; kind: string; typeName: string; number: string; issuer: string; issuedOn: string; validUntil: string;
  nextReviewOn: string | null; state: string;
};
export const EXPORT_SHEET = defineSheet<keyof ExportRow, ExportRow>({
  name: '证书台账',
  columns: [
    { key: 'employeeName', header: '姓名', width: 12 }, { key: 'orgUnitName', header: '所属单位', width: 18 }, { key: 'kind', header: '证书种类', width: 22 },
    { key: 'typeName', header: '证书类型', width: 24 }, { key: 'number', header: '证书编号', width: 22, numFmt: '@' }, { key: 'issuer', header: '发证机关', width: 20 },
    { key: 'issuedOn', header: '发证日期', width: 13 }, { key: 'validUntil', header: '有效期至', width: 13 },
    { key: 'nextReviewOn', header: '下次复审日期', width: 13, write: (r) => r.nextReviewOn ?? '' }, { key: 'state', header: '状态', width: 14 },
  ],
});
