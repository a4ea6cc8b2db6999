import { cellText, defineSheet, parseDateCell, type CellInput, type RowError } from '../../../platform/files/sheet';
import { MONEY_PATTERN, parseFen } from './investment.rules';

/*
 * R-INV-1: the usage ledger (安全生产费用使用台账) as .xlsx — the import template and the reading of an upload, on the
 * platform's sheet engine (platform/files/sheet.ts), with one error per bad cell. The row rules are plain functions;
 * the service feeds them the rule-set's categories and today.
 */

export const COLUMNS = [
  { key: 'usedOn', header: '日期', width: 13, aliases: ['使用日期', '支出日期'], note: '必填，日期格式，如 2026-03-15（也可写 2026/3/15 或 2026年3月15日），不能晚于今天。', example: '2026-03-15' },
  { key: 'category', header: '使用类别', width: 48, aliases: ['类别', '费用类别'], note: '必填，从下拉列表中选择财资〔2022〕136号规定的使用类别；不属于规定范围的支出选“其他（不属于规定使用范围）”，平台会标记提示。', example: '配备和更新现场作业人员安全防护用品支出' },
  { key: 'amount', header: '金额（元）', width: 14, aliases: ['金额', '金额(元)'], note: '必填，大于 0，最多两位小数。', example: '12800.00' },
  { key: 'purpose', header: '用途', width: 40, aliases: ['用途说明', '内容', '摘要'], note: '必填，不超过 500 个字。', example: '采购防化服 20 套' },
  { key: 'voucherNo', header: '凭证号', width: 14, required: false, aliases: ['凭证编号'], note: '选填，会计凭证号，不超过 50 个字。', example: '记-0315-012' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const DATA_SHEET = '安全生产费用使用台账';
export const MAX_IMPORT_ROWS = 5_000;
/** How a use outside the eligible categories is written in the sheet. */
export const OUTSIDE_LABEL = '其他（不属于规定使用范围）';

export const LEDGER_SHEET = defineSheet<ColumnKey>({
  name: DATA_SHEET,
  maxRows: MAX_IMPORT_ROWS,
  columns: COLUMNS.map((c) => ({ ...c, numFmt: c.key === 'usedOn' ? 'yyyy-mm-dd' : c.key === 'amount' ? '0.00' : c.key === 'voucherNo' ? '@' : undefined })),
});

export type SheetRow = { row: number; cells: Record<ColumnKey, CellInput> };
export type ValidUse = { row: number; usedOn: string; category: string; amount: string; purpose: string; voucherNo: string };

/** A money cell: a number cell or text, with at most two decimals; null if not a positive amount. */
export function moneyCell(v: CellInput): string | null {
  if (v === null || v instanceof Date) return null;
  let s = typeof v === 'number' ? (Number.isFinite(v) && v >= 0 && v < 1e15 ? String(v) : '') : cellText(v).replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  if (/e/i.test(s)) s = '';
  if (!MONEY_PATTERN.test(s)) return null;
  const fen = parseFen(s);
  if (fen === null || fen <= 0n) return null;
  const [w, f = ''] = s.split('.') as [string, string?];
  return `${BigInt(w)}.${(f + '00').slice(0, 2)}`;
}

const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

/**
 * Checks every row: the date (not after today), the category by its name (or the outside label), the amount, the
 * purpose. Returns the good rows and one error per bad cell, in sheet order.
 */
export function validateUses(rows: readonly SheetRow[], ctx: { categories: readonly { code: string; name: string }[]; outside: string; today: string }) {
  const byName = new Map(ctx.categories.map((c) => [c.name.replace(/\s+/g, ''), c.code]));
  byName.set(OUTSIDE_LABEL, ctx.outside);
  const valid: ValidUse[] = [];
  const errors: RowError[] = [];
  let errorRows = 0;
  for (const { row, cells } of rows) {
    const rowErrors: RowError[] = [];
    const fail = (key: ColumnKey, message: string, params?: Record<string, string | number>) => rowErrors.push({ row, column: header(key), message, ...(params ? { params } : {}) });

    const dayText = cellText(cells.usedOn);
    const usedOn = dayText ? parseDateCell(cells.usedOn, (d) => d >= '2000-01-01') : null;
    if (!dayText) fail('usedOn', 'validation.required');
    else if (!usedOn) fail('usedOn', 'validation.date');
    else if (usedOn > ctx.today) fail('usedOn', 'investment.futureDate');

    const categoryText = cellText(cells.category).replace(/\s+/g, '');
    const category = categoryText ? byName.get(categoryText) ?? ctx.categories.find((c) => c.code === categoryText)?.code : undefined;
    if (!categoryText) fail('category', 'validation.required');
    else if (!category) fail('category', 'investment.import.category', { name: cellText(cells.category) });

    const amountText = cellText(cells.amount);
    const amount = amountText ? moneyCell(cells.amount) : null;
    if (!amountText) fail('amount', 'validation.required');
    else if (!amount) fail('amount', 'investment.money');

    const purpose = cellText(cells.purpose);
    if (!purpose) fail('purpose', 'validation.required');
    else if (purpose.length > 500) fail('purpose', 'validation.tooLong', { max: 500 });

    const voucherNo = cellText(cells.voucherNo);
    if (voucherNo.length > 50) fail('voucherNo', 'validation.tooLong', { max: 50 });

    if (rowErrors.length) { errorRows++; errors.push(...rowErrors); continue; }
    valid.push({ row, usedOn: usedOn!, category: category!, amount: amount!, purpose, voucherNo });
  }
  return { valid, errors, errorRows };
}

export async function readLedger(buffer: Buffer): Promise<SheetRow[]> {
  const { rows } = await LEDGER_SHEET.read(buffer);
  return rows.map((r) => ({ row: r.row, cells: r.cells }));
}

/** The import template: the ledger sheet with the categories as a drop-down, and a guide in Chinese. */
export async function buildLedgerTemplate(input: { enterpriseName: string; categories: readonly { name: string }[] }): Promise<Buffer> {
  const names = [...input.categories.map((c) => c.name), OUTSIDE_LABEL];
  return LEDGER_SHEET.template({
    notes: {
      title: '安全生产费用使用台账导入说明', subtitle: `适用企业：${input.enterpriseName}`, widths: [14, 90],
      intro: ['请在“安全生产费用使用台账”工作表中从第 2 行起每行填写一笔支出，不要修改表头；空行会被忽略，一次最多 5000 行。',
        '使用类别：', ...names.map((n) => `· ${n}`)],
      extra: [['导入方式', '“严格导入”：文件中只要有一行错误就不导入任何数据，并列出每个错误的行号和列名；“仅导入正确行”：导入没有错误的行，并列出出错的行。']],
    },
    // A drop-down of long names exceeds Excel's 255-character inline list: it is a warning only, the guide lists them.
    validations: {
      amount: { type: 'decimal', operator: 'greaterThan', allowBlank: false, formulae: [0], showErrorMessage: true, errorStyle: 'stop', errorTitle: '金额', error: '请填写大于 0 的金额' },
      usedOn: { type: 'date', operator: 'greaterThan', allowBlank: false, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorStyle: 'warning', errorTitle: '日期', error: '请填写日期，如 2026-03-15' },
    },
  });
}
