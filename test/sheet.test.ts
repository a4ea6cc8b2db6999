import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { cellText, defineSheet, parseDateCell, translateRowErrors, type CellInput, type CellRead } from '../src/platform/files/sheet';
import { GUIDE_SHEET, REFERENCE_SHEET, SheetError } from '../src/platform/files/xlsx';

type Item = { seq?: number; name: string; qty: number; day: string | null; note: string; cat_a: string; cat_b: string };

const required = (v: CellInput): CellRead<string> => (cellText(v) ? { value: cellText(v) } : { error: 'validation.required' });
const quantity = (v: CellInput): CellRead<number> => {
  const n = typeof v === 'number' ? v : Number(cellText(v));
  return Number.isInteger(n) && n >= 0 ? { value: n } : { error: 'validation.tooLong', params: { max: 0 } };
};
const day = (v: CellInput): CellRead<string | null> => {
  if (v === null) return { value: null };
  const d = parseDateCell(v);
  return d ? { value: d } : { error: 'validation.date' };
};

const columns = [
  { key: 'name', header: '名称', width: 12, read: required, example: '扳手', note: '必填' },
  { key: 'qty', header: '数量', width: 8, read: quantity, example: '3', note: '非负整数', aliases: ['件数'] },
  { key: 'day', header: '日期', width: 12, read: day, numFmt: 'yyyy-mm-dd', note: '选填，如 2024-03-01', write: (r: Item) => r.day ?? '' },
  { key: 'note', header: '备注', width: 20, required: false },
] as const;

const plain = defineSheet<'name' | 'qty' | 'day' | 'note', Item>({ name: '物品', columns: [...columns], maxRows: 50 });

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}
const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
async function refusal(p: Promise<unknown>): Promise<{ key: string; params: Record<string, string | number> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SheetError) return { key: e.messageKey, params: e.params };
    throw e;
  }
  throw new Error('not refused');
}

test('the template has a styled header, drop-downs, a notes sheet with examples and the reference sheet', async () => {
  const wb = await load(await plain.template({
    notes: { title: '物品导入说明', subtitle: '适用：测试', intro: ['从第 2 行起填写'], extra: [['导入方式', '严格导入']] },
    reference: { unitHeader: '单位', unitPaths: ['生产部', '生产部/一车间'], posts: [{ name: '操作工', unitPath: '生产部' }] },
    validations: { qty: { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0] } },
  }));
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['物品', GUIDE_SHEET, REFERENCE_SHEET]);
  const ws = wb.getWorksheet('物品')!;
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['名称', '数量', '日期', '备注']);
  const head = ws.getRow(1).getCell(1);
  assert.equal(head.font?.bold, true);
  assert.equal((head.fill as ExcelJS.FillPattern).fgColor?.argb, 'FFDDEBF7');
  assert.equal(ws.views[0]?.state, 'frozen');
  const notes = wb.getWorksheet(GUIDE_SHEET)!;
  const lines = notes.getSheetValues().slice(1).map((r) => (r as unknown[] | undefined)?.slice(1).map(String) ?? []);
  assert.deepEqual(lines[0], ['物品导入说明', '适用：测试']);
  assert.ok(lines.some((l) => l[0] === '名称' && l[1] === '必填' && l[2] === '扳手'), 'each column with its note and example');
  assert.ok(lines.some((l) => l[0] === '导入方式'));
  assert.ok(!lines.some((l) => l[0] === '备注'), 'a column without a note is not listed');
  assert.deepEqual(wb.getWorksheet(REFERENCE_SHEET)!.getColumn(1).values.slice(1), ['单位', '生产部', '生产部/一车间']);
});

test('a filled template reads back into values, with one error per bad cell naming its row and column', async () => {
  const wb = await load(await plain.template({ notes: { title: 'x' } }));
  const ws = wb.getWorksheet('物品')!;
  ws.getRow(2).values = ['扳手', 3, new Date(Date.UTC(2024, 2, 1)), '工具间'];
  ws.getRow(3).values = [];
  ws.getRow(4).values = ['', 'x', '2024-02-30'];
  ws.getRow(5).values = [{ richText: [{ text: '螺' }, { text: '丝' }] }, { formula: '1+1', result: 2 }, '2024年3月2日'];
  const read = await plain.read(await toBuffer(wb));
  assert.deepEqual(read.rows.map((r) => r.row), [2, 4, 5], 'the empty row is skipped');
  assert.deepEqual(read.rows[0]!.values, { name: '扳手', qty: 3, day: '2024-03-01', note: '工具间' });
  assert.deepEqual(read.rows[2]!.values, { name: '螺丝', qty: 2, day: '2024-03-02', note: null });
  assert.equal(read.errorRows, 1);
  assert.deepEqual(read.errors.map((e) => [e.row, e.column, e.message]), [[4, '名称', 'validation.required'], [4, '数量', 'validation.tooLong'], [4, '日期', 'validation.date']]);
  const zh = translateRowErrors('zh-CN', read.errors);
  const en = translateRowErrors('en-US', read.errors);
  assert.ok(zh.every((e) => e.message !== '' && !e.message.startsWith('validation.')), 'messages are translated');
  assert.notEqual(zh[0]!.message, en[0]!.message);
});

