import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, onDemoDay, demoIds, type TestPlatform } from './helpers';

// Issue 12 §1, R-TEAM-1/2 [cfg]: the safety department, safety staff, registered safety engineers and outsourced safety
// management of an enterprise; the staffing check that says exactly what is missing; the regulators' list in scope.

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-03T02:00:00Z'); // 2026-12-03 10:00 China time
});
after(async () => { await t.close(); });

type Shortfall = { code: string; count: number; severity: string; rule: string; text: string };
const url = (ent: { id: string }, rest = '') => `/api/v1/enterprises/${ent.id}/staffing${rest}`;
const missing = (data: { check: { shortfalls: Shortfall[] } }) => data.check.shortfalls.map((s) => `${s.code}:${s.count}:${s.severity}`);
const employeeOf = async (ent: FreshEnterprise, who: keyof FreshEnterprise['users']) =>
  (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users[who].id).executeTakeFirstOrThrow()).employee_id!;

/** `n` more active employees on the roster, of every employment form in turn. */
async function hire(ent: FreshEnterprise, n: number): Promise<string[]> {
  const forms = ['regular', 'dispatched', 'temporary', 'migrant', 'intern'] as const;
  const rows = Array.from({ length: n }, (_, i) => ({
    enterprise_id: ent.id, name: `员工${i}`, id_number_masked: '5301**********0000', id_number_hash: `staffing-${randomUUID()}`,
    employment_form: forms[i % forms.length]!, org_unit_id: ent.units.team1,
  }));
  return (await t.db.insertInto('employees').values(rows).returning('id').execute()).map((r) => r.id);
}

test('R-TEAM-1/2: a small hazardous-chemical firm is told it needs 1 full-time safety officer and 1 registered engineer, and complies once both are recorded', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const first = await safety.get(url(ent));
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.data.headcount, 5);
  assert.equal(first.data.check.teamBasis, 'industry');
  assert.deepEqual(missing(first.data), ['FULL_TIME_STAFF:1:required', 'ENGINEER:1:required']);
  assert.deepEqual(first.data.check.shortfalls.map((s: Shortfall) => s.text), ['还需配备 1 名专职安全生产管理人员', '还需配备 1 名注册安全工程师']);
  assert.equal(first.data.check.compliant, false);
  assert.equal(first.data.abilities.canManage, true);
  // The managers' workbench says so, one line per shortfall, and opens this page.
  const workbench = async () => ((await safety.get('/api/v1/workbench')).data.items as { key: string; count: number; to: string }[]).find((i) => i.key === 'staffing.shortfall');
  assert.deepEqual(await workbench(), { ...(await workbench())!, count: 2, to: '/staffing' });
  // The same sentences in English for an English client.
  const en = await safety.get(url(ent), { 'accept-language': 'en-US' });
  assert.deepEqual(en.data.check.shortfalls.map((s: Shortfall) => s.text), ['Needs 1 more full-time safety officer', 'Needs 1 more registered safety engineer']);

  // A part-time officer does not meet it: a hazardous-chemical firm needs a full-time one at any size.
  const part = await safety.post(url(ent, '/staff'), { employeeId: await employeeOf(ent, 'leader'), kind: 'part_time', appointmentNo: '测〔2026〕1号', appointedOn: '2026-11-01' });
  assert.equal(part.statusCode, 201, part.body);
  assert.deepEqual(missing(part.data), ['FULL_TIME_STAFF:1:required', 'ENGINEER:1:required']);
  const full = await safety.post(url(ent, '/staff'), { employeeId: await employeeOf(ent, 'safety'), kind: 'full_time' });
  assert.equal(full.statusCode, 201, full.body);
  assert.deepEqual(missing(full.data), ['ENGINEER:1:required']);
  // An expired certificate does not count; a valid one does.
  const eng = await safety.post(url(ent, '/engineers'), { employeeId: await employeeOf(ent, 'safety'), certificateNo: `C-${randomUUID().slice(0, 8)}`, specialty: 'chemical', validUntil: '2026-12-02' });
  assert.equal(eng.statusCode, 201, eng.body);
  assert.deepEqual([eng.data.engineers[0].expired, eng.data.engineers[0].counted], [true, false]);
  assert.deepEqual(missing(eng.data), ['ENGINEER:1:required']);
  const renewed = await safety.patch(url(ent, `/engineers/${eng.data.engineers[0].id}`), { validUntil: '2029-12-31', version: eng.data.engineers[0].version });
  assert.equal(renewed.statusCode, 200, renewed.body);
  assert.deepEqual([missing(renewed.data), renewed.data.check.compliant], [[], true]);
  assert.equal(await workbench(), undefined);
  // A stale version is a conflict, not a silent overwrite.
  const stale = await safety.patch(url(ent, `/engineers/${eng.data.engineers[0].id}`), { specialty: 'other', version: eng.data.engineers[0].version });
  assert.equal(stale.statusCode, 409, stale.body);
});

