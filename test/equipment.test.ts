import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openOverdueHazards } from '../src/modules/management/equipment/equipment.service';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, onDemoDay, type TestPlatform } from './helpers';

// Issue 12 §5: the equipment register, special equipment's periodic inspection as a duty on the obligations engine,
// an overdue inspection opening one hidden hazard, the obsolete catalogue flag, the 机械化换人、自动化减人 projects with
// exact-decimal investment, and the regulators' list. Every route: enterprise B and another subdistrict get 404,
// roles without the permission 403, bad input 400 with a code.

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-03T02:00:00Z'); // 2026-12-03 10:00 China time
});
after(async () => { await t.close(); });

const url = (ent: FreshEnterprise, rest = '') => `/api/v1/enterprises/${ent.id}/equipment${rest}`;

async function register(ent: FreshEnterprise, body: Record<string, unknown>) {
  const res = await (await ent.login('safety')).post(url(ent), { code: `EQ-${Math.random().toString(36).slice(2, 8)}`, name: '设备', orgUnitId: ent.units.ws1, ...body });
  assert.equal(res.statusCode, 201, res.body);
  return res.data as { id: string; code: string; version: number; nextInspectionDue: string | null; inspectionState: string };
}

async function occurrences(ent: FreshEnterprise, equipmentId: string) {
  return t.db.selectFrom('obligation_occurrences').select(['due_on', 'status', 'record_type'])
    .select(sql<string>`due_on::text`.as('due')).where('enterprise_id', '=', ent.id).where('definition_key', '=', 'equipment.special_inspection')
    .where('subject_key', '=', equipmentId).orderBy('due_on').execute();
}

test('the demo chemical plant has eight pieces of equipment, three special (one due soon, one overdue), one obsolete-flagged, and a renovation project; the job opens the overdue one\'s hazard', async (c) => {
  // First in the file: the other tests run the overdue job over every enterprise. Read on the demo's own day (the suite
  // may reuse a demo loaded by an earlier process, under faketime at another date), not the file's fixed clock.
  await onDemoDay(t, c);
  const safety = await t.login('safety');
  const principal = await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'safety').executeTakeFirstOrThrow();
  const e = principal.enterprise_id!;
  const list = await safety.get(`/api/v1/enterprises/${e}/equipment?pageSize=50`);
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(list.data.counts, { total: 8, special: 3, overdue: 1, dueSoon: 1, obsolete: 1 });
  const linked = list.data.items.filter((i: { riskPointCount: number }) => i.riskPointCount > 0);
  assert.ok(linked.length >= 5, 'linked to the ledger\'s risk points');
  const projects = await safety.get(`/api/v1/enterprises/${e}/renovation-projects`);
  assert.ok(projects.data.totals.count >= 1);
  const overdue = list.data.items.find((i: { inspectionState: string }) => i.inspectionState === 'overdue');
  assert.equal(overdue.overdueHazardId, null, 'opened by the job, not by the load');
  const opened = await openOverdueHazards(t.db, t.clock.now);
  assert.ok(opened >= 1);
  const after = await safety.get(`/api/v1/enterprises/${e}/equipment/${overdue.id}`);
  assert.ok(after.data.overdueHazardId);
  assert.equal((await openOverdueHazards(t.db, t.clock.now)), 0);
});

test('a lift registered with its last inspection is due 12 months later [cfg], and that due day is a duty on the obligations engine', async () => {
  const ent = await makeEnterprise(t);
  const lift = await register(ent, { name: '货梯', type: '载货电梯', specialType: 'lift', registrationNo: '梯11云A0001(26)', lastInspectedOn: '2026-03-15' });
  assert.equal(lift.nextInspectionDue, '2027-03-15');
  assert.equal(lift.inspectionState, 'ok');
  const duties = await occurrences(ent, lift.id);
  assert.deepEqual(duties.map((d) => [d.due, d.status]), [['2027-03-15', 'upcoming']]);

  // The certificate's own date wins over the interval (a pressure vessel's safety grade sets its period).
  const vessel = await register(ent, { name: '储气罐', specialType: 'pressure_vessel', lastInspectedOn: '2026-01-10', nextInspectionDue: '2026-12-20' });
  assert.equal(vessel.nextInspectionDue, '2026-12-20');
  assert.equal(vessel.inspectionState, 'due_soon');
});

