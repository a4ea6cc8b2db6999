import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { hashPassword } from '../src/platform/auth/password';
import {
  candidateIdNumbers, COLUMNS, parseDateCell, parseEmploymentForm, resolvePost, splitPosts, unitIndex, unitPathNames,
  validateRows, type CellInput, type ColumnKey, type SheetRow,
} from '../src/modules/org/employee.excel';
import { idNumberCheckChar, isUnderAge } from '../src/modules/org/id-number';
import { idLast4Hash } from '../src/platform/signatures';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { createTestPlatform, demoIds, type Client, type Res, type TestPlatform } from './helpers';

/** A valid ID number (GB 11643 check digit) outside the demo data's 530111 area code; distinct for n < 40,000. */
function idNumber(n: number): string {
  const first17 = `110101${1960 + Math.floor(n / 1000)}0101${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
function badCheckDigit(id: string): string {
  const last = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + last;
}

function row(n: number, cells: Partial<Record<ColumnKey, CellInput>>): SheetRow {
  const base: Record<ColumnKey, CellInput> = { name: null, idNumber: null, phone: null, employmentForm: null, orgUnit: null, posts: null, hireDate: null, trainedBeforeJoining: null, priorTrainingNote: null };
  return { row: n, cells: { ...base, ...cells } };
}

// ---- pure rules ----

describe('employee rows (pure rules)', () => {
  const units = [
    { id: 'root', parentId: null, name: '示例公司' },
    { id: 'prod', parentId: 'root', name: '生产部' },
    { id: 'ws1', parentId: 'prod', name: '一车间' },
    { id: 'ws2', parentId: 'prod', name: '二车间' },
    { id: 't1a', parentId: 'ws1', name: '甲班' },
    { id: 't1b', parentId: 'ws1', name: '乙班' },
    { id: 't2a', parentId: 'ws2', name: '甲班' },
  ];
  const posts = [
    { id: 'p-op-1a', unitId: 't1a', name: '操作工' },
    { id: 'p-op-1b', unitId: 't1b', name: '操作工' },
    { id: 'p-op-2a', unitId: 't2a', name: '操作工' },
    { id: 'p-lead', unitId: 'ws1', name: '车间主任' },
    { id: 'p-safety', unitId: 'root', name: '安全员' },
  ];
  const index = unitIndex(units);

  test('employment forms: the five Chinese labels, common variants and the codes map to the stored code', () => {
    const table: [string, string | null][] = [
      ['正式', 'regular'], ['劳务派遣', 'dispatched'], ['临时', 'temporary'], ['农民工', 'migrant'], ['实习', 'intern'],
      [' 正式工 ', 'regular'], ['派遣', 'dispatched'], ['临时工', 'temporary'], ['实习生', 'intern'],
      ['regular', 'regular'], ['INTERN', 'intern'], ['合伙人', null], ['', null],
      // Issue 10: 合同工 names no form of the five; it was stored as 正式 without a word and is now refused.
      ['合同工', null],
    ];
    for (const [text, code] of table) assert.equal(parseEmploymentForm(text), code, text);
  });

  test('hire dates: date cells, Excel serials and the usual written forms; impossible dates are refused', () => {
    const table: [CellInput, string | null][] = [
      [new Date(Date.UTC(2024, 2, 1)), '2024-03-01'],
      [45352, '2024-03-01'],
      ['2024-03-01', '2024-03-01'], ['2024/3/1', '2024-03-01'], ['2024.03.01', '2024-03-01'], ['2024年3月1日', '2024-03-01'], ['20240301', '2024-03-01'],
      ['2024-02-29', '2024-02-29'], ['2023-02-29', null], ['2024-13-01', null], ['1949-12-31', null], ['明天', null], [45352.5, null],
    ];
    for (const [cell, expected] of table) assert.equal(parseDateCell(cell), expected, String(cell));
  });

  test('unit paths are written from below the company; the company is written by its own name', () => {
    const names = unitPathNames(units);
    assert.equal(names.get('t1a'), '生产部/一车间/甲班');
    assert.equal(names.get('prod'), '生产部');
    assert.equal(names.get('root'), '示例公司');
  });

  test('units resolve by full path, by the end of a path or by a unique name; a shared name is ambiguous', () => {
    const ok = (text: string, id: string) => assert.deepEqual(index.resolve(text), { ok: true, id }, text);
    ok('生产部/一车间/甲班', 't1a');
    ok(' 生产部 ／ 一车间 / 甲班 ', 't1a');
    ok('示例公司/生产部/二车间/甲班', 't2a');
    ok('二车间/甲班', 't2a');
    ok('乙班', 't1b');
    ok('一车间', 'ws1');
    ok('示例公司', 'root');
    const amb = index.resolve('甲班');
    assert.equal(amb.ok, false);
    assert.equal(!amb.ok && amb.message, 'validation.orgUnit.ambiguous');
    const none = index.resolve('三车间');
    assert.equal(!none.ok && none.message, 'validation.orgUnit.notFound');
  });

  test('a post name shared by several units resolves through the employee unit, its ancestors, or a unit prefix', () => {
    assert.deepEqual(resolvePost('操作工', 't1b', posts, index), { ok: true, id: 'p-op-1b' });
    assert.deepEqual(resolvePost('车间主任', 't1a', posts, index), { ok: true, id: 'p-lead' });
    assert.deepEqual(resolvePost('安全员', 'ws2', posts, index), { ok: true, id: 'p-safety' });
    assert.deepEqual(resolvePost('操作工', 'ws2', posts, index), { ok: true, id: 'p-op-2a' }, 'the single one below the unit');
    assert.equal(resolvePost('操作工', 'ws1', posts, index).ok, false, 'two below 一车间');
    assert.deepEqual(resolvePost('一车间/甲班/操作工', 'ws1', posts, index), { ok: true, id: 'p-op-1a' });
    const missing = resolvePost('焊工', 't1a', posts, index);
    assert.equal(!missing.ok && missing.message, 'validation.post.notFound');
  });

  test('posts are split on 、 and commas, trimmed and de-duplicated', () => {
    assert.deepEqual(splitPosts('操作工、 叉车司机,电工，操作工;;'), ['操作工', '叉车司机', '电工']);
    assert.deepEqual(splitPosts(''), []);
  });

  test('劳动法 Art. 15: no one under 16 on the day of the import, by the birth date in the ID number (issue 10)', () => {
    const born = (ymd: string) => { const first17 = `110101${ymd}123`; return first17 + idNumberCheckChar(first17); };
    const table: [string, string, boolean][] = [
      [born('20101206'), '2026-12-05', true], [born('20101205'), '2026-12-05', false], [born('19900101'), '2026-12-05', false],
      // Born on 29 February: 16 on 1 March of a common year, on 29 February of a leap year.
      [born('20120229'), '2028-02-28', true], [born('20120229'), '2028-02-29', false], [born('20080229'), '2024-02-28', true], [born('20080229'), '2024-02-29', false],
      [born('20110229'.replace('0229', '0301')), '2027-02-28', true], [born('20110301'), '2027-03-01', false],
    ];
    for (const [id, today, under] of table) assert.equal(isUnderAge(id, today), under, `${id.slice(6, 14)} on ${today}`);
    const r = validateRows([row(2, { name: '小明', idNumber: born('20101206'), employmentForm: '正式', orgUnit: '乙班' })], { units: index, posts, isRegistered: () => false, today: '2026-12-05' });
    assert.deepEqual(r.errors.map((e) => [e.column, e.message, e.params]), [['身份证号', 'validation.idNumber.underAge', { age: 16 }]]);
  });

  test('a hire date after today is imported and said; a 16–17-year-old on a key or special-operation post is a row error (issue 10, R-TRN-2)', () => {
    const born = (ymd: string) => { const first17 = `110101${ymd}456`; return first17 + idNumberCheckChar(first17); };
    const withWelder = [...posts, { id: 'p-weld', unitId: 't1b', name: '焊工', hazardous: true }];
    const r = validateRows([
      row(2, { name: '甲', idNumber: born('19900101'), employmentForm: '正式', orgUnit: '乙班', hireDate: '2026-12-06' }),
      row(3, { name: '乙', idNumber: born('20090601'), employmentForm: '临时', orgUnit: '乙班', posts: '焊工' }),
      row(4, { name: '丙', idNumber: born('20090602'), employmentForm: '临时', orgUnit: '乙班', posts: '操作工', hireDate: '2026-12-05' }),
      row(5, { name: '丁', idNumber: born('20081205'), employmentForm: '正式', orgUnit: '乙班', posts: '焊工' }),
    ], { units: index, posts: withWelder, isRegistered: () => false, today: '2026-12-05' });
    // R-TRN-2 (issue 13): the minor on the welder's post was a warning; now nobody under 18 is put on one.
    assert.deepEqual(r.errors.map((e) => [e.row, e.column, e.message]), [[3, '岗位', 'import.minorOnHazardousPost']]);
    assert.deepEqual(r.valid.map((v) => v.row), [2, 4, 5], 'a warning refuses nothing; the one who turns 18 today may weld');
    assert.deepEqual(r.warnings.map((w) => [w.row, w.column, w.message]), [[2, '入职日期', 'import.hireDate.future']]);
  });

  test('every bad cell of a row is reported with its row and column; good rows come back resolved', () => {
    const taken = idNumber(900);
    const rows = [
      row(2, { name: '张三', idNumber: idNumber(1), phone: '13900000001', employmentForm: '正式', orgUnit: '生产部/一车间/甲班', posts: '操作工', hireDate: '2024-03-01' }),
      row(3, { name: '', idNumber: badCheckDigit(idNumber(2)), phone: '12345', employmentForm: '合伙人', orgUnit: '甲班', posts: '焊工', hireDate: '2024-02-30' }),
      row(4, { name: '李四', idNumber: idNumber(1).toLowerCase(), employmentForm: '临时', orgUnit: '乙班' }),
      row(5, { name: '王五', idNumber: 110101199001010000, employmentForm: '实习', orgUnit: '乙班' }),
      row(6, { name: '赵六', idNumber: taken, employmentForm: '农民工', orgUnit: '示例公司' }),
      row(7, { name: '钱七', idNumber: idNumber(3), employmentForm: '实习', orgUnit: '一车间', posts: '安全员、车间主任', hireDate: new Date(Date.UTC(2020, 0, 2)) }),
    ];
    const r = validateRows(rows, { units: index, posts, isRegistered: (id) => id === taken, today: '2026-12-05' });
    assert.deepEqual(r.valid, [
      { row: 2, name: '张三', idNumber: idNumber(1), phone: '13900000001', employmentForm: 'regular', orgUnitId: 't1a', postIds: ['p-op-1a'], hireDate: '2024-03-01', trainedBeforeJoining: false, priorTrainingNote: '' },
      { row: 7, name: '钱七', idNumber: idNumber(3), phone: '', employmentForm: 'intern', orgUnitId: 'ws1', postIds: ['p-safety', 'p-lead'], hireDate: '2020-01-02', trainedBeforeJoining: false, priorTrainingNote: '' },
    ]);
    assert.equal(r.errorRows, 4);
    const at = (n: number) => r.errors.filter((e) => e.row === n).map((e) => [e.column, e.message]);
    assert.deepEqual(at(3), [
      ['姓名', 'validation.required'], ['身份证号', 'validation.idNumber'], ['手机号', 'validation.phone'],
      ['用工形式', 'validation.employmentForm'], ['所属单位', 'validation.orgUnit.ambiguous'], ['岗位', 'validation.post.notFound'],
      ['入职日期', 'validation.date'],
    ]);
    assert.deepEqual(at(4), [['身份证号', 'import.idNumber.repeated']]);
    assert.deepEqual(r.errors.find((e) => e.row === 4)!.params, { row: 2 });
    assert.deepEqual(at(5), [['身份证号', 'import.idNumber.asNumber']]);
    assert.deepEqual(at(6), [['身份证号', 'validation.idNumber.duplicate']]);
    assert.deepEqual(candidateIdNumbers(rows).sort(), [idNumber(1), taken, idNumber(3)].sort());
  });
});

// ---- HTTP against a real database ----

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function multipart(filename: string, content: Buffer, contentType = XLSX): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----safeduty${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(c: Client, url: string, filename: string, content: Buffer, contentType = XLSX): Promise<Res> {
  const m = multipart(filename, content, contentType);
  return c.request('POST', url, m.body, m.headers);
}

async function workbookOf(res: Res) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  return wb;
}

async function fill(template: ExcelJS.Workbook, rows: (string | Date | null)[][]): Promise<Buffer> {
  const ws = template.getWorksheet('员工信息')!;
  rows.forEach((r, i) => { ws.getRow(i + 2).values = r; });
  return Buffer.from(await template.xlsx.writeBuffer());
}

describe('employees over HTTP', () => {
  let tp: TestPlatform;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let A: string;
  let B: string;
  let units: Map<string, string>;
  let posts: Map<string, string>;
  const as: Record<string, Client> = {};
  let seq = 100;
  const nextId = () => idNumber(seq++);

  const url = (enterpriseId: string, rest = '') => `/api/v1/enterprises/${enterpriseId}/employees${rest}`;
  const newEmployee = (over: Record<string, unknown> = {}) => ({
    name: '测试员工', idNumber: nextId(), phone: '13912345678', employmentForm: 'regular',
    orgUnitId: units.get('一车间/甲班'), postIds: [posts.get('甲班/操作工')], hireDate: '2024-03-01',
    // R-TRN-2 (issue 13): nobody holds a post before the pre-post training; these people were trained before joining.
    trainedBeforeJoining: true, priorTrainingNote: '入职前已在原单位完成三级安全教育', ...over,
  });
  const auditRows = (entityId: string) => tp.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute();

  before(async () => {
    tp = await createTestPlatform();
    ids = await demoIds(tp.db);
    A = ids.ownEnterprise.id;
    B = ids.foreign.id;
    // Units of A by their path below the company, posts by 单位/岗位.
    const us = await tp.db.selectFrom('org_units').select(['id', 'parent_id', 'name']).where('enterprise_id', '=', A).execute();
    const names = unitPathNames(us.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name })));
    units = new Map([...names].map(([id, p]) => [p.split('/').slice(-2).join('/'), id]));
    const ps = await tp.db.selectFrom('posts').select(['id', 'name', 'org_unit_id']).where('enterprise_id', '=', A).execute();
    posts = new Map(ps.map((p) => [`${names.get(p.org_unit_id)!.split('/').pop()}/${p.name}`, p.id]));
    // A manager of enterprise B, to prove it cannot reach enterprise A.
    await tp.db.insertInto('users').values({
      username: 'b-safety', display_name: 'B 安全管理员', role: 'safety_manager', password_hash: await hashPassword(DEMO_PASSWORD),
      must_change_password: false, enterprise_id: B,
    }).execute();
    for (const u of ['admin', 'yjj', 'zjj', 'guanshang', 'principal', 'safety', 'leader', 'worker', 'b-safety']) as[u] = await tp.login(u);
  });
  after(async () => { await tp.close(); });

  test('a safety manager creates, lists, updates and marks an employee as left, each change audited without the ID number', async () => {
    const input = newEmployee({ name: '周测试', phone: '13800001111' });
    const created = await as.safety!.post(url(A), input);
    assert.equal(created.statusCode, 201, created.body);
    const e = created.data;
    // The last four prove identity when signing on a shared device (issue 11): the roster shows the region only.
    assert.equal(e.idNumberMasked, `${input.idNumber.slice(0, 6)}************`);
    assert.equal(e.orgUnitName, '甲班');
    assert.deepEqual(e.posts, [{ id: posts.get('甲班/操作工'), name: '操作工' }]);
    assert.equal(e.abilities.canEdit, true);

    const list = await as.safety!.get(`${url(A)}?q=周测试`);
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.data.total, 1);
    assert.deepEqual(list.data.items[0], {
      id: e.id, name: '周测试', idNumberMasked: e.idNumberMasked, phone: '13800001111', employmentForm: 'regular',
      orgUnitId: units.get('一车间/甲班'), orgUnitName: '甲班', posts: [{ id: posts.get('甲班/操作工'), name: '操作工' }],
      hireDate: '2024-03-01', status: 'active', version: 1,
    });
    const byPhone = await as.safety!.get(`${url(A)}?q=13800001111`);
    assert.equal(byPhone.data.total, 1);

    // R-TRN-2 (issue 13): the electrician's post is a special operation: he holds a valid certificate of its type first.
    const cert = await as.safety!.post(`/api/v1/enterprises/${A}/certificates`, {
      employeeId: e.id, kind: 'special_operation', typeCode: 'so-electrical', number: `T${e.id.slice(0, 8)}`, issuedOn: '2024-01-10',
    });
    assert.equal(cert.statusCode, 201, cert.body);
    const patched = await as.safety!.patch(url(A, `/${e.id}`), {
      version: 1, phone: '13800002222', orgUnitId: units.get('二车间/甲班'), postIds: [posts.get('甲班/操作工'), posts.get('维修班/电工')], hireDate: null,
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const stored = await tp.db.selectFrom('employees').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
    assert.equal(stored.version, 2);
    assert.equal(stored.phone, '13800002222');
    assert.equal(stored.hire_date, null);
    assert.ok(stored.updated_at.getTime() >= stored.created_at.getTime());
    const links = await tp.db.selectFrom('employee_posts').select('post_id').where('employee_id', '=', e.id).execute();
    assert.deepEqual(links.map((l) => l.post_id).sort(), [posts.get('甲班/操作工'), posts.get('维修班/电工')].sort());

    const left = await as.safety!.delete(url(A, `/${e.id}`));
    assert.equal(left.statusCode, 200, left.body);
    assert.equal(left.data.status, 'left');
    const got = await as.principal!.get(url(A, `/${e.id}`));
    assert.equal(got.data.status, 'left', 'the record is kept');
    assert.equal(got.data.version, 3);
    assert.equal((await as.safety!.delete(url(A, `/${e.id}`))).data.error.code, 'STATE');

    const audit = await auditRows(e.id);
    assert.deepEqual(audit.map((a) => a.action), ['employee.create', 'employee.update', 'employee.leave']);
    assert.ok(audit.every((a) => a.enterprise_id === A && a.entity_type === 'employee'));
    const update = audit[1]!;
    assert.equal((update.before as { phone: string }).phone, '13800001111');
    assert.equal((update.after as { phone: string }).phone, '13800002222');
    assert.equal((audit[2]!.after as { status: string }).status, 'left');
    for (const a of audit) {
      const text = JSON.stringify([a.before, a.after]);
      assert.ok(!text.includes(input.idNumber), 'no full ID number in the audit trail');
      assert.ok(!text.includes(stored.id_number_hash), 'no ID hash in the audit trail');
    }
  });

  test('a wrong ID check digit is refused on the field with a Chinese message', async () => {
    const res = await as.safety!.post(url(A), newEmployee({ idNumber: badCheckDigit(nextId()) }));
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.data.error.code, 'VALIDATION');
    const issue = res.data.error.issues.find((i: { path: string }) => i.path === 'body.idNumber');
    assert.ok(issue, res.body);
    assert.match(issue.message, /身份证/);
    const en = await as.safety!.request('POST', url(A), newEmployee({ idNumber: badCheckDigit(nextId()) }), { 'accept-language': 'en-US' });
    assert.match(en.data.error.issues[0].message, /ID-card/);
  });

  test('劳动法 Art. 15: a child (born 2020) is refused at the ID number, in both locales (issue 10)', async () => {
    const first17 = '11010120200101888';
    const child = first17 + idNumberCheckChar(first17);
    const res = await as.safety!.post(url(A), newEmployee({ idNumber: child }));
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.data.error.issues, [{ path: 'body.idNumber', message: '按身份证号码，此人未满 16 周岁，不得招用（劳动法第十五条）' }]);
    const en = await as.safety!.request('POST', url(A), newEmployee({ idNumber: child }), { 'accept-language': 'en-US' });
    assert.match(en.data.error.issues[0].message, /under 16/);
  });

  test('an ID number already registered in the enterprise is refused at the field, also when changed into by an update', async () => {
    const taken = nextId();
    const first = await as.safety!.post(url(A), newEmployee({ idNumber: taken }));
    assert.equal(first.statusCode, 201, first.body);
    const again = await as.safety!.post(url(A), newEmployee({ idNumber: ` ${taken.toLowerCase()} ` }));
    assert.equal(again.statusCode, 400, again.body);
    assert.equal(again.data.error.code, 'VALIDATION');
    assert.equal(again.data.error.issues[0].path, 'body.idNumber');
    assert.match(again.data.error.issues[0].message, /已存在/);
    const second = await as.safety!.post(url(A), newEmployee());
    const clash = await as.safety!.patch(url(A, `/${second.data.id}`), { version: 1, idNumber: taken });
    assert.equal(clash.statusCode, 400, clash.body);
    // Someone who left still holds the number; re-hiring is an update of the old record.
    await as.safety!.delete(url(A, `/${first.data.id}`));
    assert.equal((await as.safety!.post(url(A), newEmployee({ idNumber: taken }))).statusCode, 400);
    const back = await as.safety!.patch(url(A, `/${first.data.id}`), { version: 2, status: 'active' });
    assert.equal(back.data.status, 'active');
    // The same person in another enterprise is not a duplicate.
    const elsewhere = await as.admin!.post(url(B), newEmployee({ idNumber: taken, orgUnitId: await rootUnit(B), postIds: [] }));
    assert.equal(elsewhere.statusCode, 201, elsewhere.body);
  });

  async function rootUnit(enterpriseId: string) {
    const r = await tp.db.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    return r.id;
  }

  test('a stale version is a conflict and changes nothing', async () => {
    const created = await as.safety!.post(url(A), newEmployee());
    const id = created.data.id;
    assert.equal((await as.safety!.patch(url(A, `/${id}`), { version: 1, name: '新名字' })).statusCode, 200);
    const stale = await as.principal!.patch(url(A, `/${id}`), { version: 1, name: '旧版本' });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(stale.data.error.code, 'CONFLICT');
    const row = await tp.db.selectFrom('employees').select(['name', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: '新名字', version: 2 });
  });

  test('unit, posts and hire date are checked against the enterprise', async () => {
    const otherUnit = await rootUnit(B);
    const badUnit = await as.safety!.post(url(A), newEmployee({ orgUnitId: otherUnit }));
    assert.equal(badUnit.statusCode, 400);
    assert.equal(badUnit.data.error.issues[0].path, 'body.orgUnitId');
    const otherPost = await tp.db.selectFrom('posts').select('id').where('enterprise_id', '=', B).executeTakeFirstOrThrow();
    const badPost = await as.safety!.post(url(A), newEmployee({ postIds: [otherPost.id] }));
    assert.equal(badPost.statusCode, 400);
    assert.equal(badPost.data.error.issues[0].path, 'body.postIds');
    const badDate = await as.safety!.post(url(A), newEmployee({ hireDate: '2024-02-30' }));
    assert.equal(badDate.statusCode, 400);
    assert.equal(badDate.data.error.issues[0].path, 'body.hireDate');
  });

  test('the unit leader of 一车间 sees only employees of 一车间 and the teams below it', async () => {
    const ws1 = units.get('生产部/一车间')!;
    const under = await tp.db.selectFrom('employees as e').innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
      .select('e.id').where('e.enterprise_id', '=', A).where('u.path', 'like', `%/${ws1}/%`).execute();
    const all = await as.principal!.get(`${url(A)}?pageSize=200`);
    const mine = await as.leader!.get(`${url(A)}?pageSize=200`);
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal(mine.data.total, under.length);
    assert.ok(under.length > 0 && under.length < all.data.total);
    assert.deepEqual(new Set(mine.data.items.map((i: { id: string }) => i.id)), new Set(under.map((u) => u.id)));
    assert.equal(mine.data.abilities.canManage, false);
    const outside = all.data.items.find((i: { id: string }) => !under.some((u) => u.id === i.id));
    assert.equal((await as.leader!.get(url(A, `/${outside.id}`))).statusCode, 404);
    assert.equal((await as.leader!.post(url(A), newEmployee())).statusCode, 403);
    const exported = await as.leader!.get(url(A, '/export'));
    assert.equal(exported.statusCode, 200);
    assert.equal((await workbookOf(exported)).getWorksheet('员工信息')!.actualRowCount - 1, under.length);
  });

  test('a manager of enterprise B gets 404 for everything of enterprise A', async () => {
    const b = as['b-safety']!;
    const someone = (await as.principal!.get(url(A))).data.items[0].id;
    assert.equal((await b.get(url(B))).statusCode, 200, 'its own enterprise works');
    assert.equal((await b.get(url(A))).statusCode, 404);
    assert.equal((await b.get(url(A, `/${someone}`))).statusCode, 404);
    assert.equal((await b.get(url(B, `/${someone}`))).statusCode, 404, 'A\'s employee through B\'s URL');
    assert.equal((await b.patch(url(A, `/${someone}`), { version: 1, name: 'x' })).statusCode, 404);
    assert.equal((await b.delete(url(A, `/${someone}`))).statusCode, 404);
    assert.equal((await b.post(url(A), newEmployee())).statusCode, 404);
    assert.equal((await b.get(url(A, '/export'))).statusCode, 404);
    assert.equal((await b.get(url(A, '/import-template'))).statusCode, 404);
    const tpl = await as.safety!.get(url(A, '/import-template'));
    const file = await fill(await workbookOf(tpl), [['某人', nextId(), '', '正式', '生产部', '', '']]);
    const res = await upload(b, url(A, '/import'), 'a.xlsx', file);
    assert.equal(res.statusCode, 404, res.body);
    const row = await tp.db.selectFrom('employees').select('enterprise_id').where('id', '=', someone).executeTakeFirstOrThrow();
    assert.equal(row.enterprise_id, A);
  });

  test('the 关上街道 officer reads enterprises in the subdistrict only; regulators may not write', async () => {
    assert.equal(ids.ownEnterprise.subdistrict_id, ids.subs[0]!.id);
    assert.equal((await as.guanshang!.get(url(A))).statusCode, 200);
    assert.equal((await as.guanshang!.get(url(B))).statusCode, 404);
    assert.equal((await as.guanshang!.get(url(B, '/export'))).statusCode, 404);
    assert.equal((await as.guanshang!.get(url(A, '/export'))).statusCode, 200);
    assert.equal((await as.zjj!.get(url(B))).statusCode, 200, '住建局 supervises construction');
    assert.equal((await as.zjj!.get(url(A))).statusCode, 404, '住建局 does not supervise chemicals');
    for (const u of ['yjj', 'zjj', 'guanshang']) {
      const res = await as[u]!.post(url(u === 'zjj' ? B : A), newEmployee());
      assert.equal(res.statusCode, 403, `${u}: ${res.body}`);
      assert.equal(res.data.error.code, 'FORBIDDEN');
    }
    assert.equal((await as.worker!.get(url(A))).statusCode, 403);
    const list = await as.yjj!.get(url(A));
    assert.deepEqual(list.data.abilities, { canManage: false, canImport: false, canExport: true });
  });

  test('import: the template round trip — strict refuses a file with one bad row, valid imports the good rows', async () => {
    const tpl = await as.safety!.get(url(A, '/import-template'));
    assert.equal(tpl.statusCode, 200);
    assert.equal(tpl.headers['content-type'], XLSX);
    assert.match(String(tpl.headers['content-disposition']), /^attachment; filename="[ -~]+"; filename\*=UTF-8''%[0-9A-F]{2}/);
    assert.match(decodeURIComponent(String(tpl.headers['content-disposition']).split("UTF-8''")[1]!), /^员工导入模板-昆明官渡精细化工有限公司\.xlsx$/);
    const wb = await workbookOf(tpl);
    const ws = wb.getWorksheet('员工信息')!;
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), COLUMNS.map((c) => c.header));
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['姓名', '身份证号', '手机号', '用工形式', '所属单位', '岗位', '入职日期', '入职前已培训', '入职前培训证明']);
    assert.equal(ws.getCell('D2').dataValidation?.type, 'list');
    assert.match(String(ws.getCell('D500').dataValidation?.formulae?.[0]), /正式,劳务派遣,临时,农民工,实习/);
    assert.ok(wb.getWorksheet('填写说明'), 'a guide sheet');
    assert.ok(wb.getWorksheet('单位与岗位')!.getColumn(1).values.includes('生产部/一车间/甲班'));

    const before = await tp.db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', A).executeTakeFirstOrThrow();
    // R-TRN-2 (issue 13): people put on posts were trained before joining (the last two columns); nobody new holds a
    // special-operation certificate yet, so 导入乙 takes two ordinary posts (the electrician's is refused, see certificates.test.ts).
    const prior = ['是', '2024年在原单位完成三级安全教育72学时'];
    const good = [
      ['导入甲', nextId(), '13900000011', '正式', '生产部/一车间/甲班', '操作工', new Date(Date.UTC(2024, 2, 1)), ...prior],
      ['导入乙', nextId().toLowerCase(), '', '劳务派遣', '生产部/一车间/甲班', '操作工、专职安全管理员', '2023/5/6', ...prior],
      ['导入丙', nextId(), '0871-63123456', '农民工', '昆明官渡精细化工有限公司', '主要负责人', null, ...prior],
    ];
    const badId = badCheckDigit(nextId());
    const rows = [good[0]!, ['坏行', badId, '13900000012', '临时', '一车间', '', ''], good[1]!, good[2]!];
    const file = await fill(wb, rows);

    const strict = await upload(as.safety!, url(A, '/import?mode=strict'), '员工.xlsx', file);
    assert.equal(strict.statusCode, 200, strict.body);
    assert.deepEqual({ ...strict.data, errors: undefined, message: undefined }, { total: 4, validCount: 3, errorCount: 1, imported: 0, errors: undefined, warnings: [], message: undefined });
    assert.deepEqual(strict.data.errors, [{ row: 3, column: '身份证号', message: '身份证号码格式或校验位不正确' }]);
    const afterStrict = await tp.db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', A).executeTakeFirstOrThrow();
    assert.equal(Number(afterStrict.n), Number(before.n), 'strict mode imported nothing');

    const valid = await upload(as.safety!, url(A, '/import?mode=valid'), '员工.xlsx', file);
    assert.equal(valid.statusCode, 200, valid.body);
    assert.equal(valid.data.imported, 3);
    assert.equal(valid.data.errorCount, 1);
    const imported = await tp.db.selectFrom('employees').selectAll().where('enterprise_id', '=', A).where('name', 'in', ['导入甲', '导入乙', '导入丙']).orderBy('name').execute();
    assert.equal(imported.length, 3);
    const yi = imported.find((e) => e.name === '导入乙')!;
    assert.equal(yi.employment_form, 'dispatched');
    assert.equal(yi.hire_date, '2023-05-06');
    assert.equal(imported.find((e) => e.name === '导入甲')!.hire_date, '2024-03-01', 'a date cell');
    assert.equal(yi.id_number_masked, `${String(good[1]![1]).slice(0, 6)}************`);
    assert.equal(yi.id_last4_hash, idLast4Hash(tp.config.appSecret, A, yi.id, String(good[1]![1]).toUpperCase().slice(-4)));
    const yiPosts = await tp.db.selectFrom('employee_posts as ep').innerJoin('posts as p', 'p.id', 'ep.post_id').select('p.name').where('ep.employee_id', '=', yi.id).execute();
    assert.deepEqual(yiPosts.map((p) => p.name).sort(), ['专职安全管理员', '操作工'].sort());
    const bing = imported.find((e) => e.name === '导入丙')!;
    assert.equal(bing.org_unit_id, await rootUnit(A));

    const audit = await tp.db.selectFrom('audit_log').selectAll().where('action', '=', 'employee.import').execute();
    assert.equal(audit.length, 1, 'one audit row for the whole import');
    assert.equal((audit[0]!.after as { count: number }).count, 3);
    assert.equal(audit[0]!.enterprise_id, A);
    const safetyUser = await tp.db.selectFrom('users').select('id').where('username', '=', 'safety').executeTakeFirstOrThrow();
    const outbox = await tp.db.selectFrom('outbox').select('payload').execute();
    const notes = outbox.map((o) => o.payload as { userId: string; titleKey: string; params: { count: number } }).filter((p) => p.titleKey === 'notify.import.title');
    assert.deepEqual(notes.map((n) => [n.userId, n.params.count]), [[safetyUser.id, 3]]);

    // The same file again: every good row is now a duplicate of a registered employee.
    const again = await upload(as.safety!, url(A, '/import?mode=valid'), '员工.xlsx', file);
    assert.equal(again.data.imported, 0);
    assert.equal(again.data.errors.filter((e: { message: string }) => e.message === '该身份证号码的员工已存在').length, 3);
  });

  test('import refuses files that are not .xlsx rosters', async () => {
    const txt = await upload(as.safety!, url(A, '/import'), 'list.txt', Buffer.from('姓名,身份证号'), 'text/plain');
    assert.equal(txt.statusCode, 415, txt.body);
    assert.equal(txt.data.error.code, 'UNSUPPORTED_FILE');
    assert.match(txt.data.error.message, /模板/);
    const garbage = await upload(as.safety!, url(A, '/import'), 'list.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    assert.equal(garbage.statusCode, 400, garbage.body);
    assert.equal(garbage.data.error.message, '无法读取文件，请使用下载的模板（.xlsx）');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    const header = await upload(as.safety!, url(A, '/import'), 'list.xlsx', Buffer.from(await other.xlsx.writeBuffer()));
    assert.equal(header.statusCode, 400);
    assert.match(header.data.error.message, /身份证号/);
    const empty = await upload(as.safety!, url(A, '/import'), 'list.xlsx', await fill(await workbookOf(await as.safety!.get(url(A, '/import-template'))), []));
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.data.error.message, '文件中没有数据行');
    const noFile = await as.safety!.post(url(A, '/import'), {});
    assert.equal(noFile.statusCode, 400);
    assert.equal((await upload(as.yjj!, url(A, '/import'), 'a.xlsx', Buffer.from('x'))).statusCode, 403);
  });

  test('export: the template layout with masked ID numbers, one row per matching employee, a dated file name', async () => {
    const res = await as.principal!.get(url(A, '/export?employmentForm=regular&status=active'));
    assert.equal(res.statusCode, 200);
    assert.match(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!), /^员工名单-昆明官渡精细化工有限公司-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const list = await as.principal!.get(`${url(A)}?employmentForm=regular&status=active&pageSize=1`);
    const ws = (await workbookOf(res)).getWorksheet('员工信息')!;
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1, 8), COLUMNS.slice(0, 7).map((c) => c.header));
    assert.equal(ws.actualRowCount - 1, list.data.total);
    for (let r = 2; r <= ws.actualRowCount; r++) {
      assert.match(String(ws.getCell(r, 2).value), /^\d{6}\*{12}$/);
      assert.equal(ws.getCell(r, 4).value, '正式');
    }
    const all = await as.admin!.get(url(A, '/export'));
    const total = (await as.admin!.get(url(A))).data.total;
    assert.equal((await workbookOf(all)).getWorksheet('员工信息')!.actualRowCount - 1, total);
  });

  test('list: filters by unit (with the units below), form and status; sorts; pages with a total', async () => {
    const ws1 = units.get('生产部/一车间')!;
    const inWs1 = await as.principal!.get(`${url(A)}?orgUnitId=${ws1}&pageSize=200`);
    const leader = await as.leader!.get(`${url(A)}?pageSize=200`);
    assert.equal(inWs1.data.total, leader.data.total);
    const page = await as.principal!.get(`${url(A)}?pageSize=5&page=2&sort=hireDate&order=desc`);
    assert.equal(page.data.items.length, 5);
    const dates = page.data.items.map((i: { hireDate: string | null }) => i.hireDate).filter(Boolean);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const beyond = await as.principal!.get(`${url(A)}?page=999`);
    assert.equal(beyond.data.items.length, 0);
    assert.equal(beyond.data.total, page.data.total);
    const left = await as.principal!.get(`${url(A)}?status=left`);
    assert.ok(left.data.items.every((i: { status: string }) => i.status === 'left'));
  });
});