test('R-TEAM-1: an outsourced safety-management engagement is shown but never counts as the department or staff', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'machinery' });
  const safety = await ent.login('safety');
  const before = await safety.get(url(ent));
  assert.deepEqual(missing(before.data), ['SAFETY_STAFF:1:required']);
  const outsourced = await safety.post(url(ent, '/engagements'), { institutionName: '云南某安全咨询有限公司', services: '安全管理托管', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  assert.equal(outsourced.statusCode, 201, outsourced.body);
  assert.deepEqual(outsourced.data.engagements.map((x: { institutionName: string; current: boolean }) => [x.institutionName, x.current]), [['云南某安全咨询有限公司', true]]);
  assert.deepEqual(missing(outsourced.data), ['SAFETY_STAFF:1:required']);
  assert.equal(outsourced.data.check.compliant, false);
  // A part-time officer of its own does meet it at 5 employees.
  const part = await safety.post(url(ent, '/staff'), { employeeId: await employeeOf(ent, 'worker'), kind: 'part_time' });
  assert.deepEqual([part.statusCode, part.data.check.compliant], [201, true]);
  // Removing the engagement changes nothing; removing the officer brings the shortfall back.
  const removed = await safety.delete(url(ent, `/engagements/${outsourced.data.engagements[0].id}`));
  assert.deepEqual([removed.statusCode, removed.data.engagements.length, removed.data.check.compliant], [200, 0, true]);
  const gone = await safety.delete(url(ent, `/staff/${part.data.staff[0].id}`));
  assert.deepEqual(missing(gone.data), ['SAFETY_STAFF:1:required']);
});