test('recording the inspection fulfils the duty in the same transaction and opens the next one; an older inspection is refused', async () => {
  const ent = await makeEnterprise(t);
  const crane = await register(ent, { name: '行车', specialType: 'crane', lastInspectedOn: '2025-01-05' });
  assert.equal(crane.nextInspectionDue, '2027-01-05');
  const safety = await ent.login('safety');
  const done = await safety.post(url(ent, `/${crane.id}/inspections`), { inspectedOn: '2026-12-01', result: 'pass', certificateNo: 'QZ-2026-118', version: crane.version });
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual([done.data.lastInspectedOn, done.data.nextInspectionDue, done.data.inspections.length], ['2026-12-01', '2028-12-01', 1]);
  const duties = await occurrences(ent, crane.id);
  assert.deepEqual(duties.map((d) => [d.due, d.status, d.record_type]), [['2027-01-05', 'fulfilled', 'equipment_inspection'], ['2028-12-01', 'upcoming', null]]);

  const older = await safety.post(url(ent, `/${crane.id}/inspections`), { inspectedOn: '2026-11-01', result: 'pass', version: done.data.version });
  assert.deepEqual([older.statusCode, older.data.error.reason], [409, 'OLDER_INSPECTION']);
  const stale = await safety.post(url(ent, `/${crane.id}/inspections`), { inspectedOn: '2026-12-02', result: 'pass', version: crane.version });
  assert.deepEqual([stale.statusCode, stale.data.error.reason], [409, 'STALE']);
  const future = await safety.post(url(ent, `/${crane.id}/inspections`), { inspectedOn: '2026-12-04', result: 'pass', version: done.data.version });
  assert.equal(future.statusCode, 400, future.body);
  assert.ok(future.data.error.issues.some((i: { path: string }) => i.path === 'body.inspectedOn'), future.body);

  const plain = await register(ent, { name: '离心泵' });
  const notSpecial = await safety.post(url(ent, `/${plain.id}/inspections`), { inspectedOn: '2026-12-01', result: 'pass', version: plain.version });
  assert.deepEqual([notSpecial.statusCode, notSpecial.data.error.reason], [409, 'NOT_SPECIAL']);
});

test('an overdue inspection opens one hidden hazard for its due day, however often the job runs; the next overdue day opens another', async () => {
  const ent = await makeEnterprise(t);
  const forklift = await register(ent, { name: '3号叉车', specialType: 'field_vehicle', registrationNo: '车11云A0003', lastInspectedOn: '2025-11-20', orgUnitId: ent.units.ws2 });
  assert.equal(forklift.nextInspectionDue, '2026-11-20');
  assert.equal(forklift.inspectionState, 'overdue');
  const hazardsOf = () => t.db.selectFrom('hazards').select(['id', 'title', 'status', 'org_unit_id', 'reported_by']).where('enterprise_id', '=', ent.id).execute();
  assert.equal((await hazardsOf()).length, 0);

  await openOverdueHazards(t.db, t.clock.now);
  await openOverdueHazards(t.db, t.clock.now);
  const open = await hazardsOf();
  assert.equal(open.length, 1);
  assert.match(open[0]!.title, /超期未检验.*3号叉车/);
  assert.deepEqual([open[0]!.status, open[0]!.org_unit_id, open[0]!.reported_by], ['reported', ent.units.ws2, null]);
  const detail = await (await ent.login('safety')).get(url(ent, `/${forklift.id}`));
  assert.equal(detail.data.overdueHazardId, open[0]!.id);
  // The managers see it in the hazard loop like any report.
  const seen = await (await ent.login('principal')).get(`/api/v1/enterprises/${ent.id}/hazards/${open[0]!.id}`);
  assert.equal(seen.statusCode, 200, seen.body);

  // Inspected late (the duty is fulfilled late), then the next due day passes too: a second hazard.
  const late = await (await ent.login('safety')).post(url(ent, `/${forklift.id}/inspections`), { inspectedOn: '2026-12-02', result: 'pass', nextDue: '2026-12-02' });
  assert.equal(late.statusCode, 400, late.body); // the next due day must come after the inspection
  const rec = await (await ent.login('safety')).post(url(ent, `/${forklift.id}/inspections`), { inspectedOn: '2026-12-02', result: 'pass', nextDue: '2026-12-10', version: detail.data.version });
  assert.equal(rec.statusCode, 200, rec.body);
  assert.deepEqual((await occurrences(ent, forklift.id)).map((d) => d.status), ['late_fulfilled', 'upcoming']);
  await openOverdueHazards(t.db, new Date('2026-12-10T10:00:00Z'));
  assert.equal((await hazardsOf()).length, 1, 'the due day itself is still in time');
  await openOverdueHazards(t.db, new Date('2026-12-10T16:30:00Z')); // 00:30 on 11 December, China time
  assert.equal((await hazardsOf()).length, 2);
});

