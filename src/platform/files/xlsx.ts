import type ExcelJS from 'exceljs';
import { AppError, invalid } from '../errors';
import { localDay } from '../time';

/*
 * Spreadsheet files shared by every .xlsx import and export: the upload checks, the reading of a workbook and the
 * file names. What a sheet holds (columns, rows, rules) stays with its module.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A generated workbook and its download names: the real (Chinese) one and an ASCII fallback. */
export type XlsxFile = { filename: string; fallbackName: string; buffer: Buffer };
/** An uploaded file, read into memory. */
export type Upload = { filename: string; mimetype: string; buffer: Buffer };

// exceljs takes ~0.6 s to load: it is loaded on the first spreadsheet, not at server start.
export async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** An uploaded workbook that cannot be read as the import expects; the key is a translated message. */
export class SheetError extends Error {
  constructor(readonly messageKey: 'import.file' | 'import.header' | 'import.empty' | 'import.tooManyRows', readonly params: Record<string, string | number> = {}) {
    super(messageKey);
  }
}

/** Parses an uploaded workbook; throws SheetError('import.file') when it is not one. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  // An .xlsx is a zip archive: refuse anything else before handing it to the parser.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new SheetError('import.file');
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new SheetError('import.file');
  }
  return wb;
}

// Browsers and office suites label .xlsx files in several ways; the name and the bytes decide.
const ACCEPTED_MIME = new Set([XLSX_MIME, 'application/octet-stream', 'application/zip', 'application/x-zip-compressed']);

/**
 * Reads an uploaded .xlsx with `read` (a module's sheet reader): a missing file, another type or a SheetError
 * become the validation errors every import answers with, on the `body.file` field.
 */
export async function readXlsxUpload<T>(upload: Upload | null, read: (buffer: Buffer) => Promise<T>): Promise<{ filename: string; sheet: T }> {
  if (!upload) throw invalid('body.file', 'import.file');
  if (!/\.xlsx$/i.test(upload.filename) || !ACCEPTED_MIME.has(upload.mimetype)) {
    throw new AppError('UNSUPPORTED_FILE', { messageKey: 'import.file', issues: [{ path: 'body.file', message: 'import.file' }] });
  }
  try {
    return { filename: upload.filename, sheet: await read(upload.buffer) };
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    throw new AppError('VALIDATION', { messageKey: e.messageKey, params: e.params, issues: [{ path: 'body.file', message: e.messageKey, params: e.params }] });
  }
}

/** Today's date where the district is (platform/time.ts), for file names. */
export function fileDate(now: Date): string {
  return localDay(now);
}

/** A name (an enterprise's) made safe inside a file name. */
export const safeFileName = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_');

/** The sheet names every import template shares. */
export const GUIDE_SHEET = '填写说明';
export const REFERENCE_SHEET = '单位与岗位';

/**
 * The two sheets every import template carries after its data sheet: the guide (a title row, then one row per
 * column or rule) and the enterprise's unit paths and posts, which the data sheet's drop-downs point at.
 */
export function addTemplateSheets(wb: ExcelJS.Workbook, input: {
  guide: [string, string][]; guideWidths: [number, number]; unitHeader: string;
  unitPaths: string[]; posts: { name: string; unitPath: string }[];
}): void {
  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.columns = input.guideWidths.map((width) => ({ width }));
  for (const l of input.guide) guide.addRow(l);
  guide.getRow(1).font = { bold: true, size: 14 };
  guide.getColumn(1).font = { bold: true };
  guide.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  const ref = wb.addWorksheet(REFERENCE_SHEET);
  ref.columns = [{ header: input.unitHeader, width: 36 }, { header: '岗位', width: 24 }, { header: '岗位所属单位', width: 36 }];
  ref.getRow(1).font = { bold: true };
  const n = Math.max(input.unitPaths.length, input.posts.length);
  for (let i = 0; i < n; i++) ref.addRow([input.unitPaths[i] ?? null, input.posts[i]?.name ?? null, input.posts[i]?.unitPath ?? null]);
}