test('R-TEAM-1: headcount is the roster\'s active employees of every employment form; at 101 a department or full-time staff is needed, and a departed employee no longer counts', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'machinery' });
  const safety = await ent.login('safety');
  const hired = await hire(ent, 96); // 5 + 96 = 101
  await t.db.updateTable('enterprises').set({ employee_count: 80 }).where('id', '=', ent.id).execute();
  const part = await safety.post(url(ent, '/staff'), { employeeId: hired[0], kind: 'part_time' });
  assert.equal(part.statusCode, 201, part.body);
  assert.deepEqual([part.data.headcount, part.data.declaredHeadcount, part.data.check.teamBasis], [101, 80, 'size']);
  assert.deepEqual(missing(part.data), ['DEPARTMENT_OR_FULL_TIME:1:required']);
  assert.match(part.data.check.basisText, /101/);

  // One employee leaves: 100 employees, where a part-time officer is enough.
  await t.db.updateTable('employees').set({ status: 'left' }).where('enterprise_id', '=', ent.id).where('id', '=', hired[95]!).execute();
  const at100 = await safety.get(url(ent));
  assert.deepEqual([at100.data.headcount, at100.data.check.teamBasis, at100.data.check.compliant], [100, 'small', true]);

  // The part-time officer himself leaves: he stays listed but no longer counts.
  await t.db.updateTable('employees').set({ status: 'left' }).where('enterprise_id', '=', ent.id).where('id', '=', hired[0]!).execute();
  const left = await safety.get(url(ent));
  assert.deepEqual([left.data.headcount, left.data.staff[0].employeeActive, left.data.staff[0].counted], [99, false, false]);
  assert.deepEqual(missing(left.data), ['SAFETY_STAFF:1:required']);
  // The regulators' list keeps the same figures without counting the roster: the headcount, and the officer no longer counted.
  const admin = await t.login('admin');
  const row = async () => (await admin.get(`/api/v1/staffing?q=${encodeURIComponent(ent.name)}`)).data.items[0] as { headcount: number; partTime: number; compliant: boolean };
  assert.deepEqual(await row(), { ...(await row()), headcount: 99, partTime: 0, compliant: false });
  await t.db.updateTable('employees').set({ status: 'active' }).where('enterprise_id', '=', ent.id).where('id', '=', hired[0]!).execute();
  assert.deepEqual(await row(), { ...(await row()), headcount: 100, partTime: 1, compliant: true });
  await t.db.updateTable('employees').set({ status: 'left' }).where('enterprise_id', '=', ent.id).where('id', '=', hired[0]!).execute();
  await t.db.deleteFrom('employees').where('enterprise_id', '=', ent.id).where('id', '=', hired[1]!).execute();
  assert.equal((await row()).headcount, 98);
  await hire(ent, 1);
  // Nor can someone who has left be appointed.
  const refused = await safety.post(url(ent, '/staff'), { employeeId: hired[95], kind: 'full_time' });
  assert.deepEqual([refused.statusCode, refused.data.error.issues[0].path], [400, 'body.employeeId']);

  // A department meets the rule at 101 again.
  await hire(ent, 2);
  const dept = await safety.put(url(ent, '/department'), { name: '安全生产管理部', documentNo: '机〔2026〕9号', establishedOn: '2026-06-01' });
  assert.equal(dept.statusCode, 200, dept.body);
  assert.deepEqual([dept.data.headcount, dept.data.department.name, dept.data.check.compliant], [101, '安全生产管理部', true]);
});

test('cross-tenant: another enterprise\'s safety manager gets 404 for the organisation and for every record of it', async () => {
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const sa = await a.login('safety');
  const sb = await b.login('safety');
  const made = await sa.post(url(a, '/staff'), { employeeId: await employeeOf(a, 'safety'), kind: 'full_time' });
  assert.equal(made.statusCode, 201, made.body);
  const staffId = made.data.staff[0].id as string;
  assert.equal((await sb.get(url(a))).statusCode, 404);
  assert.equal((await sb.put(url(a, '/department'), { name: '他企机构' })).statusCode, 404);
  assert.equal((await sb.delete(url(a, `/staff/${staffId}`))).statusCode, 404);
  // A's record through B's own path is not found either.
  assert.equal((await sb.patch(url(b, `/staff/${staffId}`), { kind: 'part_time', version: 1 })).statusCode, 404);
  assert.equal((await sb.delete(url(b, `/staff/${staffId}`))).statusCode, 404);
  // B cannot appoint A's employee.
  const foreign = await sb.post(url(b, '/staff'), { employeeId: await employeeOf(a, 'worker'), kind: 'full_time' });
  assert.deepEqual([foreign.statusCode, foreign.data.error.issues[0].path], [400, 'body.employeeId']);
  assert.equal((await sa.get(url(a))).data.staff.length, 1);
});

test('wrong role: employees and unit leaders cannot read or change the organisation (403); regulators read it but do not change it', async () => {
  const ent = await makeEnterprise(t);
  const worker = await ent.login('worker');
  const leader = await ent.login('leader');
  for (const c of [worker, leader]) {
    const read = await c.get(url(ent));
    assert.deepEqual([read.statusCode, read.data.error.code], [403, 'FORBIDDEN']);
    assert.equal((await c.post(url(ent, '/staff'), { employeeId: await employeeOf(ent, 'worker'), kind: 'full_time' })).statusCode, 403);
  }
  const officer = await t.login('guanshang');
  const read = await officer.get(url(ent));
  assert.deepEqual([read.statusCode, read.data.abilities.canManage], [200, false]);
  assert.equal((await officer.put(url(ent, '/department'), { name: '街道代设' })).statusCode, 403);
  assert.equal((await (await ent.login('safety')).get('/api/v1/staffing')).statusCode, 403);
});