test('[cfg] obsolete catalogue: equipment flagged by a catalogue item is counted and filtered; an item not in the catalogue is a 400', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const list0 = await safety.get(url(ent));
  assert.equal(list0.statusCode, 200, list0.body);
  const item = list0.data.catalogue.obsolete[0];
  assert.ok(item.source.length > 0, 'each default item names its source');
  const flagged = await register(ent, { name: '敞开式离心机', obsoleteItem: item.code });
  await register(ent, { name: '新离心机' });
  const bad = await safety.post(url(ent), { code: 'X-1', name: '设备', orgUnitId: ent.units.ws1, obsoleteItem: 'no-such-item' });
  assert.deepEqual([bad.statusCode, bad.data.error.code, bad.data.error.issues[0].path], [400, 'VALIDATION', 'body.obsoleteItem']);
  const list = await safety.get(url(ent, '?obsolete=yes'));
  assert.deepEqual(list.data.items.map((i: { id: string }) => i.id), [flagged.id]);
  assert.equal(list.data.items[0].obsolete.name, item.name);
  assert.equal(list.data.counts.obsolete, 1);
});

test('the register links risk points the caller sees, places equipment on a floor plan only with a plan, and refuses a duplicate code at the field', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const other = await makeEnterprise(t);
  const foreignPoint = await t.db.insertInto('risk_points').values({ enterprise_id: other.id, code: 'R-1', name: '外企风险点', kind: 'equipment', org_unit_id: other.units.ws1 }).returning('id').executeTakeFirstOrThrow();
  const ownPoint = await t.db.insertInto('risk_points').values({ enterprise_id: ent.id, code: 'R-1', name: '反应釜区', kind: 'equipment', org_unit_id: ent.units.ws1 }).returning('id').executeTakeFirstOrThrow();
  const linked = await register(ent, { code: 'FY-01', name: '反应釜', riskPointIds: [ownPoint.id], monitoringMeasures: '温度、压力远传监测，超温联锁切断进料' });
  const detail = await safety.get(url(ent, `/${linked.id}`));
  assert.deepEqual(detail.data.riskPoints.map((p: { name: string }) => p.name), ['反应釜区']);
  assert.equal(detail.data.monitoringMeasures, '温度、压力远传监测，超温联锁切断进料');
  const foreign = await safety.post(url(ent), { code: 'FY-02', name: '反应釜', orgUnitId: ent.units.ws1, riskPointIds: [foreignPoint.id] });
  assert.deepEqual([foreign.statusCode, foreign.data.error.issues[0].path], [400, 'body.riskPointIds']);
  const noPlan = await safety.post(url(ent), { code: 'FY-03', name: '反应釜', orgUnitId: ent.units.ws1, position: { type: 'marker', x: 0.2, y: 0.3 } });
  assert.deepEqual([noPlan.statusCode, noPlan.data.error.issues[0].path], [400, 'body.position']);
  const dup = await safety.post(url(ent), { code: 'FY-01', name: '另一台', orgUnitId: ent.units.ws1 });
  assert.deepEqual([dup.statusCode, dup.data.error.issues[0].path], [400, 'body.code']);
  const foreignUnit = await safety.post(url(ent), { code: 'FY-04', name: '反应釜', orgUnitId: other.units.ws1 });
  assert.deepEqual([foreignUnit.statusCode, foreignUnit.data.error.issues[0].path], [400, 'body.orgUnitId']);
  const edited = await safety.patch(url(ent, `/${linked.id}`), { riskPointIds: [], status: 'idle', version: linked.version });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.deepEqual([edited.data.riskPoints, edited.data.status], [[], 'idle']);
  const stale = await safety.patch(url(ent, `/${linked.id}`), { name: '改名', version: linked.version });
  assert.deepEqual([stale.statusCode, stale.data.error.reason], [409, 'STALE']);
});

