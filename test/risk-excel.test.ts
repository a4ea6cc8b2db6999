import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { unitIndex } from '../src/modules/org/employee.excel';
import { DEFAULT_RISK_RULES } from '../src/modules/risk/points/risk-grading';
import { MEASURE_CATEGORIES } from '../src/modules/risk/points/risk-point.schema';
import {
  assignCodes, formatEvaluation, ledgerUnits, parseAccidents, parseControllers, parseEvaluation, parseFactors, parseGradeCell, parseMeasures, validateRows,
  type SheetRow, type ValidRiskRow,
} from '../src/modules/risk/ledger/risk-excel.sheet';
import { createTestPlatform, demoIds, type Client, type Res, type TestPlatform } from './helpers';
import { makeEnterprise } from './factories';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CATEGORIES: readonly string[] = MEASURE_CATEGORIES;
const url = (enterpriseId: string) => `/api/v1/enterprises/${enterpriseId}`;

function multipart(filename: string, content: Buffer, contentType = XLSX) {
  const boundary = `----safeduty${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function importFile(c: Client, enterpriseId: string, content: Buffer, mode: 'strict' | 'valid' | 'preview' = 'strict', filename = '风险清单.xlsx'): Promise<Res> {
  const m = multipart(filename, content);
  return c.request('POST', `${url(enterpriseId)}/risk-points/import?mode=${mode}`, m.body, m.headers);
}
async function workbookOf(res: Res) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  return wb;
}
const cellText = (ws: ExcelJS.Worksheet, r: number, c: number) => String(ws.getRow(r).getCell(c).value ?? '');

type Point = {
  code: string; name: string; kind: string; orgUnitName: string; location: string; grade: number | null; controlLevel: string | null;
  accidentTypes: string[]; hazardFactors: unknown; emergencyMeasures: string; majorHazardSource: boolean; missingR8: string[]; scores: string;
  postNames: string[]; measures: { category: string; content: string }[]; controllers: { level: string; name: string }[];
};
async function ledger(c: Client, enterpriseId: string): Promise<Map<string, Point>> {
  const res = await c.get(`${url(enterpriseId)}/risk-points?pageSize=1000`);
  assert.equal(res.statusCode, 200, res.body);
  return new Map((res.data.items as Point[]).map((p) => [p.code, p]));
}
/** What a ledger row says, people by name: the fields an export → import must carry over. */
const comparable = (p: Point) => ({
  name: p.name, kind: p.kind, orgUnitName: p.orgUnitName, location: p.location, grade: p.grade, controlLevel: p.controlLevel,
  accidentTypes: p.accidentTypes, hazardFactors: p.hazardFactors, emergencyMeasures: p.emergencyMeasures, majorHazardSource: p.majorHazardSource,
  missingR8: p.missingR8, scores: p.scores, postNames: [...p.postNames].sort(),
  // The sheet has a column per category: measures come back grouped by category, in their order within it.
  measures: [...p.measures].sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category)).map((m) => [m.category, m.content]),
  controllers: p.controllers.map((c) => [c.level, c.name]).sort(),
});

// ---- the cell rules, without a database ----

test('evaluation cells read back into method inputs; written scores are only compared', () => {
  const e = parseEvaluation('LEC: L=6 E=6 C=15 D=540\nLS：L=3 S=5\nMES法: M=3 E=6 S=4 R=70\n直接判定: 重大危险源、有限空间未落实管控');
  assert.deepEqual(e.errors, []);
  assert.deepEqual(e.value.inputs, [
    { method: 'LEC', L: 6, E: 6, C: 15 }, { method: 'LS', L: 3, S: 5 }, { method: 'MES', M: 3, E: 6, S: 4 },
    { method: 'DIRECT', conditions: ['major_hazard_source', 'confined_space_uncontrolled'] },
  ]);
  assert.deepEqual(e.value.writtenScores, [540, null, 70, null]);
  assert.deepEqual(parseEvaluation('LEC: L=6 E=6').errors, [{ message: 'riskImport.evaluation.values', params: { method: 'LEC', values: 'C' } }]);
  assert.equal(parseEvaluation('HAZOP: 高').errors[0]!.message, 'riskImport.evaluation.method');
  assert.equal(parseEvaluation('直接判定: 看着危险').errors[0]!.message, 'riskImport.evaluation.condition');
  assert.deepEqual(parseEvaluation('直接判定: 无').value.inputs, [{ method: 'DIRECT', conditions: [] }]);
  // What the export writes is what the import reads.
  const inputs = [{ method: 'LEC' as const, L: 0.5, E: 6, C: 7 }, { method: 'DIRECT' as const, conditions: ['law_breach' as const] }];
  assert.deepEqual(parseEvaluation(formatEvaluation(inputs, [])).value.inputs, inputs);
  assert.equal(formatEvaluation(inputs, []), 'LEC: L=0.5 E=6 C=7 D=21\n直接判定: 违反法律法规及标准');
});

test('grade, factor, accident and measure cells', () => {
  for (const [s, g] of [['重大风险', 1], ['较大', 2], ['一般风险', 3], ['低风险', 4], ['3级', 3], ['2', 2], ['高', null]] as const) assert.equal(parseGradeCell(s), g, s);
  const f = parseFactors('人的因素：违章动火；误操作\n物的因素：高温、高压\n管理：制度缺失');
  assert.deepEqual(f.value, { people: ['违章动火', '误操作'], things: ['高温、高压'], environment: [], management: ['制度缺失'] });
  assert.equal(parseFactors('储罐泄漏').errors[0]!.message, 'riskImport.factors.class');
  assert.deepEqual(parseAccidents('火灾、其他爆炸 中毒窒息').value, ['火灾', '其它爆炸', '中毒和窒息']);
  assert.equal(parseAccidents('地震').errors[0]!.message, 'riskImport.accident');
  assert.deepEqual(parseMeasures('1、设置护栏\n(2) 1.5 m 高围挡\n③ 定期检查').value, ['设置护栏', '1.5 m 高围挡', '定期检查']);
});

test('controllers are named "企业级:张三；部门级:李四"; a shared name needs its unit', () => {
  const units = unitIndex([{ id: 'root', parentId: null, name: '公司' }, { id: 'a', parentId: 'root', name: '生产部' }, { id: 'b', parentId: 'root', name: '设备部' }]);
  const people = [{ id: 'e1', name: '张三', unitId: 'a' }, { id: 'e2', name: '张三', unitId: 'b' }, { id: 'e3', name: '李四', unitId: 'a' }];
  assert.deepEqual(parseControllers('企业级:李四；车间级：张三（设备部）', people, units).value, [{ level: 'company', employeeId: 'e3' }, { level: 'workshop', employeeId: 'e2' }]);
  assert.equal(parseControllers('部门级:张三', people, units).errors[0]!.message, 'riskImport.controller.ambiguous');
  assert.equal(parseControllers('部门级:王五', people, units).errors[0]!.message, 'riskImport.controller.notFound');
  assert.equal(parseControllers('李四', people, units).errors[0]!.message, 'riskImport.controller.format');
  assert.equal(parseControllers('班组级:李四；班组级:李四', people, units).errors[0]!.message, 'riskImport.controller.repeated');
});

test('the enterprise itself may be written by the name in the title row of the file it came from, or 本企业', () => {
  const index = unitIndex([{ id: 'root', parentId: null, name: '乙公司' }, { id: 'a', parentId: 'root', name: '生产部' }]);
  const units = ledgerUnits(index, 'root', '甲公司安全风险分级管控清单');
  assert.deepEqual(['甲公司', '本企业', '乙公司', '生产部'].map((u) => units.resolve(u)), [
    { ok: true, id: 'root' }, { ok: true, id: 'root' }, { ok: true, id: 'root' }, { ok: true, id: 'a' },
  ]);
  assert.equal(units.resolve('丙公司').ok, false);
});

test('rows are graded by the rule-set in force, whatever the grade cell says; codes continue after the highest', () => {
  const units = unitIndex([{ id: 'root', parentId: null, name: '公司' }, { id: 'ws', parentId: 'root', name: '一车间' }]);
  const row = (n: number, cells: SheetRow['cells']): SheetRow => ({ row: n, cells: { name: '反应釜', kind: '设备设施', unit: '一车间', ...cells } });
  const rules = { ...DEFAULT_RISK_RULES, lec: { g1: 160, g2: 70, g3: 20 } };
  const r = validateRows([
    row(4, { evaluation: 'LEC: L=3 E=6 C=15 D=999', grade: '较大风险' }),
    row(5, { evaluation: 'LEC: L=5 E=6 C=15' }),
    row(6, { code: 'FX-007', kind: '机器' }),
    row(7, { code: 'FX-007' }),
    row(8, { grade: '重大风险' }),
  ], { units, posts: [], employees: [], archivedCodes: new Set(['FX-002']), rules });
  assert.deepEqual(r.valid.map((v) => [v.row, v.assessment?.grade ?? null]), [[4, 1], [8, null]], 'D=270 is grade 1 under the stricter bands');
  assert.deepEqual(r.errors.map((e) => [e.row, e.column, e.message]), [[5, '评价方法及数值', 'validation.risk.value'], [6, '类型', 'riskImport.kind'], [7, '风险点编号', 'riskImport.code.repeated']]);
  assert.deepEqual(r.warnings.map((w) => [w.row, w.message]), [[4, 'riskImport.scoreDiffers'], [4, 'riskImport.grade.differs'], [8, 'riskImport.grade.unassessed']]);
  assert.equal(r.errorRows, 3);
  const rows = [{ code: null }, { code: 'FX-010' }, { code: null }] as ValidRiskRow[];
  assert.deepEqual(assignCodes(rows, ['FX-002', 'A-1']), ['FX-011', 'FX-010', 'FX-012']);
});

// ---- over HTTP ----

test('the export is the customary ledger: title, two-row header, coloured grade cells, evaluation text', async () => {
  const c = await t.login('safety');
  const res = await c.get(`${url(ids.ownEnterprise.id)}/risk-points/export`);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], XLSX);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="risk-ledger-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''%E9%A3%8E%E9%99%A9/);
  const ws = (await workbookOf(res)).worksheets[0]!;
  assert.equal(cellText(ws, 1, 1), `${ids.ownEnterprise.name}安全风险分级管控清单`);
  const head = (ws.getRow(2).values as unknown[]).slice(1, 12);
  assert.deepEqual(head, ['序号', '风险点编号', '风险点名称', '类型', '所在单位/区域', '危险有害因素', '可能导致的事故类型', '评价方法及数值', '风险等级', '管控层级', '责任人']);
  assert.deepEqual((ws.getRow(3).values as unknown[]).slice(12, 20), ['工程技术', '监控联锁', '隔离警示', '个体防护', '制度管理', '教育培训', '应急管理', '应急处置措施']);
  assert.equal(cellText(ws, 2, 12), '管控措施');
  const tank = ws.getRow(4);
  assert.equal(tank.getCell(2).value, 'FX-001');
  assert.equal(tank.getCell(8).value, 'LEC: L=3 E=6 C=40 D=720\n直接判定: 重大危险源');
  assert.equal(tank.getCell(9).value, '重大风险');
  assert.equal((tank.getCell(9).fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFF0000');
  assert.equal(tank.getCell(10).value, '企业级');
  assert.match(String(tank.getCell(11).value), /^企业级:.+；部门级:.+；车间级:.+；班组级:.+$/);
  const fills = [4, 5, 6, 7, 8, 9].map((r) => [cellText(ws, r, 9), (ws.getRow(r).getCell(9).fill as ExcelJS.FillPattern).fgColor?.argb]);
  assert.deepEqual(fills, [['重大风险', 'FFFF0000'], ['较大风险', 'FFFFA500'], ['较大风险', 'FFFFA500'], ['一般风险', 'FFFFFF00'], ['一般风险', 'FFFFFF00'], ['低风险', 'FF0070C0']]);
  // The ledger's filters apply.
  const red = await workbookOf(await c.get(`${url(ids.ownEnterprise.id)}/risk-points/export?grade=1`));
  assert.equal(red.worksheets[0]!.rowCount, 4);
  // A unit leader exports his branch only.
  const leader = await t.login('leader');
  const mine = (await workbookOf(await leader.get(`${url(ids.ownEnterprise.id)}/risk-points/export`))).worksheets[0]!;
  const units = Array.from({ length: mine.rowCount - 3 }, (_, i) => cellText(mine, i + 4, 5));
  assert.ok(units.length > 0 && units.every((u) => u.startsWith('生产部/一车间')), units.join());
});

test('a ledger exported from the demo enterprise and imported into an empty one reproduces the same ledger', async () => {
  const admin = await t.login('admin');
  const source = ids.ownEnterprise.id;
  const target = ids.ents.find((e) => e.id !== source && e.industry_code === ids.ownEnterprise.industry_code)?.id ?? ids.ents.find((e) => e.id !== source)!.id;
  assert.equal((await ledger(admin, target)).size, 0, 'the target starts with an empty ledger');
  const before = await ledger(admin, source);
  // The people named in the ledger exist in the target enterprise too (the same names).
  const names = new Set([...before.values()].flatMap((p) => p.controllers.map((c) => c.name)));
  const root = await t.db.selectFrom('org_units').select('id').where('enterprise_id', '=', target).where('kind', '=', 'company').executeTakeFirstOrThrow();
  for (const name of names) {
    const has = await t.db.selectFrom('employees').select('id').where('enterprise_id', '=', target).where('name', '=', name).execute();
    if (has.length === 0) {
      await t.db.insertInto('employees').values({
        enterprise_id: target, name, id_number_masked: '530111********0000', id_number_hash: randomUUID(), employment_form: 'regular', org_unit_id: root.id,
        created_at: new Date(), updated_at: new Date(),
      }).execute();
    }
  }
  const file = await admin.get(`${url(source)}/risk-points/export`);
  assert.equal(file.statusCode, 200);
  const res = await importFile(admin, target, file.rawPayload);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.data.errors, []);
  assert.deepEqual(res.data.warnings, []);
  assert.equal(res.data.imported, before.size);
  assert.equal(res.data.message, `已导入 ${before.size} 个风险点`);
  const afterImport = await ledger(admin, target);
  assert.deepEqual([...afterImport.keys()].sort(), [...before.keys()].sort(), 'the same codes');
  for (const [code, p] of before) assert.deepEqual(comparable(afterImport.get(code)!), comparable(p), code);
  // The grades were computed and recorded with the rule-set in force, as an inherent assessment.
  const tank = afterImport.get('FX-001')!;
  const detail = await admin.get(`${url(target)}/risk-points/${(tank as unknown as { id: string }).id}`);
  assert.equal(detail.data.assessments.length, 1);
  assert.equal(detail.data.assessments[0].ruleSetVersion, 0);
  assert.equal(detail.data.assessments[0].reason, '从风险分级管控清单导入');
  assert.equal(detail.data.assessments[0].methods[0].score, 720);
  const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('enterprise_id', '=', target).where('action', '=', 'risk.import').execute();
  assert.equal(audit.length, 1);
  assert.equal((audit[0]!.after as { count: number }).count, before.size);

  // Issue 10, the round trip: since the export, one point was re-graded in the app and one was added. The same file
  // again: the preview says every row updates its point (one with a changed grade), nothing is created, and names the
  // added point as not in the file; it writes nothing.
  const regraded = await admin.post(`${url(target)}/risk-points/${(tank as unknown as { id: string }).id}/assessments`, {
    stage: 'residual', methods: [{ method: 'LS', L: 1, S: 1 }], reason: '加装联锁后复评',
  });
  assert.equal(regraded.statusCode, 201, regraded.body);
  assert.equal(regraded.data.grade, 4);
  const added = await admin.post(`${url(target)}/risk-points`, { name: '新建罐区', kind: 'place', orgUnitId: root.id });
  assert.equal(added.statusCode, 201, added.body);
  const preview = await importFile(admin, target, file.rawPayload, 'preview');
  assert.equal(preview.statusCode, 200, preview.body);
  assert.deepEqual(preview.data.errors, []);
  assert.equal(preview.data.imported, 0);
  assert.deepEqual(preview.data.plan.created, []);
  assert.equal(preview.data.plan.updated.length, before.size);
  assert.deepEqual(preview.data.plan.updated.filter((u: { gradeChanged: boolean }) => u.gradeChanged).map((u: { code: string }) => u.code), ['FX-001']);
  assert.deepEqual(preview.data.plan.notInFile, [{ code: added.data.code, name: '新建罐区' }]);
  const imports = () => t.db.selectFrom('audit_log').select('after').where('enterprise_id', '=', target).where('action', '=', 'risk.import').orderBy('seq').execute();
  assert.equal((await imports()).length, 1, 'a preview writes nothing');

  // The import updates every point from its row: the ledger is the file's again, the added point is kept, and the
  // re-graded point gets the file's grade back as a new assessment whose reason is the import.
  const again = await importFile(admin, target, file.rawPayload);
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.data.imported, before.size);
  assert.equal(again.data.message, `已更新 ${before.size} 个风险点`);
  const afterAgain = await ledger(admin, target);
  for (const [code, p] of before) assert.deepEqual(comparable(afterAgain.get(code)!), comparable(p), code);
  assert.equal(afterAgain.get(added.data.code)?.name, '新建罐区', 'a point not in the file is never deleted');
  const history = (await admin.get(`${url(target)}/risk-points/${(tank as unknown as { id: string }).id}`)).data.assessments as { grade: number; reason: string }[];
  assert.equal(history.length, 3);
  assert.ok(history.some((a) => a.grade === tank.grade && a.reason === `按导入文件重新评价（由 4 级变为 ${tank.grade} 级）`), JSON.stringify(history));
  const other = afterAgain.get('FX-002') as unknown as { id: string };
  assert.equal((await admin.get(`${url(target)}/risk-points/${other.id}`)).data.assessments.length, 1, 'an unchanged grade is not re-assessed');
  const audits = await imports();
  assert.equal(audits.length, 2);
  assert.deepEqual(audits.map((a) => { const x = a.after as { created: number; updated: number; regraded: number }; return [x.created, x.updated, x.regraded]; }).at(-1), [0, before.size, 1]);
});

test('an archived point\'s code cannot be imported again; a row whose point was archived meanwhile fails the import whole', async () => {
  const admin = await t.login('admin');
  const ent = await makeEnterprise(t);
  const root = ent.rootUnitId;
  const point = await admin.post(`${url(ent.id)}/risk-points`, { name: '旧仓库', kind: 'place', orgUnitId: root });
  assert.equal(point.statusCode, 201, point.body);
  const file = await admin.get(`${url(ent.id)}/risk-points/export`);
  assert.equal((await admin.delete(`${url(ent.id)}/risk-points/${point.data.id}`)).statusCode, 200);
  const res = await importFile(admin, ent.id, file.rawPayload);
  assert.equal(res.data.imported, 0);
  assert.deepEqual(res.data.errors.map((e: { column: string; message: string }) => [e.column, e.message]), [['风险点编号', '该编号属于已归档的风险点，不能再次使用']]);
});

async function templateFor(c: Client, enterpriseId: string) {
  const res = await c.get(`${url(enterpriseId)}/risk-points/import-template`);
  assert.equal(res.statusCode, 200, res.body);
  return workbookOf(res);
}

test('the template has the header and a guide; a strict import with errors reports every bad cell and imports nothing', async () => {
  const c = await t.login('safety');
  const ent = ids.ownEnterprise.id;
  const wb = await templateFor(c, ent);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['风险分级管控清单', '填写说明', '单位与岗位']);
  assert.ok(wb.getWorksheet('填写说明')!.getColumn(2).values.some((v) => String(v).includes('企业级:张三；部门级:李四')), 'the controller format is documented');
  const ws = wb.getWorksheet('风险分级管控清单')!;
  assert.equal(ws.rowCount, 3, 'title and header only');
  const safetyName = (await t.db.selectFrom('employees as e').innerJoin('users as u', 'u.employee_id', 'e.id').select('e.name').where('u.username', '=', 'safety').executeTakeFirstOrThrow()).name;
  const rows: (string | number | null)[][] = [
    // 序号, 编号, 名称, 类型, 单位, 因素, 事故, 评价, 等级, 层级, 责任人, 7 measures, 应急, 位置, 岗位, 重大危险源, 设施
    [1, 'IMP-1', '喷漆房', '场所区域', '生产部/二车间', '物的因素：漆雾积聚', '火灾、其它爆炸', 'LEC: L=3 E=6 C=15 D=270', '一般风险', '', `部门级:${safetyName}`,
      '设置防爆排风', '', '', '佩戴防毒面具', '1、动火审批\n2、每日通风检查', '', '', '切断电源，使用干粉灭火器', '二车间东侧', '', '否', ''],
    [2, 'IMP-2', '', '机器', '不存在的车间', '漆雾', '地震', 'LEC: L=5 E=6 C=15', '', '', '企业级:查无此人', '', '', '', '', '', '', '', '', '', '', '也许', '红灯'],
    [3, 'IMP-3', '磨床', '设备设施', '设备部/维修班', '', '机械伤害', 'MES: M=3 E=6 S=2', '', '', '', '', '', '', '', '', '', '', '', '', '电工', '', ''],
  ];
  rows.forEach((r, i) => { ws.getRow(i + 4).values = r; });
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  const strict = await importFile(c, ent, content);
  assert.equal(strict.statusCode, 200, strict.body);
  assert.equal(strict.data.imported, 0);
  assert.deepEqual([strict.data.total, strict.data.validCount, strict.data.errorCount], [3, 2, 1]);
  assert.match(strict.data.message, /1 行错误，未导入任何数据/);
  assert.deepEqual(strict.data.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [
    [5, '风险点名称'], [5, '类型'], [5, '所在单位/区域'], [5, '危险有害因素'], [5, '可能导致的事故类型'], [5, '评价方法及数值'], [5, '责任人'], [5, '重大危险源'], [5, '警示与应急设施'],
  ]);
  const byColumn = Object.fromEntries(strict.data.errors.map((e: { column: string; message: string }) => [e.column, e.message]));
  assert.equal(byColumn['风险点名称'], '必填');
  assert.equal(byColumn['所在单位/区域'], '找不到单位“不存在的车间”');
  assert.equal(byColumn['可能导致的事故类型'], '“地震”不是 GB 6441 的事故类型');
  assert.equal(byColumn['评价方法及数值'], 'L 的取值不在公布的取值表中');
  assert.equal(byColumn['责任人'], '找不到在职员工“查无此人”');
  assert.deepEqual(strict.data.warnings.map((w: { row: number; column: string; message: string }) => [w.row, w.column, w.message]),
    [[4, '风险等级', '填写的风险等级“一般风险”与评价结果“较大风险”不一致，已采用评价结果']]);
  assert.equal((await t.db.selectFrom('risk_points').select('id').where('enterprise_id', '=', ent).where('code', 'like', 'IMP-%').execute()).length, 0);

  const m = multipart('x.xlsx', content);
  const en = await c.request('POST', `${url(ent)}/risk-points/import?mode=strict`, m.body, { ...m.headers, 'accept-language': 'en-US' });
  assert.equal(en.data.errors.length, 9);
  assert.ok(en.data.errors.some((e: { message: string }) => e.message === 'No active employee named "查无此人"'), 'messages follow the language');

  const valid = await importFile(c, ent, content, 'valid');
  assert.equal(valid.data.imported, 2);
  assert.match(valid.data.message, /已导入 2 个风险点，1 行有错误未导入/);
  const imported = await ledger(c, ent);
  const paint = imported.get('IMP-1')!;
  assert.equal(paint.grade, 2, 'the computed grade wins over the written 一般风险');
  assert.equal(paint.controlLevel, 'department');
  assert.deepEqual(paint.measures.map((m) => [m.category, m.content]), [['engineering', '设置防爆排风'], ['ppe', '佩戴防毒面具'], ['management', '动火审批'], ['management', '每日通风检查']]);
  assert.deepEqual(paint.controllers.map((x) => [x.level, x.name]), [['department', safetyName]]);
  assert.equal(imported.get('IMP-3')!.grade, 4, 'MES 36 → grade 4');
  assert.deepEqual(imported.get('IMP-3')!.postNames, ['电工']);
  assert.equal(imported.has('IMP-2'), false);
});

test('files that are not the ledger are refused: not a spreadsheet, no header, no rows', async () => {
  const c = await t.login('safety');
  const ent = ids.ownEnterprise.id;
  const csv = multipart('a.csv', Buffer.from('a,b'), 'text/csv');
  const notXlsx = await c.request('POST', `${url(ent)}/risk-points/import`, csv.body, csv.headers);
  assert.equal(notXlsx.statusCode, 415);
  const fake = await importFile(c, ent, Buffer.from('not a zip at all'));
  assert.equal(fake.statusCode, 400);
  assert.match(fake.data.error.message, /无法读取文件/);
  const other = new ExcelJS.Workbook();
  other.addWorksheet('Sheet1').addRow(['姓名', '身份证号']);
  const noHeader = await importFile(c, ent, Buffer.from(await other.xlsx.writeBuffer()));
  assert.equal(noHeader.statusCode, 400);
  assert.match(noHeader.data.error.message, /表头与模板不一致：缺少列 风险点名称/);
  const empty = await templateFor(c, ent);
  const none = await importFile(c, ent, Buffer.from(await empty.xlsx.writeBuffer()));
  assert.equal(none.statusCode, 400);
  assert.match(none.data.error.message, /没有数据行/);
  // A one-row header without the title row is read as well.
  const plain = new ExcelJS.Workbook();
  const s = plain.addWorksheet('清单');
  s.addRow(['风险点名称', '类型', '所在单位/区域', '危险有害因素', '可能导致的事故类型', '评价方法及数值', '风险等级', '责任人', '工程技术', '监控联锁', '隔离警示', '个体防护', '制度管理', '教育培训', '应急管理', '应急处置措施']);
  s.addRow(['危废库', '场所区域', '安全环保部', '', '火灾', 'LS: L=2 S=4 R=8', '', '', '', '', '设置围堰', '', '', '', '', '']);
  const one = await importFile(c, ent, Buffer.from(await plain.xlsx.writeBuffer()));
  assert.equal(one.statusCode, 200, one.body);
  assert.equal(one.data.imported, 1);
  const worker = await t.login('worker');
  assert.equal((await importFile(worker, ent, Buffer.from(await plain.xlsx.writeBuffer()))).statusCode, 403);
});

test('scope: another enterprise\'s principal and another subdistrict\'s officer get 404 on export, template and import', async () => {
  const admin = await t.login('admin');
  const mk = async (username: string, body: Record<string, string>) => {
    const u = await admin.post('/api/v1/users', { username, displayName: username, ...body });
    const c = await t.login(username, u.data.oneTimeCode);
    await c.post('/api/v1/auth/password', { currentPassword: u.data.oneTimeCode, newPassword: `Kunming#Safe2026x` });
    return c;
  };
  const other = await mk('otherboss', { role: 'enterprise_principal', enterpriseId: ids.foreign.id });
  const taihe = await t.db.selectFrom('subdistricts').select('id').where('name', '=', '太和街道').executeTakeFirstOrThrow();
  const officer = await mk('taiheofficer', { role: 'subdistrict_officer', subdistrictId: taihe.id });
  const file = (await admin.get(`${url(ids.ownEnterprise.id)}/risk-points/export`)).rawPayload;
  const ent = ids.ownEnterprise.id;
  for (const c of [other, officer]) assert.equal((await c.get(`${url(ent)}/risk-points/export`)).statusCode, 404);
  assert.equal((await other.get(`${url(ent)}/risk-points/import-template`)).statusCode, 404);
  assert.equal((await importFile(other, ent, file)).statusCode, 404);
  assert.equal((await officer.get(`${url(ent)}/risk-points/import-template`)).statusCode, 403);
  const guanshang = await t.login('guanshang');
  assert.equal((await guanshang.get(`${url(ent)}/risk-points/export`)).statusCode, 200, 'the enterprise\'s own subdistrict reads it');
  assert.equal((await importFile(guanshang, ent, file)).statusCode, 403);
});