test('bad input is a 400 naming the field: unknown employee, impossible date, unknown specialty, end before start, duplicate appointment', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const me = await employeeOf(ent, 'safety');
  const cases: [string, string, object, string][] = [
    ['/staff', 'POST', { employeeId: randomUUID(), kind: 'full_time' }, 'body.employeeId'],
    ['/staff', 'POST', { employeeId: me, kind: 'temporary' }, 'body.kind'],
    ['/staff', 'POST', { employeeId: me, kind: 'full_time', appointedOn: '2026-02-30' }, 'body.appointedOn'],
    ['/engineers', 'POST', { employeeId: me, certificateNo: 'X1', specialty: 'fire', validUntil: '2028-01-01' }, 'body.specialty'],
    ['/engineers', 'POST', { employeeId: me, certificateNo: '', specialty: 'chemical', validUntil: '2028-01-01' }, 'body.certificateNo'],
    ['/engagements', 'POST', { institutionName: '某机构', startsOn: '2026-06-01', endsOn: '2026-05-31' }, 'body.endsOn'],
    ['/department', 'PUT', { name: '' }, 'body.name'],
  ];
  for (const [rest, method, body, path] of cases) {
    const res = await safety.request(method, url(ent, rest), body);
    assert.equal(res.statusCode, 400, `${rest} ${JSON.stringify(body)}: ${res.body}`);
    assert.equal(res.data.error.code, 'VALIDATION');
    assert.ok(res.data.error.issues.some((i: { path: string }) => i.path === path), `${path} in ${res.body}`);
    assert.ok(!/body\.|staffing\./.test(res.data.error.issues[0].message), res.body);
  }
  assert.equal((await safety.post(url(ent, '/staff'), { employeeId: me, kind: 'full_time' })).statusCode, 201);
  const twice = await safety.post(url(ent, '/staff'), { employeeId: me, kind: 'part_time' });
  assert.deepEqual([twice.statusCode, twice.data.error.issues[0].path], [400, 'body.employeeId']);
  const cert = `DUP-${randomUUID().slice(0, 6)}`;
  assert.equal((await safety.post(url(ent, '/engineers'), { employeeId: me, certificateNo: cert, specialty: 'chemical', validUntil: '2028-01-01' })).statusCode, 201);
  const dupCert = await safety.post(url(ent, '/engineers'), { employeeId: await employeeOf(ent, 'principal'), certificateNo: cert, specialty: 'chemical', validUntil: '2028-01-01' });
  assert.deepEqual([dupCert.statusCode, dupCert.data.error.issues[0].path], [400, 'body.certificateNo']);
  const badSort = await t.login('admin').then((c) => c.get('/api/v1/staffing?sort=credit'));
  assert.equal(badSort.statusCode, 400);
});

test('regulator scope: a subdistrict officer lists only the enterprises located in his subdistrict, with what each lacks, and gets 404 for another subdistrict\'s', async () => {
  const subs = await t.db.selectFrom('subdistricts').select(['id', 'name']).orderBy('code').execute();
  const tag = `配备${randomUUID().slice(0, 6)}`;
  const mine = await makeEnterprise(t, { name: `${tag}甲化工有限公司`, subdistrictId: subs[0]!.id });
  const other = await makeEnterprise(t, { name: `${tag}乙化工有限公司`, subdistrictId: subs[1]!.id });
  const officer = await t.login('guanshang'); // 关上街道, the first subdistrict
  const list = await officer.get(`/api/v1/staffing?q=${encodeURIComponent(tag)}`);
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(list.data.items.map((i: { enterpriseId: string }) => i.enterpriseId), [mine.id]);
  assert.deepEqual(list.data.items[0].shortfalls.map((s: Shortfall) => s.text), ['还需配备 1 名专职安全生产管理人员', '还需配备 1 名注册安全工程师']);
  assert.equal((await officer.get(url(other))).statusCode, 404);
  // His workbench counts the enterprises of his subdistrict that fall short, opening the filtered list.
  const wb = ((await officer.get('/api/v1/workbench')).data.items as { key: string; count: number; to: string }[]).find((i) => i.key === 'staffing.nonCompliant');
  const short = await officer.get('/api/v1/staffing?compliant=no&pageSize=1');
  assert.deepEqual([wb?.count, wb?.to], [short.data.total, '/staffing/overview?compliant=no']);
  assert.ok(short.data.total >= 1);
  // The district admin sees both.
  const admin = await t.login('admin');
  const all = await admin.get(`/api/v1/staffing?q=${encodeURIComponent(tag)}&sort=subdistrict`);
  assert.deepEqual(all.data.items.map((i: { enterpriseId: string }) => i.enterpriseId), [mine.id, other.id]);
});