test('renovation projects keep investment as exact decimal text and refuse numbers and floats', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const path = `/api/v1/enterprises/${ent.id}/renovation-projects`;
  const a = await safety.post(path, { name: '危化品自动化灌装线', year: 2026, kind: 'automation', investment: '1234567.89', peopleReduced: 6, status: 'completed' });
  assert.equal(a.statusCode, 201, a.body);
  assert.equal(a.data.investment, '1234567.89');
  const b = await safety.post(path, { name: '机械手码垛', year: 2026, kind: 'mechanisation', investment: '0.11', peopleReduced: 2, status: 'in_progress' });
  assert.equal(b.statusCode, 201, b.body);
  const list = await safety.get(path);
  assert.deepEqual(list.data.totals, { count: 2, investment: '1234568.00', peopleReduced: 8 });
  for (const investment of [1000, '1e6', '-1', '12.345', '']) {
    const bad = await safety.post(path, { name: 'x', year: 2026, kind: 'automation', investment, peopleReduced: 0, status: 'planned' });
    assert.equal(bad.statusCode, 400, `${investment}: ${bad.body}`);
    assert.equal(bad.data.error.issues[0].path, 'body.investment');
  }
  const edited = await safety.patch(`${path}/${a.data.id}`, { investment: '1300000', version: a.data.version });
  assert.equal(edited.data.investment, '1300000.00');
  const stale = await safety.patch(`${path}/${a.data.id}`, { investment: '1', version: a.data.version });
  assert.deepEqual([stale.statusCode, stale.data.error.reason], [409, 'STALE']);
});

test('the regulators list enterprises in scope with special equipment overdue and renovation figures; another subdistrict\'s are not there', async () => {
  const subs = await t.db.selectFrom('subdistricts').select('id').orderBy('code').execute();
  const mine = await makeEnterprise(t, { name: `设备监管甲${Date.now()}有限公司` });
  const elsewhere = await makeEnterprise(t, { subdistrictId: subs[1]!.id, name: `设备监管乙${Date.now()}有限公司` });
  for (const ent of [mine, elsewhere]) {
    await register(ent, { name: '锅炉', specialType: 'boiler', lastInspectedOn: '2025-10-01' });
    await register(ent, { name: '电梯', specialType: 'lift', lastInspectedOn: '2026-06-01' });
    const p = await (await ent.login('safety')).post(`/api/v1/enterprises/${ent.id}/renovation-projects`, { name: '自动化改造', year: 2026, kind: 'automation', investment: '500000.50', peopleReduced: 3, status: 'completed' });
    assert.equal(p.statusCode, 201, p.body);
  }
  const officer = await t.login('guanshang');
  const res = await officer.get('/api/v1/equipment-overview?overdue=yes&pageSize=200');
  assert.equal(res.statusCode, 200, res.body);
  const row = res.data.items.find((r: { enterpriseId: string }) => r.enterpriseId === mine.id);
  assert.deepEqual(row && [row.special, row.overdue, row.earliestOverdue, row.renovations, row.investment, row.peopleReduced], [2, 1, '2026-10-01', 1, '500000.50', 3]);
  assert.ok(!res.data.items.some((r: { enterpriseId: string }) => r.enterpriseId === elsewhere.id));
  const sorted = await officer.get('/api/v1/equipment-overview?sort=investment&order=desc&pageSize=200');
  assert.equal(sorted.statusCode, 200, sorted.body);
  const bad = await officer.get('/api/v1/equipment-overview?sort=secret');
  assert.equal(bad.statusCode, 400, bad.body);
  // The officer cannot open the other subdistrict's register, and an enterprise cannot see the regulators' list.
  const out = await officer.get(`/api/v1/enterprises/${elsewhere.id}/equipment`);
  assert.equal(out.statusCode, 404, out.body);
  const drill = await officer.get(`/api/v1/enterprises/${mine.id}/equipment?special=yes`);
  assert.deepEqual([drill.statusCode, drill.data.counts.overdue, drill.data.abilities.canCreate], [200, 1, false]);
  const ent = await (await mine.login('principal')).get('/api/v1/equipment-overview');
  assert.equal(ent.statusCode, 403, ent.body);
});

