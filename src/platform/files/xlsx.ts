import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { SaxesParser, type SaxesTag } from 'saxes';
import { AppError, invalid } from '../errors';
import { localDay } from '../time';
import { unzipBounded, ZipRefused, type ZipEntry } from './zip';

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
  constructor(
    readonly messageKey: 'import.file' | 'import.header' | 'import.empty' | 'import.tooManyRows' | 'import.tooLarge' | 'import.cellTooLong',
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
  }
}

/*
 * D10: exceljs builds the whole workbook in memory before a module can look at it (a 10 MB upload cost 10 s of CPU
 * and 1 GB). So the limits are checked first, while reading: the archive is inflated with a cap on its real size,
 * and the sheets are scanned as a stream, stopping at the first row, cell or text over its limit. Only a workbook
 * within every limit is handed to exceljs, whose cost then stays bounded (about 10,000 rows of a template).
 */

/** What all entries of an uploaded workbook may expand to. A full 10,000-row roster or ledger is a few MB. */
export const XLSX_MAX_UNCOMPRESSED = 50 * 1024 * 1024;
export const XLSX_MAX_ENTRIES = 1_000;
/** Cells in all sheets together: 10,000 rows of 50 columns. */
export const XLSX_MAX_CELLS = 500_000;
/** Excel's own limit for one cell: a longer text was not written by Excel. */
export const XLSX_MAX_CELL_CHARS = 32_767;
/** Rows above the data a template may carry (a title, the header, a second header row). */
const HEADER_ROWS = 20;
const SCAN_CHUNK = 64 * 1024;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Scans one sheet or the shared strings as a stream: throws SheetError on the first limit crossed. Counted rows are
 * those holding a value (a `<v>` or an inline string); rows of formatting only cost nothing to the importer.
 */
async function scanXml(xml: Buffer, limits: { maxRows: number }, state: { cells: number }): Promise<void> {
  const parser = new SaxesParser({ position: false });
  const open: string[] = [];
  let rows = 0;
  let rowHasValue = false;
  let textLength = 0;
  parser.on('doctype', () => { throw new SheetError('import.file'); });
  parser.on('opentag', (tag: SaxesTag) => {
    const name = localName(tag.name);
    open.push(name);
    if (name === 'row') rowHasValue = false;
    else if (name === 'c' && ++state.cells > XLSX_MAX_CELLS) throw new SheetError('import.tooLarge', tooLargeParams());
    else if (name === 'si' || name === 'v' || name === 'is') textLength = 0;
  });
  const onText = (text: string) => {
    const inside = open[open.length - 1];
    if (inside !== 'v' && inside !== 't') return;
    textLength += text.length;
    if (textLength > XLSX_MAX_CELL_CHARS) throw new SheetError('import.cellTooLong', { max: XLSX_MAX_CELL_CHARS });
    if (text.trim() !== '') rowHasValue = true;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag: SaxesTag) => {
    open.pop();
    if (localName(tag.name) === 'row' && rowHasValue && ++rows > limits.maxRows + HEADER_ROWS) {
      throw new SheetError('import.tooManyRows', { max: limits.maxRows });
    }
  });
  const text = xml.toString('utf8');
  try {
    for (let i = 0; i < text.length; i += SCAN_CHUNK) {
      if (i > 0) await yieldToLoop();
      parser.write(text.slice(i, i + SCAN_CHUNK));
    }
    parser.close();
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw new SheetError('import.file');
  }
}

const tooLargeParams = () => ({ mb: XLSX_MAX_UNCOMPRESSED / 1024 / 1024, cells: XLSX_MAX_CELLS });

/** The limits of D10, checked before a sheet is read; returns the inflated parts. */
export async function checkWorkbookLimits(buffer: Buffer, limits: { maxRows: number }): Promise<ZipEntry[]> {
  let entries;
  try {
    entries = await unzipBounded(buffer, { maxBytes: XLSX_MAX_UNCOMPRESSED, maxEntries: XLSX_MAX_ENTRIES });
  } catch (e) {
    if (e instanceof ZipRefused) throw e.reason === 'size' ? new SheetError('import.tooLarge', tooLargeParams()) : new SheetError('import.file');
    throw e;
  }
  const state = { cells: 0 };
  // Sheets first: a file with too many rows stops there, before its shared strings are read.
  const sheets = entries.filter((e) => e.name.startsWith('xl/worksheets/') && e.name.endsWith('.xml'));
  for (const entry of [...sheets, ...entries.filter((e) => e.name === 'xl/sharedStrings.xml')]) await scanXml(entry.data, limits, state);
  return entries;
}

/**
 * Parses an uploaded workbook after checking its limits (size, rows with values up to `maxRows`, cells, cell
 * length); throws SheetError when it is not a workbook or crosses one.
 */
export async function loadWorkbook(buffer: Buffer, limits: { maxRows: number } = { maxRows: 10_000 }): Promise<ExcelJS.Workbook> {
  // An .xlsx is a zip archive: refuse anything else before handing it to the parser.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new SheetError('import.file');
  await checkWorkbookLimits(buffer, limits);
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