test('R-TEAM-1/2 the regulators\' list decides compliance in SQL exactly as the check does, filters the non-compliant and counts both', async () => {
  const tag = `比对${randomUUID().slice(0, 6)}`;
  const admin = await t.login('admin');
  const made: FreshEnterprise[] = [];
  const setups: [string, (e: FreshEnterprise) => Promise<void>][] = [
    ['machinery', async () => undefined],
    ['machinery', async (e) => { await admin.post(url(e, '/staff'), { employeeId: await employeeOf(e, 'worker'), kind: 'part_time' }); }],
    ['construction', async (e) => { await admin.post(url(e, '/staff'), { employeeId: await employeeOf(e, 'worker'), kind: 'part_time' }); }],
    ['construction', async (e) => { await admin.put(url(e, '/department'), { name: '安全部' }); }],
    ['hazardous_chemicals', async (e) => {
      await admin.post(url(e, '/staff'), { employeeId: await employeeOf(e, 'safety'), kind: 'full_time' });
      await admin.post(url(e, '/engineers'), { employeeId: await employeeOf(e, 'safety'), certificateNo: `Q-${randomUUID().slice(0, 8)}`, specialty: 'chemical', validUntil: '2030-01-01' });
    }],
    ['hazardous_chemicals', async (e) => {
      await admin.post(url(e, '/staff'), { employeeId: await employeeOf(e, 'safety'), kind: 'full_time' });
      await hire(e, 50); // 55 employees: 2% asks 2 full-time
      await admin.post(url(e, '/engineers'), { employeeId: await employeeOf(e, 'safety'), certificateNo: `Q-${randomUUID().slice(0, 8)}`, specialty: 'chemical', validUntil: '2030-01-01' });
    }],
    ['road_transport', async (e) => { await admin.post(url(e, '/staff'), { employeeId: await employeeOf(e, 'safety'), kind: 'full_time' }); }],
  ];
  for (const [i, [industryCode, setup]] of setups.entries()) {
    const e = await makeEnterprise(t, { industryCode, name: `${tag}${i}号企业` });
    await setup(e);
    made.push(e);
  }
  const list = await admin.get(`/api/v1/staffing?q=${encodeURIComponent(tag)}&pageSize=50`);
  assert.equal(list.statusCode, 200, list.body);
  type Item = { enterpriseId: string; name: string; compliant: boolean; shortfalls: Shortfall[] };
  const items = list.data.items as Item[];
  assert.equal(items.length, setups.length);
  for (const item of items) {
    const detail = await admin.get(url({ id: item.enterpriseId }));
    assert.equal(item.compliant, detail.data.check.compliant, item.name);
    assert.equal(item.compliant, !item.shortfalls.some((s) => s.severity === 'required'), item.name);
    assert.deepEqual(item.shortfalls.map((s) => s.code), detail.data.check.shortfalls.map((s: Shortfall) => s.code), item.name);
  }
  assert.deepEqual(items.map((i) => i.compliant), [false, true, false, true, true, false, true]);
  // The road-transport firm is advised, not obliged, to employ an engineer.
  assert.deepEqual(items[6]!.shortfalls.map((s) => `${s.code}:${s.severity}`), ['ENGINEER:advised']);
  assert.deepEqual(list.data.counts, { total: 7, compliant: 4, nonCompliant: 3 });
  const bad = await admin.get(`/api/v1/staffing?q=${encodeURIComponent(tag)}&compliant=no&pageSize=2`);
  assert.deepEqual([bad.data.total, bad.data.items.length, bad.data.counts.total], [3, 2, 7]);
  assert.ok((bad.data.items as Item[]).every((i) => !i.compliant));
  const past = await admin.get(`/api/v1/staffing?q=${encodeURIComponent(tag)}&compliant=no&pageSize=2&page=3`);
  assert.deepEqual([past.data.total, past.data.items.length, past.data.counts], [3, 0, { total: 7, compliant: 4, nonCompliant: 3 }]);
  const byHeadcount = await admin.get(`/api/v1/staffing?q=${encodeURIComponent(tag)}&sort=headcount&order=desc`);
  assert.equal(byHeadcount.data.items[0].enterpriseId, made[5]!.id);
});