test('enterprise B cannot read or change A\'s equipment (404); an employee is refused (403); a unit leader sees his unit\'s equipment only', async () => {
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const inWs1 = await register(a, { code: 'A-1', name: '一车间泵', orgUnitId: a.units.team1 });
  const inWs2 = await register(a, { code: 'A-2', name: '二车间泵', orgUnitId: a.units.ws2 });
  const project = await (await a.login('safety')).post(`/api/v1/enterprises/${a.id}/renovation-projects`, { name: '改造', year: 2026, kind: 'automation', investment: '1', peopleReduced: 0, status: 'planned' });
  const bSafety = await b.login('safety');
  for (const [method, path, body] of [
    ['GET', url(a), undefined], ['GET', url(a, `/${inWs1.id}`), undefined], ['POST', url(a), { code: 'B-1', name: 'x', orgUnitId: a.units.ws1 }],
    ['PATCH', url(a, `/${inWs1.id}`), { name: 'x', version: 1 }], ['POST', url(a, `/${inWs1.id}/inspections`), { inspectedOn: '2026-12-01', result: 'pass', version: 1 }],
    ['GET', `/api/v1/enterprises/${a.id}/renovation-projects`, undefined], ['POST', `/api/v1/enterprises/${a.id}/renovation-projects`, { name: 'x', year: 2026, kind: 'automation', investment: '1', peopleReduced: 0, status: 'planned' }],
    ['PATCH', `/api/v1/enterprises/${a.id}/renovation-projects/${project.data.id}`, { name: 'x', version: 1 }],
  ] as const) {
    const res = await bSafety.request(method, path, body);
    assert.equal(res.statusCode, 404, `${method} ${path}: ${res.body}`);
  }
  const worker = await a.login('worker');
  assert.equal((await worker.get(url(a))).statusCode, 403);
  assert.equal((await worker.post(url(a), { code: 'W-1', name: 'x', orgUnitId: a.units.ws1 })).statusCode, 403);
  const leader = await a.login('leader');
  const list = await leader.get(url(a));
  assert.deepEqual(list.data.items.map((i: { id: string }) => i.id), [inWs1.id]);
  assert.equal(list.data.abilities.canCreate, false);
  assert.equal((await leader.get(url(a, `/${inWs2.id}`))).statusCode, 404);
  assert.equal((await leader.post(url(a), { code: 'L-1', name: 'x', orgUnitId: a.units.ws1 })).statusCode, 403);
});

test('retiring a special equipment withdraws its inspection duty and stops the overdue hazard; returning it to use reopens the duty', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const boiler = await register(ent, { name: '旧锅炉', specialType: 'boiler', lastInspectedOn: '2025-11-01' });
  assert.deepEqual((await occurrences(ent, boiler.id)).map((d) => d.status), ['overdue']);
  const retired = await safety.patch(url(ent, `/${boiler.id}`), { status: 'retired', version: boiler.version });
  assert.equal(retired.statusCode, 200, retired.body);
  assert.deepEqual((await occurrences(ent, boiler.id)).map((d) => d.status), ['waived']);
  assert.equal(retired.data.inspectionState, 'none');
  await openOverdueHazards(t.db, t.clock.now);
  assert.equal((await safety.get(url(ent, `/${boiler.id}`))).data.overdueHazardId, null);
  const back = await safety.patch(url(ent, `/${boiler.id}`), { status: 'in_use', version: retired.data.version });
  assert.equal(back.statusCode, 200, back.body);
  assert.deepEqual((await occurrences(ent, boiler.id)).map((d) => d.status), ['overdue']);
});