test('headers are found by text (aliases, spaces, asterisks, any order); missing ones are named', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('其他');
  ws.addRow(['备注', '* 名称', '件 数', '日期']);
  ws.addRow(['a', '锤子', 1, null]);
  const read = await plain.read(await toBuffer(wb));
  assert.deepEqual(read.rows[0]!.values, { name: '锤子', qty: 1, day: null, note: 'a' });

  const bad = new ExcelJS.Workbook();
  bad.addWorksheet('x').addRow(['名称', '备注']);
  bad.getWorksheet('x')!.addRow(['a']);
  assert.deepEqual(await refusal(plain.read(await toBuffer(bad))), { key: 'import.header', params: { columns: '数量、日期' } });
});

test('the data sheet is chosen by name, whatever its position; notes and reference sheets are never read', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(GUIDE_SHEET).addRow(['名称', '数量', '日期']);
  wb.addWorksheet('草稿').addRow(['名称', '数量', '日期']);
  wb.getWorksheet('草稿')!.addRow(['草稿行', 1]);
  wb.addWorksheet('物品').addRow(['名称', '数量', '日期']);
  wb.getWorksheet('物品')!.addRow(['正式行', 2]);
  const read = await plain.read(await toBuffer(wb));
  assert.deepEqual(read.rows.map((r) => r.values.name), ['正式行']);
});

test('unusable uploads are refused with their reason', async () => {
  assert.equal((await refusal(plain.read(Buffer.from('not a zip')))).key, 'import.file');
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('物品').addRow(['名称', '数量', '日期']);
  assert.equal((await refusal(plain.read(await toBuffer(empty)))).key, 'import.empty');
  const many = new ExcelJS.Workbook();
  const ws = many.addWorksheet('物品');
  ws.addRow(['名称', '数量', '日期']);
  for (let i = 0; i < 51; i++) ws.addRow([`x${i}`, i]);
  assert.deepEqual(await refusal(plain.read(await toBuffer(many))), { key: 'import.tooManyRows', params: { max: 50 } });
});

const grouped = defineSheet<'seq' | 'name' | 'qty' | 'day' | 'cat_a' | 'cat_b', Item>({
  name: '清单',
  headerSearchRows: 5,
  freezeColumns: 1,
  group: { header: '分类', keys: ['cat_a', 'cat_b'] },
  columns: [
    { key: 'seq', header: '序号', width: 6, required: false, informational: true, write: (_r, i) => i + 1 },
    columns[0], columns[1], columns[2],
    { key: 'cat_a', header: '甲类', width: 10 }, { key: 'cat_b', header: '乙类', width: 10 },
  ],
  style: (r, row, col) => { if (r.qty === 0) row.getCell(col('qty')).font = { color: { argb: 'FFFF0000' } }; },
});

test('write → read: a title row and a grouped two-row header round-trip, with row styles and a footer', async () => {
  async function* rows(): AsyncGenerator<Item> {
    yield { name: '扳手', qty: 0, day: '2024-03-01', note: '', cat_a: '是', cat_b: '' };
    yield { name: '钳子', qty: 5, day: null, note: '', cat_a: '', cat_b: '否' };
  }
  const buf = await grouped.write(rows(), { title: '某企业物品清单', footer: ['仅导出前 2 行'] });
  const wb = await load(buf);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.name, '清单');
  assert.equal(ws.getCell('A1').value, '某企业物品清单');
  assert.deepEqual((ws.getRow(2).values as unknown[]).slice(1, 5), ['序号', '名称', '数量', '日期']);
  assert.equal(ws.getCell('E2').value, '分类');
  assert.deepEqual((ws.getRow(3).values as unknown[]).slice(5), ['甲类', '乙类']);
  assert.deepEqual((ws.getRow(4).values as unknown[]).slice(1, 6), [1, '扳手', 0, '2024-03-01', '是']);
  assert.equal(ws.getRow(4).getCell(3).font?.color?.argb, 'FFFF0000');
  assert.equal(ws.getRow(5).getCell(3).font?.color?.argb, undefined);
  assert.equal(ws.getCell('A6').value, '仅导出前 2 行');

  const noFooter = await grouped.write([{ name: '扳手', qty: 0, day: '2024-03-01', note: '', cat_a: '是', cat_b: '' }, { name: '钳子', qty: 5, day: null, note: '', cat_a: '', cat_b: '否' }], { title: '某企业物品清单' });
  const read = await grouped.read(noFooter);
  assert.equal(read.title, '某企业物品清单');
  assert.deepEqual(read.rows.map((r) => [r.row, r.values.name, r.values.qty, r.values.day, r.values.cat_a, r.values.cat_b]), [
    [4, '扳手', 0, '2024-03-01', '是', null], [5, '钳子', 5, null, null, '否'],
  ]);
  assert.equal(read.errors.length, 0);
});

test('a row holding only informational cells is empty', async () => {
  const wb = await load(await grouped.write([{ name: '扳手', qty: 1, day: null, note: '', cat_a: '', cat_b: '' }]));
  // Without a title the header takes rows 1 and 2: the written row is row 3.
  const row3 = wb.worksheets[0]!.getRow(3);
  for (let c = 2; c <= 7; c++) row3.getCell(c).value = null;
  row3.getCell(1).value = 7;
  wb.worksheets[0]!.getRow(4).values = [8, '锯', 2];
  const read = await grouped.read(await toBuffer(wb));
  assert.deepEqual(read.rows.map((r) => r.values.name), ['锯']);
});