/** A multipart upload of one file with the given text fields. */
function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--b\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  chunks.push(Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n--b--\r\n'));
  return [Buffer.concat(chunks), { 'content-type': 'multipart/form-data; boundary=b' }] as const;
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('an appointment document is attached to its officer, read by the managers and regulators in scope, 404 across enterprises, and goes with the appointment', async () => {
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const safety = await a.login('safety');
  const made = await safety.post(url(a, '/staff'), { employeeId: await employeeOf(a, 'safety'), kind: 'full_time', appointmentNo: '任〔2026〕3号' });
  const staffId = made.data.staff[0].id as string;
  const up = await safety.request('POST', url(a, '/files'), ...multipart({ owner: 'staff', ownerId: staffId }, { name: '任命文件.pdf', type: 'application/pdf', data: PDF }));
  assert.equal(up.statusCode, 201, up.body);
  const fileId = up.data.ids[0] as string;
  const seen = await safety.get(url(a));
  assert.deepEqual(seen.data.staff[0].files.map((f: { id: string }) => f.id), [fileId]);
  assert.equal((await safety.get(url(a, `/files/${fileId}`))).statusCode, 200);
  assert.equal((await (await t.login('guanshang')).get(url(a, `/files/${fileId}`))).statusCode, 200);
  assert.equal((await (await a.login('worker')).get(url(a, `/files/${fileId}`))).statusCode, 403);
  const other = await b.login('safety');
  assert.equal((await other.get(url(a, `/files/${fileId}`))).statusCode, 404);
  assert.equal((await other.get(url(b, `/files/${fileId}`))).statusCode, 404);
  assert.equal((await other.delete(url(b, `/files/${fileId}`))).statusCode, 404);
  // A file for a record of another enterprise, or for no record, is refused.
  const foreign = await other.request('POST', url(b, '/files'), ...multipart({ owner: 'staff', ownerId: staffId }, { name: 'x.pdf', type: 'application/pdf', data: PDF }));
  assert.equal(foreign.statusCode, 404, foreign.body);
  const noOwner = await safety.request('POST', url(a, '/files'), ...multipart({ owner: 'boss' }, { name: 'x.pdf', type: 'application/pdf', data: PDF }));
  assert.deepEqual([noOwner.statusCode, noOwner.data.error.issues[0].path], [400, 'body.owner']);
  // Removing the appointment removes its document.
  assert.equal((await safety.delete(url(a, `/staff/${staffId}`))).statusCode, 200);
  assert.equal((await safety.get(url(a, `/files/${fileId}`))).statusCode, 404);
});

test('the demo chemical plant has its department, staff, an outsourced consultancy and a lapsed engineer certificate, so its check asks for an engineer', async (c) => {
  // Read on the demo's own day, not the file's fixed clock.
  await onDemoDay(t, c);
  const { ownEnterprise } = await demoIds(t.db);
  const safety = await t.login('safety');
  const res = await safety.get(url(ownEnterprise));
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.data.department.name, '安全环保部');
  assert.deepEqual(res.data.staff.map((s: { kind: string }) => s.kind).sort(), ['full_time', 'part_time']);
  assert.equal(res.data.engagements.length, 1);
  assert.deepEqual([res.data.engineers.length, res.data.engineers[0].expired], [1, true]);
  assert.deepEqual(missing(res.data), ['ENGINEER:1:required']);
});

