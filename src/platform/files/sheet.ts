import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { t, type Locale } from '../i18n/messages';
import { checkWorkbookLimits, excel, GUIDE_SHEET, REFERENCE_SHEET, SheetError } from './xlsx';
import { sheetRows, type RawRow } from './xlsx-rows';

/*
 * One sheet definition for every .xlsx import, template and export: a module declares its columns once (header,
 * width, how a cell is read, how a row is written, an example and a note) and gets
 *   - template(): the data sheet with its styled header and drop-downs, a notes sheet (one row per column, with its
 *     example) and, when given, the enterprise's units and posts;
 *   - read(): an uploaded workbook, after the D10 limits, read row by row from its sheet's XML (xlsx-rows.ts: no
 *     workbook model is built), the header row found by its texts, each cell read by its column into a value or a
 *     per-row error {row, column, message};
 *   - write(): rows written with the streaming writer, committed as they go.
 * Rules that need the database (units by name, duplicates among stored records) stay in the module's row rules.
 */

// ---- cell values ----

/** What a cell holds once exceljs's rich text, hyperlinks and formulas are reduced to their visible value. */
export type CellInput = string | number | Date | null;

export function cellInput(value: ExcelJS.CellValue | undefined): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellInput(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellInput((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return null;
  return null;
}

/** A date as YYYY-MM-DD (exceljs gives date cells as UTC midnight). */
export function formatDateCell(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A cell as trimmed text: empty for nothing, YYYY-MM-DD for a date. */
export function cellText(v: CellInput): string {
  if (v === null) return '';
  if (v instanceof Date) return formatDateCell(v);
  return String(v).trim();
}

/** A header or label compared as people write it: without spaces and the asterisk that marks a required column. */
export const compactText = (s: string) => s.replace(/[\s*＊]/g, '');

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date from a cell: a date cell, an Excel serial number left unformatted, or text such as 2024-03-01, 2024/3/1,
 * 2024.03.01, 2024年3月1日 or 20240301. Returns YYYY-MM-DD, or null when it is not one (or `accept` refuses it).
 */
export function parseDateCell(v: CellInput, accept: (day: string) => boolean = () => true): string | null {
  if (v === null) return null;
  let s: string;
  if (v instanceof Date) s = formatDateCell(v);
  else if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1 || v > 2_958_465) return null;
    s = formatDateCell(new Date(EXCEL_EPOCH + v * 86_400_000));
  } else {
    const x = v.trim();
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(x) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(x);
    if (!m) return null;
    s = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  const [y, mo, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return accept(s) ? s : null;
}

/** Column number → letters (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// ---- definitions ----

export type Params = Record<string, string | number>;
/** A cell read into a value, or refused with a message key (translated when reported). */
export type CellRead<V> = { value: V } | { error: string; params?: Params };
/** One refused cell: its sheet row, its column's header and the message (a key until translated). */
export type RowError = { row: number; column: string; message: string; params?: Params };

export type SheetColumn<K extends string, W> = {
  key: K;
  header: string;
  width: number;
  /** Other header texts an upload may use for this column. */
  aliases?: readonly string[];
  /** An upload must carry this column (default: true). */
  required?: boolean;
  /** A cell that alone does not make a row worth reading (a row number). */
  informational?: boolean;
  /** Number format of the column ('@' keeps long digit strings as text). */
  numFmt?: string;
  /** Reads a cell; without it the cell's value is kept as it is (CellInput). */
  read?: (cell: CellInput) => CellRead<unknown>;
  /** Writes a row's cell; without it the row's property named by the key is written. */
  write?: (row: W, index: number) => ExcelJS.CellValue;
  /** Shown on the notes sheet. */
  example?: string;
  note?: string;
};

/** Columns sharing a header above them (the ledger's seven measure categories under 管控措施). */
export type ColumnGroup<K extends string> = { header: string; keys: readonly K[] };

export type SheetDefinition<K extends string, W> = {
  /** The data sheet's name. */
  name: string;
  columns: readonly SheetColumn<K, W>[];
  group?: ColumnGroup<K>;
  /** Frozen columns at the left of the data sheet. */
  freezeColumns?: number;
  /** The most data rows an upload may carry. */
  maxRows?: number;
  /** Rows from the top searched for the header row (a title may sit above it). */
  headerSearchRows?: number;
  /** Styles a written row (fills, fonts, wrapping). */
  style?: (row: W, xl: ExcelJS.Row, col: (key: K) => number) => void;
  landscape?: boolean;
};

export type ReadRow<K extends string> = { row: number; cells: Record<K, CellInput>; values: Partial<Record<K, unknown>> };
export type ReadResult<K extends string> = { rows: ReadRow<K>[]; errors: RowError[]; errorRows: number; title: string };

export type TemplateInput = {
  /** A title row above the header (e.g. the enterprise's ledger title). */
  title?: string;
  /** The notes sheet: its title, lines before the columns and lines after them. */
  notes: { title: string; subtitle?: string; intro?: string[]; extra?: [string, string][]; widths?: [number, number] };
  /** The enterprise's units and posts, which drop-downs point at. */
  reference?: { unitHeader: string; unitPaths: string[]; posts: { name: string; unitPath: string }[] };
  /** Drop-downs and checks on data ranges: column key → validation. */
  validations?: Record<string, ExcelJS.DataValidation>;
};

export type WriteOptions = { title?: string; sheetName?: string; footer?: string[] };

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

type RangeValidations = { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } };

export type Sheet<K extends string, W> = {
  definition: SheetDefinition<K, W>;
  columnIndex: (key: K) => number;
  header: (key: K) => string;
  template: (input: TemplateInput) => Promise<Buffer>;
  read: (buffer: Buffer) => Promise<ReadResult<K>>;
  write: (rows: Iterable<W> | AsyncIterable<W>, opts?: WriteOptions) => Promise<Buffer>;
};

export function defineSheet<K extends string, W = Record<K, ExcelJS.CellValue>>(def: SheetDefinition<K, W>): Sheet<K, W> {
  const columns = def.columns;
  const columnIndex = (key: K) => columns.findIndex((c) => c.key === key) + 1;
  const header = (key: K) => columns.find((c) => c.key === key)!.header;
  const grouped = new Set<K>(def.group?.keys ?? []);
  const maxRows = def.maxRows ?? 10_000;

  /** Title row (optional), then one header row, or two when columns are grouped. Returns the first data row. */
  function addDataSheet(wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter, opts: { title?: string; sheetName?: string }) {
    const top = opts.title ? 2 : 1;
    const headerRows = def.group ? 2 : 1;
    const all = columns.map((c) => ({ header: c.header, width: c.width, numFmt: c.numFmt }));
    const ws = wb.addWorksheet(opts.sheetName ?? def.name, {
      views: [{ state: 'frozen', ySplit: top + headerRows - 1, ...(def.freezeColumns ? { xSplit: def.freezeColumns } : {}) }],
      ...(def.landscape ? { pageSetup: { orientation: 'landscape', paperSize: 9 as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } } : {}),
    });
    ws.columns = all.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    const last = columnLetter(all.length);
    if (opts.title) {
      ws.mergeCells(`A1:${last}1`);
      const cell = ws.getCell('A1');
      cell.value = opts.title;
      cell.font = { bold: true, size: 16 };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      ws.getRow(1).height = 30;
    }
    all.forEach((c, i) => {
      const letter = columnLetter(i + 1);
      const key = columns[i]?.key;
      if (!def.group) ws.getCell(`${letter}${top}`).value = c.header;
      else if (key !== undefined && grouped.has(key)) ws.getCell(`${letter}${top + 1}`).value = c.header;
      else {
        ws.getCell(`${letter}${top}`).value = c.header;
        ws.mergeCells(`${letter}${top}:${letter}${top + 1}`);
      }
    });
    if (def.group) {
      const idx = def.group.keys.map(columnIndex);
      const [first, lastG] = [Math.min(...idx), Math.max(...idx)];
      ws.getCell(`${columnLetter(first)}${top}`).value = def.group.header;
      ws.mergeCells(`${columnLetter(first)}${top}:${columnLetter(lastG)}${top}`);
    }
    for (let r = top; r < top + headerRows; r++) {
      const row = ws.getRow(r);
      for (let col = 1; col <= all.length; col++) {
        const cell = row.getCell(col);
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.border = THIN_BORDER;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    }
    return { ws, firstData: top + headerRows };
  }

  async function template(input: TemplateInput): Promise<Buffer> {
    const wb = new (await excel()).Workbook();
    wb.creator = 'SafeDuty';
    const { ws, firstData } = addDataSheet(wb, { title: input.title });
    const dv = (ws as unknown as RangeValidations).dataValidations;
    for (const [key, v] of Object.entries(input.validations ?? {}) as [K, ExcelJS.DataValidation][]) {
      const letter = columnLetter(columnIndex(key));
      dv.add(`${letter}${firstData}:${letter}${firstData + maxRows - 1}`, v);
    }
    const notes = wb.addWorksheet(GUIDE_SHEET);
    const [w1, w2] = input.notes.widths ?? [14, 90];
    notes.columns = [{ width: w1 }, { width: w2 }, { width: 30 }];
    notes.addRow([input.notes.title, input.notes.subtitle ?? '']);
    for (const line of input.notes.intro ?? []) notes.addRow(['', line]);
    const exampleRow = notes.addRow(['列名', '填写要求', '示例']);
    exampleRow.font = { bold: true };
    for (const c of columns) if (c.note) notes.addRow([c.header, c.note, c.example ?? '']);
    for (const [label, text] of input.notes.extra ?? []) notes.addRow([label, text]);
    notes.getRow(1).font = { bold: true, size: 14 };
    notes.getColumn(1).font = { bold: true };
    notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
    notes.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
    if (input.reference) {
      const ref = wb.addWorksheet(REFERENCE_SHEET);
      ref.columns = [{ header: input.reference.unitHeader, width: 36 }, { header: '岗位', width: 24 }, { header: '岗位所属单位', width: 36 }];
      ref.getRow(1).font = { bold: true };
      const { unitPaths, posts } = input.reference;
      for (let i = 0; i < Math.max(unitPaths.length, posts.length); i++) ref.addRow([unitPaths[i] ?? null, posts[i]?.name ?? null, posts[i]?.unitPath ?? null]);
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function write(rows: Iterable<W> | AsyncIterable<W>, opts: WriteOptions = {}): Promise<Buffer> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new (await excel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = 'SafeDuty';
    const { ws } = addDataSheet(wb, { title: opts.title, sheetName: opts.sheetName });
    let i = 0;
    for await (const r of rows) {
      const values = columns.map((c) => (c.write ? c.write(r, i) : ((r as Record<string, ExcelJS.CellValue>)[c.key] ?? null)));
      const row = ws.addRow(values);
      def.style?.(r, row, columnIndex);
      row.commit();
      i++;
    }
    for (const line of opts.footer ?? []) ws.addRow([line]).commit();
    await wb.commit();
    return Buffer.concat(chunks);
  }

  async function read(buffer: Buffer): Promise<ReadResult<K>> {
    if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new SheetError('import.file');
    const entries = await checkWorkbookLimits(buffer, { maxRows });
    // The sheet of that name, else the first that is not a notes or reference sheet.
    const pick = (names: string[]) => {
      const exact = names.indexOf(def.name);
      return exact >= 0 ? exact : names.findIndex((n) => n !== GUIDE_SHEET && n !== REFERENCE_SHEET);
    };
    let result: ReadResult<K>;
    try {
      result = await readSheet(sheetRows(entries, pick));
    } catch (e) {
      if (e instanceof SheetError) throw e;
      throw new SheetError('import.file');
    }
    if (result.rows.length === 0) throw new SheetError('import.empty');
    return result;
  }

  const required = columns.filter((c) => c.required !== false);
  const matchHeader = (text: string) => {
    const h = compactText(text);
    return h ? columns.find((c) => compactText(c.header) === h || (c.aliases ?? []).some((a) => compactText(a) === h)) : undefined;
  };

  async function readSheet(sheet: AsyncIterable<RawRow>): Promise<ReadResult<K>> {
    const searchRows = def.headerSearchRows ?? 1;
    const anchor = required[0] ?? columns[0]!;
    const seen: { number: number; texts: Map<number, string> }[] = [];
    const columnOf = new Map<K, number>();
    let headerRow = 0;
    let dataFrom = 0;
    let title = '';
    const rows: ReadRow<K>[] = [];
    const errors: RowError[] = [];
    let errorRows = 0;
    const take = (texts: Map<number, string>) => {
      for (const [col, text] of texts) {
        const c = matchHeader(text);
        if (c && !columnOf.has(c.key)) columnOf.set(c.key, col);
      }
    };
    const finishHeader = () => {
      const missing = required.filter((c) => !columnOf.has(c.key)).map((c) => c.header);
      if (missing.length) throw new SheetError('import.header', { columns: missing.join('、') });
    };
    const textsOf = (row: RawRow) => new Map([...row.cells].map(([col, v]) => [col, compactText(cellText(v))]));
    for await (const row of sheet) {
      const n = row.number;
      if (!headerRow) {
        const texts = textsOf(row);
        seen.push({ number: n, texts });
        if ([...texts.values()].some((x) => matchHeader(x)?.key === anchor.key)) {
          headerRow = n;
          take(texts);
          for (const s of seen) if (s.number < n && !title) title = [...s.texts.values()].find(Boolean) ?? '';
          // Grouped columns may sit in the row below, under their group's merged header.
          dataFrom = def.group ? -1 : n + 1;
          if (!def.group) finishHeader();
        } else if (n >= searchRows) {
          throw new SheetError('import.header', { columns: required.map((c) => c.header).join('、') });
        }
        continue;
      }
      if (dataFrom === -1) {
        const texts = textsOf(row);
        if ([...texts.values()].some((x) => { const c = matchHeader(x); return c !== undefined && grouped.has(c.key); })) {
          take(texts);
          dataFrom = n + 1;
          finishHeader();
          continue;
        }
        dataFrom = n;
        finishHeader();
      }
      if (n < dataFrom) continue;
      const cells = {} as Record<K, CellInput>;
      const values: Partial<Record<K, unknown>> = {};
      let blank = true;
      const rowErrors: RowError[] = [];
      for (const c of columns) {
        const col = columnOf.get(c.key);
        const v = col ? row.cells.get(col) ?? null : null;
        const value = typeof v === 'string' && v.trim() === '' ? null : v;
        cells[c.key] = value;
        if (value !== null && !c.informational) blank = false;
      }
      if (blank) continue;
      for (const c of columns) {
        if (!c.read) { values[c.key] = cells[c.key]; continue; }
        const r = c.read(cells[c.key]);
        if ('error' in r) rowErrors.push({ row: n, column: c.header, message: r.error, ...(r.params ? { params: r.params } : {}) });
        else values[c.key] = r.value;
      }
      if (rowErrors.length) { errorRows++; errors.push(...rowErrors); }
      rows.push({ row: n, cells, values });
      if (rows.length > maxRows) throw new SheetError('import.tooManyRows', { max: maxRows });
    }
    if (!headerRow) throw new SheetError('import.header', { columns: required.map((c) => c.header).join('、') });
    if (dataFrom === -1) finishHeader();
    return { rows, errors, errorRows, title };
  }

  return { definition: def, columnIndex, header, template, read, write };
}

/** Per-row errors in the reader's language. */
export function translateRowErrors(locale: Locale, errors: readonly RowError[]): { row: number; column: string; message: string }[] {
  return errors.map((e) => ({ row: e.row, column: e.column, message: t(locale, e.message, e.params) }));
}
