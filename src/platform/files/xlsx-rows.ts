import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { SaxesParser, type SaxesTag } from 'saxes';
import type { ZipEntry } from './zip';

/*
 * The rows of one worksheet read straight from its XML, one row at a time, without building a workbook model (what
 * costs exceljs its time and memory on a large upload). exceljs's own streaming WorkbookReader is not used: it
 * decodes each chunk of a sheet as UTF-8 separately, so a Chinese character split across two chunks comes out as
 * two replacement characters (found importing a 3,000-row roster). Here each XML part is decoded whole; the parts
 * were already inflated, within the D10 limits, by checkWorkbookLimits.
 */

export type RawCell = string | number | Date | null;
export type RawRow = { number: number; cells: Map<number, RawCell> };

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const SCAN_CHUNK = 64 * 1024;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Parses an XML part, calling back per element; yields to the event loop between chunks of a large part. */
async function parse(xml: Buffer, on: { open?: (name: string, attrs: Record<string, string>) => void; close?: (name: string) => void; text?: (t: string) => void }): Promise<void> {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag: SaxesTag) => on.open?.(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag: SaxesTag) => on.close?.(localName(tag.name)));
  if (on.text) { parser.on('text', on.text); parser.on('cdata', on.text); }
  const text = xml.toString('utf8');
  for (let i = 0; i < text.length; i += SCAN_CHUNK) {
    if (i > 0) await yieldToLoop();
    parser.write(text.slice(i, i + SCAN_CHUNK));
  }
  parser.close();
}

/** The workbook's sheets in order: name and XML part. */
async function sheetsOf(entries: Map<string, Buffer>): Promise<{ name: string; part: string }[]> {
  const rels = new Map<string, string>();
  const relsXml = entries.get('xl/_rels/workbook.xml.rels');
  if (relsXml) {
    await parse(relsXml, {
      open: (name, a) => {
        if (name !== 'Relationship' || !a.Id || !a.Target) return;
        rels.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
      },
    });
  }
  const out: { name: string; part: string }[] = [];
  const wbXml = entries.get('xl/workbook.xml');
  if (wbXml) {
    await parse(wbXml, {
      open: (name, a) => {
        if (name !== 'sheet') return;
        const rid = Object.entries(a).find(([k]) => localName(k) === 'id' && k !== 'sheetId')?.[1];
        const part = rid ? rels.get(rid) : undefined;
        if (part && a.name !== undefined) out.push({ name: a.name, part });
      },
    });
  }
  return out;
}

/** Shared strings; a rich-text string is its runs joined, without phonetic guides. */
async function sharedStrings(xml: Buffer | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!xml) return out;
  let current = '';
  let inT = false;
  let phonetic = 0;
  await parse(xml, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inT = true;
    },
    close: (name) => {
      if (name === 'si') out.push(current);
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text: (t) => { if (inT && phonetic === 0) current += t; },
  });
  return out;
}

// Built-in number formats that show dates or times (ECMA-376 §18.8.30).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const isDateCode = (code: string) => /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** For each cell style index: whether it formats a number as a date. */
async function dateStyles(xml: Buffer | undefined): Promise<boolean[]> {
  const out: boolean[] = [];
  if (!xml) return out;
  const custom = new Map<number, string>();
  let inXfs = false;
  await parse(xml, {
    open: (name, a) => {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) {
        const id = Number(a.numFmtId ?? 0);
        out.push(DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateCode(custom.get(id)!)));
      }
    },
    close: (name) => { if (name === 'cellXfs') inXfs = false; },
  });
  return out;
}

function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/**
 * The rows of the sheet `pick` chooses among the workbook's sheets (by name, in order), with each cell's value as a
 * person sees it: shared and inline strings, numbers, dates (numbers in a date format), booleans as text, the cached
 * result of a formula; errors are empty. Throws when the workbook has no such sheet.
 */
export async function* sheetRows(entriesList: ZipEntry[], pick: (names: string[]) => number): AsyncGenerator<RawRow> {
  const entries = new Map(entriesList.map((e) => [e.name, e.data]));
  const sheets = await sheetsOf(entries);
  const index = pick(sheets.map((s) => s.name));
  const xml = sheets[index] ? entries.get(sheets[index].part) : undefined;
  if (!xml) throw new Error('no sheet');
  const strings = await sharedStrings(entries.get('xl/sharedStrings.xml'));
  const dates = await dateStyles(entries.get('xl/styles.xml'));

  const ready: RawRow[] = [];
  let row: RawRow | null = null;
  let rowNumber = 0;
  let col = 0;
  let cell: { type: string; style: number; text: string; inValue: boolean } | null = null;
  const finishCell = () => {
    if (!row || !cell) return;
    const { type, style, text } = cell;
    let value: RawCell = null;
    if (type === 's') value = strings[Number(text)] ?? null;
    else if (type === 'inlineStr' || type === 'str') value = text;
    else if (type === 'b') value = text === '1' ? 'true' : 'false';
    else if (type === 'e') value = null;
    else if (text !== '') {
      const n = Number(text);
      value = Number.isFinite(n) ? (dates[style] ? new Date(EXCEL_EPOCH + Math.round(n * 86_400_000)) : n) : text;
    }
    if (value !== null && value !== '') row.cells.set(col, value);
  };
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag: SaxesTag) => {
    const name = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (name === 'row') {
      rowNumber = a.r ? Number(a.r) : rowNumber + 1;
      row = { number: rowNumber, cells: new Map() };
      col = 0;
    } else if (name === 'c') {
      col = a.r ? columnNumber(a.r) : col + 1;
      cell = { type: a.t ?? 'n', style: Number(a.s ?? 0), text: '', inValue: false };
    } else if (cell && (name === 'v' || (name === 't' && cell.type === 'inlineStr'))) cell.inValue = true;
    else if (cell && name === 'rPh') cell.inValue = false;
  });
  const onText = (t: string) => { if (cell?.inValue) cell.text += t; };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag: SaxesTag) => {
    const name = localName(tag.name);
    if (name === 'c') { finishCell(); cell = null; } else if (name === 'v' || name === 't') { if (cell) cell.inValue = false; } else if (name === 'row' && row) {
      if (row.cells.size > 0) ready.push(row);
      row = null;
    }
  });
  const text = xml.toString('utf8');
  for (let i = 0; i < text.length; i += SCAN_CHUNK) {
    parser.write(text.slice(i, i + SCAN_CHUNK));
    while (ready.length) yield ready.shift()!;
    await yieldToLoop();
  }
  parser.close();
  while (ready.length) yield ready.shift()!;
}