test('imported rows take their codes inside the import\'s transaction: an import and creates at the same time never share a code', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('风险分级管控清单');
  ws.addRow(['风险点名称', '类型', '所在单位/区域', '危险有害因素', '可能导致的事故类型', '评价方法及数值', '风险等级', '责任人', ...CATEGORIES.map((c) => ({
    engineering: '工程技术', monitoring: '监控联锁', isolation: '隔离警示', ppe: '个体防护', management: '制度管理', training: '教育培训', emergency: '应急管理',
  })[c]!), '应急处置措施']);
  for (let i = 0; i < 4; i++) ws.addRow([`导入点${i}`, '设备设施', '本企业']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  // A code chosen by hand past the others moves the series on; the import's rows must come after it.
  const first = await safety.post(`${url(ent.id)}/risk-points`, { name: '手工点', kind: 'place', orgUnitId: ent.rootUnitId, code: 'FX-005' });
  assert.equal(first.statusCode, 201, first.body);
  const [imported, ...created] = await Promise.all([
    importFile(safety, ent.id, file),
    ...[0, 1, 2].map((k) => safety.post(`${url(ent.id)}/risk-points`, { name: `同时新建${k}`, kind: 'place', orgUnitId: ent.rootUnitId })),
  ]);
  assert.equal(imported!.statusCode, 200, imported!.body);
  assert.equal(imported!.data.imported, 4, imported!.body);
  for (const c of created) assert.equal(c.statusCode, 201, c.body);
  const codes = [...(await ledger(safety, ent.id)).keys()].sort();
  assert.equal(codes.length, 8);
  assert.equal(new Set(codes).size, 8);
  assert.ok(codes.every((c) => c === 'FX-005' || Number(c.slice(3)) > 5), codes.join());
  assert.deepEqual(codes.slice(-1), ['FX-012'], 'the series runs on without gaps past the hand-written code');
});
