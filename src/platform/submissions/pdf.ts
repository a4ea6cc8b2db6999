import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { defineMessages, registerMessages, t, type Locale } from '../i18n/messages';

registerMessages(defineMessages({
  'pdf.signatureBlock': '签署与报送',
  'pdf.pageOf': '第 {page} 页 / 共 {pages} 页',
  'pdf.none': '无',
  'pdf.labelValue': '{label}：{value}',
}, {
  'pdf.signatureBlock': 'Signature and submission',
  'pdf.pageOf': 'Page {page} of {pages}',
  'pdf.none': 'None',
  'pdf.labelValue': '{label}: {value}',
}));

/** The words the renderer adds around a module's model, in the document's language (Chinese unless asked). */
export function pdfChrome(locale: Locale = 'zh-CN') {
  return {
    signatureBlock: t(locale, 'pdf.signatureBlock'),
    page: (page: number, pages: number) => t(locale, 'pdf.pageOf', { page, pages }),
    none: t(locale, 'pdf.none'),
    field: (label: string, value: string) => t(locale, 'pdf.labelValue', { label, value }),
  };
}

/**
 * What a submitted document prints: a title, the header facts (enterprise, period…), sections of figures, tables and
 * text, and the signature block the platform adds (who confirmed and submitted, when, version, snapshot hash).
 * Modules build it from their snapshot; the renderer knows nothing of any module.
 */
export type PdfSection =
  | { heading: string; fields: [label: string, value: string][] }
  | { heading: string; table: { columns: string[]; rows: string[][]; widths?: number[] } }
  | { heading: string; text: string };
export type PdfModel = { title: string; header: [label: string, value: string][]; sections: PdfSection[] };
export type PdfSignature = [label: string, value: string][];

/** Where Debian, Alpine, Red Hat and macOS keep a CJK font; `PDF_FONT` (config) comes first. */
export const USUAL_FONTS: readonly string[] = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
  '/System/Library/Fonts/PingFang.ttc',
];

/** A .ttc holds several faces: pdfkit needs the PostScript name of the simplified-Chinese one. */
const COLLECTION_FACES: Record<string, string> = {
  'NotoSansCJK-Regular.ttc': 'NotoSansCJKsc-Regular',
  'NotoSerifCJK-Regular.ttc': 'NotoSerifCJKsc-Regular',
  'wqy-microhei.ttc': 'WenQuanYiMicroHei',
  'wqy-zenhei.ttc': 'WenQuanYiZenHei',
  'uming.ttc': 'AR-PLUMingCN-Light',
  'PingFang.ttc': 'PingFangSC-Regular',
};

export type PdfFont = { path: string; face?: string };

/** The CJK font to print with: the configured one if it exists, else the first of the usual paths; null if none. */
export function findCjkFont(configured = '', usual: readonly string[] = USUAL_FONTS): PdfFont | null {
  const candidates = configured ? [configured, ...usual] : usual;
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const file = path.split('/').pop() ?? '';
    return file.toLowerCase().endsWith('.ttc') ? { path, face: COLLECTION_FACES[file] } : { path };
  }
  return null;
}

export const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const MARGIN = 50;

/** A CJK collection is tens of megabytes: read it once per process, not once per document. */
const fontCache = new Map<string, Buffer>();
function fontBytes(path: string): Buffer {
  let b = fontCache.get(path);
  if (!b) {
    b = readFileSync(path);
    fontCache.set(path, b);
  }
  return b;
}

/**
 * Renders the document. The creation date is the submission instant, not the wall clock, so the same version renders
 * the same way whenever it is rendered.
 */
export async function renderPdf(model: PdfModel, signature: PdfSignature, opts: { font: PdfFont; createdAt: Date; subject?: string; locale?: Locale }): Promise<Buffer> {
  const words = pdfChrome(opts.locale);
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, bufferPages: true,
    info: { Title: model.title, Subject: opts.subject ?? model.title, Creator: 'SafeDuty', Producer: 'SafeDuty', CreationDate: opts.createdAt, ModDate: opts.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const bytes = fontBytes(opts.font.path);
  if (opts.font.face) doc.registerFont('cjk', bytes, opts.font.face);
  else doc.registerFont('cjk', bytes);
  doc.font('cjk');
  const width = doc.page.width - MARGIN * 2;

  doc.fontSize(18).text(model.title, { align: 'center', width });
  doc.moveDown(0.8);
  doc.fontSize(10);
  for (const [label, value] of model.header) doc.text(words.field(label, value), { width });
  for (const s of model.sections) {
    doc.moveDown(0.8);
    ensureSpace(doc, 60);
    doc.fontSize(13).text(s.heading, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    doc.fontSize(10);
    if ('fields' in s) for (const [label, value] of s.fields) doc.text(words.field(label, value), MARGIN, doc.y, { width });
    else if ('text' in s) doc.text(s.text || '—', MARGIN, doc.y, { width });
    else drawTable(doc, s.table, width, words.none);
  }
  doc.moveDown(1.2);
  ensureSpace(doc, 120);
  doc.fontSize(13).text(words.signatureBlock, MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  doc.fontSize(9);
  for (const [label, value] of signature) doc.text(words.field(label, value), MARGIN, doc.y, { width });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.fontSize(8).text(`${model.title}  ${words.page(i + 1, range.count)}`, MARGIN, doc.page.height - MARGIN + 15, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function drawTable(doc: PDFKit.PDFDocument, table: { columns: string[]; rows: string[][]; widths?: number[] }, width: number, none: string): void {
  const weights = table.widths ?? table.columns.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((w) => (w / sum) * width);
  const drawRow = (cells: string[], header: boolean) => {
    const heights = cells.map((c, i) => doc.heightOfString(c || '—', { width: cols[i]! - 6 }));
    const h = Math.max(...heights, 12) + 6;
    if (doc.y + h > doc.page.height - MARGIN) {
      doc.addPage();
      if (!header) drawRow(table.columns, true);
    }
    const y = doc.y;
    let x = MARGIN;
    if (header) doc.rect(MARGIN, y, width, h).fill('#eeeeee').fillColor('black');
    cells.forEach((c, i) => {
      doc.rect(x, y, cols[i]!, h).lineWidth(0.5).stroke('#999999');
      doc.text(c || '—', x + 3, y + 3, { width: cols[i]! - 6 });
      x += cols[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  doc.fontSize(9);
  drawRow(table.columns, true);
  if (table.rows.length === 0) drawRow(table.columns.map((_, i) => (i === 0 ? none : '')), false);
  for (const r of table.rows) drawRow(r, false);
  doc.fontSize(10);
}