test('R-TRN-2: a safety officer appointed without the safety qualification owes it from the appointment, at once; a corrected date moves the due day', async () => {
  const ent = await makeEnterprise(t); // hazardous chemicals: a qualification industry by default
  const safety = await ent.login('safety');
  const leader = await employeeOf(ent, 'leader');
  const owed = () => t.db.selectFrom('obligation_occurrences').select(['due_on', 'status'])
    .where('enterprise_id', '=', ent.id).where('definition_key', '=', 'certificate.safety_qualification').where('subject_key', '=', `${leader}:sq-manager`)
    .orderBy('due_on').execute();
  assert.deepEqual(await owed(), [], 'nothing before the appointment');
  // Appointed on 1 November: 183 days on (the rule-set's default) is 3 May 2027. No daily job has run.
  const made = await safety.post(url(ent, '/staff'), { employeeId: leader, kind: 'part_time', appointedOn: '2026-11-01' });
  assert.equal(made.statusCode, 201, made.body);
  assert.deepEqual(await owed(), [{ due_on: '2027-05-03', status: 'upcoming' }]);
  // The date corrected to 1 October: one open duty, due 2 April; the one of the old day is withdrawn (waived).
  const staff = made.data.staff.find((s: { employeeId: string }) => s.employeeId === leader);
  const moved = await safety.patch(url(ent, `/staff/${staff.id}`), { appointedOn: '2026-10-01', version: staff.version });
  assert.equal(moved.statusCode, 200, moved.body);
  const after = await owed();
  assert.deepEqual(after, [{ due_on: '2027-04-02', status: 'upcoming' }, { due_on: '2027-05-03', status: 'waived' }]);
  // Removed from the post, he owes it no longer: the open duty is withdrawn (waived), with its history.
  const removed = await safety.delete(url(ent, `/staff/${staff.id}`));
  assert.equal(removed.statusCode, 200, removed.body);
  assert.deepEqual(await owed(), [{ due_on: '2027-04-02', status: 'waived' }, { due_on: '2027-05-03', status: 'waived' }]);
  const note = await t.db.selectFrom('obligation_history as h').innerJoin('obligation_occurrences as o', 'o.id', 'h.occurrence_id')
    .select('h.note').where('o.enterprise_id', '=', ent.id).where('o.subject_key', '=', `${leader}:sq-manager`).where('o.due_on', '=', '2027-04-02')
    .where('h.action', '=', 'cancel').executeTakeFirst();
  assert.equal(note?.note, '已不再担任该职务');
  // The safety manager's own account makes him one anyway: removed as an officer, he still owes it (one open duty).
  const manager = (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users.safety.id).executeTakeFirstOrThrow()).employee_id!;
  const appointed = await safety.post(url(ent, '/staff'), { employeeId: manager, kind: 'full_time', appointedOn: '2026-11-01' });
  assert.equal(appointed.statusCode, 201, appointed.body);
  const own = appointed.data.staff.find((s: { employeeId: string }) => s.employeeId === manager);
  assert.equal((await safety.delete(url(ent, `/staff/${own.id}`))).statusCode, 200);
  const stillOwed = await t.db.selectFrom('obligation_occurrences').select('status').where('enterprise_id', '=', ent.id)
    .where('subject_key', '=', `${manager}:sq-manager`).where('status', 'in', ['upcoming', 'due']).execute();
  assert.equal(stillOwed.length, 1, 'his account still makes him a safety manager');
  // An officer with the certificate already owes nothing.
  const holder = (await hire(ent, 1))[0]!;
  const cert = await safety.post(`/api/v1/enterprises/${ent.id}/certificates`, {
    employeeId: holder, kind: 'safety_qualification', typeCode: 'sq-manager', number: `SQ-${randomUUID().slice(0, 8)}`, issuedOn: '2026-01-05', issuer: '昆明市应急管理局',
  });
  assert.equal(cert.statusCode, 201, cert.body);
  assert.equal((await safety.post(url(ent, '/staff'), { employeeId: holder, kind: 'full_time' })).statusCode, 201);
  const holderDuties = await t.db.selectFrom('obligation_occurrences').select('id').where('enterprise_id', '=', ent.id)
    .where('subject_key', '=', `${holder}:sq-manager`).execute();
  assert.equal(holderDuties.length, 0);
});

