import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { loadWorkbook, SheetError, XLSX_MAX_CELL_CHARS } from '../src/platform/files/xlsx';
import { unzipBounded, type ZipEntry } from '../src/platform/files/zip';
import { zip } from './fixtures/office';
import { createTestPlatform, demoIds, type TestPlatform } from './helpers';

// D10: an .xlsx import checks its limits while reading, before exceljs builds the workbook in memory.

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

let base: ZipEntry[];
/** A real workbook (written by exceljs) with its first sheet's XML replaced, and extra entries. */
async function workbookWith(sheetXml: string | Buffer, extra: { name: string; data: Buffer; declare?: number }[] = [], declare?: number): Promise<Buffer> {
  if (!base) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('员工信息').addRow(['姓名', '身份证号']);
    base = await unzipBounded(Buffer.from(await wb.xlsx.writeBuffer()), { maxBytes: 10_000_000, maxEntries: 100 });
  }
  const data = Buffer.isBuffer(sheetXml) ? sheetXml : Buffer.from(sheetXml);
  const names = new Set(extra.map((e) => e.name));
  return zip([
    ...base.filter((e) => !names.has(e.name)).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data, declare } : e)),
    ...extra,
  ]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
function rows(n: number, cols: number): string {
  const out: string[] = [SHEET_HEAD];
  for (let r = 1; r <= n; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${String.fromCharCode(65 + (c % 26))}${r}"><v>${r}</v></c>`;
    out.push(`${row}</row>`);
  }
  out.push(SHEET_TAIL);
  return out.join('');
}

async function refusal(file: Buffer): Promise<string> {
  try {
    await loadWorkbook(file, { maxRows: 10_000 });
  } catch (e) {
    if (e instanceof SheetError) return e.messageKey;
    throw e;
  }
  return 'accepted';
}

test('a workbook within the limits is read as before', async () => {
  const wb = await loadWorkbook(await workbookWith(rows(10_000, 7)), { maxRows: 10_000 });
  assert.equal(wb.worksheets[0]!.rowCount, 10_000);
});

test('D10: rows, cells, text and expansion over their limits are refused while reading, with their own messages', async () => {
  assert.equal(await refusal(await workbookWith(rows(100_000, 7))), 'import.tooManyRows', '100,000 rows');
  // Rows of formatting only are not data: a template formatted far down still loads.
  const styled = SHEET_HEAD + Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="0"/></row>`).join('') + SHEET_TAIL;
  assert.equal(await refusal(await workbookWith(styled)), 'accepted');
  assert.equal(await refusal(await workbookWith(rows(5_000, 101))), 'import.tooLarge', '505,000 cells');
  const longCell = `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(XLSX_MAX_CELL_CHARS + 1)}</t></is></c></row>${SHEET_TAIL}`;
  assert.equal(await refusal(await workbookWith(longCell)), 'import.cellTooLong');
  // One 60 MB shared string: 60 KB in the file.
  const strings = Buffer.concat([Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'), Buffer.alloc(60 * 1024 * 1024, 'a'), Buffer.from('</t></si></sst>')]);
  const bomb = await workbookWith(rows(1, 1), [{ name: 'xl/sharedStrings.xml', data: strings }]);
  assert.ok(bomb.length < 200_000);
  assert.equal(await refusal(bomb), 'import.tooLarge', 'a shared-strings bomb');
  // The same sheet with a header that claims 100 bytes: the real size counts.
  assert.equal(await refusal(await workbookWith(Buffer.concat([Buffer.from(SHEET_HEAD), Buffer.alloc(60 * 1024 * 1024, ' '), Buffer.from(SHEET_TAIL)]), [], 100)), 'import.tooLarge', 'a lying header');
  assert.equal(await refusal(await workbookWith('<worksheet><sheetData><row>')), 'import.file', 'malformed sheet XML');
  assert.equal(await refusal(Buffer.from('PK\u0003\u0004 not really a zip')), 'import.file');
});

test('D10: the employee import refuses a 100,000-row file with a translated 400 while /api/health answers', async () => {
  const c = await t.login('safety');
  const file = await workbookWith(rows(100_000, 7));
  const boundary = '----sdxlsx';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const pending = c.request('POST', `/api/v1/enterprises/${ids.ownEnterprise.id}/employees/import`, body, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en-US' });
  const health = await t.anonymous().get('/api/health');
  assert.equal(health.statusCode, 200);
  const res = await pending;
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.data.error.code, 'VALIDATION');
  assert.equal(res.data.error.issues[0].path, 'body.file');
  assert.match(res.data.error.message, /at most 10000/);
});