test('R-TRN-2: an account made safety manager owes the qualification at once; losing the role or being disabled withdraws it', async () => {
  const ent = await makeEnterprise(t); // hazardous chemicals: a qualification industry by default
  const admin = await t.login('admin');
  const [person, other] = await hire(ent, 2);
  const duties = (employeeId: string) => t.db.selectFrom('obligation_occurrences').select(['due_on', 'status'])
    .where('enterprise_id', '=', ent.id).where('subject_key', 'in', [`${employeeId}:sq-manager`, `${employeeId}:sq-principal`]).orderBy('due_on').execute();
  // Created on 3 December 2026 (the platform's day) as safety manager: 183 days on is 4 June 2027. No daily job has run.
  const created = await admin.post('/api/v1/users', {
    username: `sq${randomUUID().slice(0, 8)}`, displayName: '新任安全员', role: 'safety_manager', enterpriseId: ent.id, employeeId: person!,
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual(await duties(person!), [{ due_on: '2027-06-04', status: 'upcoming' }]);
  // Made an ordinary employee: the duty is withdrawn, with its reason.
  const demoted = await admin.patch(`/api/v1/users/${created.data.user.id}`, { role: 'employee' });
  assert.equal(demoted.statusCode, 200, demoted.body);
  assert.deepEqual(await duties(person!), [{ due_on: '2027-06-04', status: 'waived' }]);
  // Made safety manager again: the same day's duty opens again (one occurrence per person and day).
  assert.equal((await admin.patch(`/api/v1/users/${created.data.user.id}`, { role: 'safety_manager' })).statusCode, 200);
  assert.deepEqual(await duties(person!), [{ due_on: '2027-06-04', status: 'upcoming' }], 'the withdrawn one reopened, no second one');
  // Disabled: withdrawn. An account for someone else (another person of the roster) moves the duty to him.
  assert.equal((await admin.patch(`/api/v1/users/${created.data.user.id}`, { disabled: true })).statusCode, 200);
  assert.deepEqual(await duties(person!), [{ due_on: '2027-06-04', status: 'waived' }]);
  assert.equal((await admin.patch(`/api/v1/users/${created.data.user.id}`, { disabled: false, employeeId: other! })).statusCode, 200);
  assert.deepEqual((await duties(person!)).filter((d) => d.status !== 'waived'), []);
  assert.deepEqual(await duties(other!), [{ due_on: '2027-06-04', status: 'upcoming' }], 'his months run from the account\'s day');
});

test('R-TRN-2: an employee\'s account made safety manager months later owes the qualification from that day, not from the account\'s making', async () => {
  const ent = await makeEnterprise(t);
  const admin = await t.login('admin');
  const [person] = await hire(ent, 1);
  const created = await admin.post('/api/v1/users', {
    username: `sq${randomUUID().slice(0, 8)}`, displayName: '操作工', role: 'employee', enterpriseId: ent.id, employeeId: person!,
  });
  assert.equal(created.statusCode, 201, created.body);
  const was = t.clock.now;
  try {
    // Nine months on, past the 183 days counted from the account's making (4 June 2027): the role's own day counts.
    t.clock.now = new Date('2027-09-01T02:00:00Z');
    const promoted = await admin.patch(`/api/v1/users/${created.data.user.id}`, { role: 'safety_manager' });
    assert.equal(promoted.statusCode, 200, promoted.body);
    const owed = await t.db.selectFrom('obligation_occurrences').select(['due_on', 'status']).where('enterprise_id', '=', ent.id)
      .where('subject_key', '=', `${person}:sq-manager`).execute();
    assert.deepEqual(owed, [{ due_on: '2028-03-02', status: 'upcoming' }]);
    // Renaming him later does not start the months again.
    t.clock.now = new Date('2027-10-08T02:00:00Z');
    assert.equal((await admin.patch(`/api/v1/users/${created.data.user.id}`, { displayName: '安全员' })).statusCode, 200);
    const since = await t.db.selectFrom('users').select('role_since').where('id', '=', created.data.user.id).executeTakeFirstOrThrow();
    assert.equal(since.role_since.toISOString(), '2027-09-01T02:00:00.000Z');
  } finally {
    t.clock.now = was;
  }
});
