import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { emergencyProfileOf, emergencyRequirementsOf, rescueReadiness } from '../src/modules/emergency';
import { sendRescueReminders } from '../src/modules/emergency/rescue/rescue.reminders';
import { agreementState, equipmentState, nextInspectionDue } from '../src/modules/emergency/rescue/rescue.rules';
import { addLocalDays, localDay } from '../src/platform/time';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, demoIds, type TestPlatform } from './helpers';

// Issue 14 §2, R-EMG-3: rescue organisation (teams and members; part-time rescuers and an agreement for small and micro
// units), emergency equipment with inspections, expiry and reminders, emergency contacts; the enterprise's
// requirements from its profile and the readiness indicator; roles (403), scope (404), bad input (400).

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-06-15T02:00:00Z'); // 10:00 local, Monday 15 June 2026
});
after(async () => { await t.close(); });

const today = () => localDay(t.clock.now);
const url = (ent: FreshEnterprise, rest: string) => `/api/v1/enterprises/${ent.id}/${rest}`;

/** A fresh enterprise of the industry, sized by its staff and revenue (万元). */
async function enterprise(industryCode: string, staff: number, revenueWan: number | null, flags: { crowdedVenue?: boolean; hazardousGoodsCarrier?: boolean } = {}) {
  const ent = await makeEnterprise(t, { industryCode });
  await t.db.updateTable('enterprises').set({
    employee_count: staff, annual_revenue_wan: revenueWan === null ? null : String(revenueWan),
    crowded_venue: flags.crowdedVenue ?? false, hazardous_goods_carrier: flags.hazardousGoodsCarrier ?? false,
  }).where('id', '=', ent.id).execute();
  return ent;
}

// ---- pure ----

test('equipment state: expired after its expiry day, overdue after its inspection day, due soon within the window, else ok', () => {
  const table: [string | null, string | null, string, number, string][] = [
    [null, null, '2026-06-15', 7, 'ok'],
    ['2026-06-15', null, '2026-06-15', 7, 'due_soon'],
    ['2026-06-14', null, '2026-06-15', 7, 'overdue'],
    ['2026-06-22', null, '2026-06-15', 7, 'due_soon'],
    ['2026-06-23', null, '2026-06-15', 7, 'ok'],
    [null, '2026-06-15', '2026-06-15', 7, 'due_soon'],
    [null, '2026-06-14', '2026-06-15', 7, 'expired'],
    ['2026-06-01', '2026-06-01', '2026-06-15', 7, 'expired'],
    ['2026-06-01', '2027-01-01', '2026-06-15', 7, 'overdue'],
  ];
  for (const [due, expires, day, soon, state] of table) assert.equal(equipmentState(due, expires, day, soon), state, `${due} ${expires} on ${day}`);
});

test('next inspection: last inspection + cycle; never inspected with a cycle is due the day it is recorded; no cycle, none', () => {
  assert.equal(nextInspectionDue('2026-05-31', 30, '2026-06-15'), '2026-06-30');
  assert.equal(nextInspectionDue('2026-12-15', 30, '2026-12-20'), '2027-01-14');
  assert.equal(nextInspectionDue(null, 30, '2026-06-15'), '2026-06-15');
  assert.equal(nextInspectionDue('2026-05-31', null, '2026-06-15'), null);
});

test('agreement state: future, valid, expiring within the window (its last day included), expired the day after', () => {
  const table: [string, string, string, string][] = [
    ['2026-07-01', '2027-06-30', '2026-06-15', 'future'],
    ['2026-01-01', '2026-12-31', '2026-06-15', 'valid'],
    ['2026-01-01', '2026-07-15', '2026-06-15', 'expiring'],
    ['2026-01-01', '2026-06-15', '2026-06-15', 'expiring'],
    ['2026-01-01', '2026-06-14', '2026-06-15', 'expired'],
  ];
  for (const [from, to, day, state] of table) assert.equal(agreementState(from, to, day, 30), state, `${from}–${to} on ${day}`);
});

// ---- profile, requirements, readiness ----

test('R-EMG-3: the profile reads the industry, categories, size class (RULES.md §8) and flags; requirements follow', async () => {
  const large = await enterprise('fireworks', 1200, 50_000);
  const p = await emergencyProfileOf(t.db, large.id);
  assert.ok(p);
  assert.equal(p.industryCode, 'fireworks');
  assert.ok(p.industryCategories.includes('rescue_org') && p.industryCategories.includes('drill_half_year'));
  assert.equal(p.sizeClass, 'large');
  assert.equal(p.highRisk, true);
  const r = await emergencyRequirementsOf(t.db, large.id);
  assert.ok(r);
  assert.deepEqual([r.rescueOrganisation, r.halfYearlyDrills, r.reportDrills, r.threeYearEvaluation, r.planReview], ['team', true, true, true, 'review']);
  assert.equal(r.rules.version, 0);

  const venue = await enterprise('commerce', 15, 50, { crowdedVenue: true });
  const v = (await emergencyRequirementsOf(t.db, venue.id))!;
  assert.equal(v.profile.sizeClass, 'micro');
  assert.deepEqual([v.rescueOrganisation, v.halfYearlyDrills, v.threeYearEvaluation, v.planReview], ['team_or_parttime', true, false, 'demonstration']);

  const plain = await enterprise('machinery', 15, 50);
  assert.equal((await rescueReadiness(t.db, plain.id, t.clock.now)).required, false);
  assert.equal(await emergencyProfileOf(t.db, '00000000-0000-4000-8000-000000000000'), null);
});

test('R-EMG-3: readiness — a team with members meets it; a small unit meets it with part-time rescuers and a valid agreement', async () => {
  const big = await enterprise('hazardous_chemicals', 500, 5_000);
  const safety = await big.login('safety');
  assert.deepEqual(await rescueReadiness(t.db, big.id, t.clock.now), { required: true, requirement: 'team', met: false, reasons: ['no_team'] });
  // Part-time rescuers do not count where a team is required.
  const pt = await safety.post(url(big, 'rescue-teams'), { name: '兼职救援人员', kind: 'parttime', members: [{ name: '张三' }] });
  assert.equal(pt.statusCode, 201, pt.body);
  assert.deepEqual((await rescueReadiness(t.db, big.id, t.clock.now)).reasons, ['no_team']);
  const team = await safety.post(url(big, 'rescue-teams'), { name: '应急救援队', kind: 'team', members: [] });
  assert.deepEqual((await rescueReadiness(t.db, big.id, t.clock.now)).reasons, ['no_members']);
  const upd = await safety.put(url(big, `rescue-teams/${team.data.id}`), { name: '应急救援队', kind: 'team', version: 1, members: [{ name: '李四', role: '队长', phone: '13800000000' }] });
  assert.equal(upd.statusCode, 200, upd.body);
  assert.equal(upd.data.version, 2);
  assert.deepEqual(await rescueReadiness(t.db, big.id, t.clock.now), { required: true, requirement: 'team', met: true, reasons: [] });

  const small = await enterprise('gas', 30, 500);
  const s2 = await small.login('safety');
  assert.deepEqual((await rescueReadiness(t.db, small.id, t.clock.now)).reasons, ['no_team', 'no_agreement']);
  const employee = await t.db.selectFrom('users').select('employee_id').where('id', '=', small.users.worker.id).executeTakeFirstOrThrow();
  await s2.post(url(small, 'rescue-teams'), { name: '兼职救援人员', kind: 'parttime', members: [{ employeeId: employee.employee_id, name: '一车间操作工', role: '兼职救援员' }] });
  assert.deepEqual((await rescueReadiness(t.db, small.id, t.clock.now)).reasons, ['no_agreement']);
  const old = await s2.post(url(small, 'rescue-agreements'), { counterpart: '官渡区危化品专业救援队', validFrom: '2025-01-01', validTo: '2026-06-14' });
  assert.equal(old.statusCode, 201, old.body);
  assert.equal(old.data.state, 'expired');
  assert.deepEqual((await rescueReadiness(t.db, small.id, t.clock.now)).reasons, ['agreement_expired']);
  const cur = await s2.post(url(small, 'rescue-agreements'), { counterpart: '官渡区危化品专业救援队', contactPhone: '0871-12345678', validFrom: '2026-06-15', validTo: '2027-06-14' });
  assert.equal(cur.data.state, 'valid');
  const ready = await rescueReadiness(t.db, small.id, t.clock.now);
  assert.deepEqual(ready, { required: true, requirement: 'team_or_parttime', met: true, reasons: [] });
  // The overview says the same, with the counts.
  const o = await s2.get(url(small, 'rescue-overview'));
  assert.equal(o.statusCode, 200, o.body);
  assert.equal(o.data.readiness.met, true);
  assert.equal(o.data.requirements.rescueOrganisation, 'team_or_parttime');
  assert.equal(o.data.counts.agreementsValid, 1);
  assert.equal(o.data.abilities.canManage, true);
});

// ---- roles, scope, bad input ----

test('roles: managers write; a worker, the unit leader and regulators read only (403); regulators outside the scope get 404', async () => {
  const ent = await enterprise('hazardous_chemicals', 100, 3_000);
  const safety = await ent.login('safety');
  const made = await safety.post(url(ent, 'rescue-contacts'), { kind: 'fire', name: '火警', phone: '119' });
  assert.equal(made.statusCode, 201, made.body);
  for (const who of ['worker', 'leader'] as const) {
    const c = await ent.login(who);
    assert.equal((await c.get(url(ent, 'rescue-contacts'))).statusCode, 200, who);
    const w = await c.post(url(ent, 'rescue-contacts'), { kind: 'fire', name: '火警', phone: '119' });
    assert.equal(w.statusCode, 403, who);
  }
  const yjj = await t.login('yjj');
  assert.equal((await yjj.get(url(ent, 'rescue-contacts'))).statusCode, 200);
  assert.equal((await yjj.get(url(ent, 'rescue-overview'))).statusCode, 200);
  assert.equal((await yjj.post(url(ent, 'rescue-contacts'), { kind: 'fire', name: '火警', phone: '119' })).statusCode, 403);
  const guanshang = await t.login('guanshang');
  assert.equal((await guanshang.get(url(ent, 'rescue-equipment'))).statusCode, 200);
  // The construction department does not supervise a chemical firm: not found.
  const zjj = await t.login('zjj');
  assert.equal((await zjj.get(url(ent, 'rescue-contacts'))).statusCode, 404);
  // An enterprise of another subdistrict is not the 关上 officer's.
  const taihe = await t.db.selectFrom('subdistricts').select('id').where('name', '=', '太和街道').executeTakeFirstOrThrow();
  const elsewhere = await makeEnterprise(t, { industryCode: 'hazardous_chemicals', subdistrictId: taihe.id });
  assert.equal((await guanshang.get(url(elsewhere, 'rescue-overview'))).statusCode, 404);
  assert.equal((await yjj.get(url(elsewhere, 'rescue-overview'))).statusCode, 200);
  // The district admin reads but is no manager of the enterprise.
  const admin = await t.login('admin');
  assert.equal((await admin.get(url(ent, 'rescue-teams'))).statusCode, 200);
  assert.equal((await admin.post(url(ent, 'rescue-teams'), { name: '队', kind: 'team' })).statusCode, 403);
});

test('scope: another enterprise\'s records are 404, through their own enterprise or another\'s path', async () => {
  const a = await enterprise('hazardous_chemicals', 100, 3_000);
  const b = await enterprise('hazardous_chemicals', 100, 3_000);
  const sa = await a.login('safety');
  const sb = await b.login('safety');
  const item = await sa.post(url(a, 'rescue-equipment'), { name: '正压式空气呼吸器', category: 'protection', quantity: 4, unit: '套' });
  assert.equal(item.statusCode, 201, item.body);
  assert.equal((await sb.get(url(a, 'rescue-equipment'))).statusCode, 404);
  assert.equal((await sb.put(url(a, `rescue-equipment/${item.data.id}`), { name: 'x', category: 'other', quantity: 1, version: 1 })).statusCode, 404);
  // B's path with A's id: not B's record.
  assert.equal((await sb.put(url(b, `rescue-equipment/${item.data.id}`), { name: 'x', category: 'other', quantity: 1, version: 1 })).statusCode, 404);
  assert.equal((await sb.delete(url(b, `rescue-equipment/${item.data.id}`))).statusCode, 404);
  assert.equal((await sb.post(url(b, `rescue-equipment/${item.data.id}/inspections`), { inspectedOn: today(), result: 'ok' })).statusCode, 404);
  // A member naming a person of another enterprise is refused at the field.
  const other = await t.db.selectFrom('users').select('employee_id').where('id', '=', b.users.worker.id).executeTakeFirstOrThrow();
  const bad = await sa.post(url(a, 'rescue-teams'), { name: '救援队', kind: 'team', members: [{ employeeId: other.employee_id, name: '他人' }] });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.data.error.issues[0].path, 'body.members.0.employeeId');
});

test('bad input: 400 at the field (negative or over-precise quantity, dates, end before start, future inspection, unknown kinds, stale version 409)', async () => {
  const ent = await enterprise('hazardous_chemicals', 100, 3_000);
  const safety = await ent.login('safety');
  const cases: [string, unknown, string][] = [
    ['rescue-equipment', { name: '灭火器', category: 'firefighting', quantity: -1 }, 'body.quantity'],
    ['rescue-equipment', { name: '灭火器', category: 'firefighting', quantity: 1.234 }, 'body.quantity'],
    ['rescue-equipment', { name: '灭火器', category: 'nope', quantity: 1 }, 'body.category'],
    ['rescue-equipment', { name: '灭火器', category: 'firefighting', quantity: 1, expiresOn: '2026-02-30' }, 'body.expiresOn'],
    ['rescue-equipment', { name: '灭火器', category: 'firefighting', quantity: 1, lastInspectedOn: addLocalDays(today(), 1) }, 'body.lastInspectedOn'],
    ['rescue-equipment', { name: '灭火器', category: 'firefighting', quantity: 1, position: { type: 'marker', x: 0.5, y: 0.5 } }, 'body.floorPlanId'],
    ['rescue-equipment', { name: '灭火器', category: 'firefighting', quantity: 1, floorPlanId: '00000000-0000-4000-8000-000000000000', position: { type: 'marker', x: 0.5, y: 0.5 } }, 'body.floorPlanId'],
    ['rescue-equipment', { name: '灭火器', category: 'firefighting', quantity: 1, position: { type: 'marker', x: 1.5, y: 0.5 } }, 'body.position.x'],
    ['rescue-equipment', { name: '', category: 'firefighting', quantity: 1 }, 'body.name'],
    ['rescue-agreements', { counterpart: '救援队', validFrom: '2026-06-15', validTo: '2026-06-14' }, 'body.validTo'],
    ['rescue-agreements', { counterpart: '救援队', validFrom: '2026-06-15', validTo: '2027-06-14', attachmentId: '00000000-0000-4000-8000-000000000000' }, 'body.attachmentId'],
    ['rescue-contacts', { kind: 'fire', name: '火警', phone: 'abc' }, 'body.phone'],
    ['rescue-contacts', { kind: 'martians', name: '火警', phone: '119' }, 'body.kind'],
    ['rescue-teams', { name: '队', kind: 'army' }, 'body.kind'],
  ];
  for (const [path, body, field] of cases) {
    const res = await safety.post(url(ent, path), body);
    assert.equal(res.statusCode, 400, `${path} ${JSON.stringify(body)}: ${res.body}`);
    assert.ok(res.data.error.issues.some((i: { path: string }) => i.path === field), `${field}: ${res.body}`);
  }
  const item = await safety.post(url(ent, 'rescue-equipment'), { name: '灭火器', category: 'firefighting', quantity: 10, inspectionCycleDays: 30 });
  const future = await safety.post(url(ent, `rescue-equipment/${item.data.id}/inspections`), { inspectedOn: addLocalDays(today(), 1), result: 'ok' });
  assert.equal(future.statusCode, 400);
  const stale = await safety.put(url(ent, `rescue-equipment/${item.data.id}`), { name: '灭火器', category: 'firefighting', quantity: 12, version: 9 });
  assert.equal(stale.statusCode, 409);
  assert.equal((await safety.get(url(ent, 'rescue-equipment/not-a-uuid'))).statusCode, 404);
  assert.equal((await safety.delete(url(ent, 'rescue-contacts/nope'))).statusCode, 400);
});

// ---- equipment, inspections, export ----

test('equipment: an inspection moves the last inspection and the next one; the attention filter and the .xlsx list follow', async () => {
  const ent = await enterprise('hazardous_chemicals', 100, 3_000);
  const safety = await ent.login('safety');
  const item = await safety.post(url(ent, 'rescue-equipment'), {
    name: '干粉灭火器', category: 'firefighting', quantity: 20, unit: '具', location: '一车间东门', inspectionCycleDays: 30, lastInspectedOn: '2026-05-01',
  });
  assert.equal(item.statusCode, 201, item.body);
  assert.equal(item.data.nextInspectionDue, '2026-05-31');
  assert.equal(item.data.state, 'overdue');
  await safety.post(url(ent, 'rescue-equipment'), { name: '急救箱', category: 'medical', quantity: 2, unit: '个', expiresOn: '2027-12-31' });
  const att = await safety.get(url(ent, 'rescue-equipment?state=attention'));
  assert.deepEqual(att.data.items.map((i: { name: string }) => i.name), ['干粉灭火器']);
  const done = await safety.post(url(ent, `rescue-equipment/${item.data.id}/inspections`), { inspectedOn: '2026-06-14', result: 'ok', note: '压力正常' });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.data.lastInspectedOn, '2026-06-14');
  assert.equal(done.data.nextInspectionDue, '2026-07-14');
  assert.equal(done.data.state, 'ok');
  // An older inspection recorded late does not move the last one back.
  const late = await safety.post(url(ent, `rescue-equipment/${item.data.id}/inspections`), { inspectedOn: '2026-06-01', result: 'ok' });
  assert.equal(late.data.lastInspectedOn, '2026-06-14');
  assert.equal((await t.db.selectFrom('rescue_equipment_inspections').select('id').where('equipment_id', '=', item.data.id).execute()).length, 2);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', item.data.id).execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['rescue.equipment.create', 'rescue.equipment.inspect', 'rescue.equipment.inspect']);

  const x = await safety.get(url(ent, 'rescue-equipment/export'));
  assert.equal(x.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const cells = ws.getSheetValues().flat().map(String);
  assert.ok(cells.includes('干粉灭火器') && cells.includes('消防器材') && cells.includes('急救箱'));
});

// ---- reminders ----

const dueNotes = (userId: string) => t.db.selectFrom('outbox').select('payload')
  .where(sql<boolean>`payload->>'kind' = 'rescue.due' and payload->>'userId' = ${userId}`).execute();

test('reminders: once a day per enterprise, to the safety managers, for inspections and expiries due within 7 days and the last agreement ending within 30', async () => {
  const ent = await enterprise('hazardous_chemicals', 100, 3_000);
  const safety = await ent.login('safety');
  // Due in 10 days: outside the 7-day window, no reminder yet.
  await safety.post(url(ent, 'rescue-equipment'), { name: '气体检测仪', category: 'detection', quantity: 2, inspectionCycleDays: 30, lastInspectedOn: addLocalDays(today(), -20) });
  await sendRescueReminders(t.db, t.clock.now);
  assert.equal((await dueNotes(ent.users.safety.id)).length, 0);
  // An agreement ending in 20 days, then renewed: the renewed one is not reminded, the last one is.
  await safety.post(url(ent, 'rescue-agreements'), { counterpart: '专业救援队', validFrom: '2025-07-06', validTo: addLocalDays(today(), 20) });
  // An item expiring in 3 days.
  await safety.post(url(ent, 'rescue-equipment'), { name: '防毒面具滤毒罐', category: 'protection', quantity: 10, expiresOn: addLocalDays(today(), 3) });
  assert.ok(await sendRescueReminders(t.db, t.clock.now) >= 1);
  const notes = await dueNotes(ent.users.safety.id);
  assert.equal(notes.length, 1);
  const payload = notes[0]!.payload as { params: Record<string, number>; link: string };
  assert.deepEqual(payload.params, { inspections: 0, expiring: 1, agreements: 1, days: 7, agreementDays: 30 });
  assert.equal(payload.link, '/rescue?tab=equipment&state=attention');
  assert.equal((await dueNotes(ent.users.principal.id)).length, 0);
  // The same day again: nothing more.
  await sendRescueReminders(t.db, t.clock.now);
  assert.equal((await dueNotes(ent.users.safety.id)).length, 1);
  // Four days later: the inspection is now within 7 days (due in 6), the item expired; the agreement still ends in 16.
  const later = new Date(t.clock.now.getTime() + 4 * 86_400_000);
  await sendRescueReminders(t.db, later);
  const again = await dueNotes(ent.users.safety.id);
  assert.equal(again.length, 2);
  const p2 = again.map((n) => (n.payload as { params: Record<string, number> }).params).find((p) => p.inspections === 1);
  assert.deepEqual(p2, { inspections: 1, expiring: 1, agreements: 1, days: 7, agreementDays: 30 });
  // A renewal following the agreement silences it.
  await safety.post(url(ent, 'rescue-agreements'), { counterpart: '专业救援队', validFrom: addLocalDays(today(), 21), validTo: addLocalDays(today(), 400) });
  const laterStill = new Date(t.clock.now.getTime() + 5 * 86_400_000);
  await sendRescueReminders(t.db, laterStill);
  const last = (await dueNotes(ent.users.safety.id)).map((n) => (n.payload as { params: Record<string, number> }).params).find((p) => p.agreements === 0);
  assert.ok(last, 'a reminder without the renewed agreement');
});

// ---- contacts and the workbench ----

test('contacts: listed in order with the enterprise name for the card; change with version, delete; workbench items for managers', async () => {
  const ent = await enterprise('hazardous_chemicals', 100, 3_000);
  const safety = await ent.login('safety');
  const a = await safety.post(url(ent, 'rescue-contacts'), { kind: 'hospital', name: '官渡区人民医院', phone: '0871-67171234', sort: 2 });
  await safety.post(url(ent, 'rescue-contacts'), { kind: 'fire', name: '火警', phone: '119', sort: 1 });
  const list = await safety.get(url(ent, 'rescue-contacts'));
  assert.equal(list.data.enterpriseName, ent.name);
  assert.deepEqual(list.data.items.map((c: { name: string }) => c.name), ['火警', '官渡区人民医院']);
  const upd = await safety.put(url(ent, `rescue-contacts/${a.data.id}`), { kind: 'hospital', name: '官渡区人民医院急诊', phone: '120', sort: 0, version: 1 });
  assert.equal(upd.statusCode, 200, upd.body);
  assert.equal((await safety.get(url(ent, 'rescue-contacts'))).data.items[0].name, '官渡区人民医院急诊');
  assert.equal((await safety.delete(url(ent, `rescue-contacts/${a.data.id}`))).statusCode, 200);
  assert.equal((await safety.get(url(ent, 'rescue-contacts'))).data.items.length, 1);

  const wb = await safety.get('/api/v1/workbench');
  assert.equal(wb.statusCode, 200);
  const keys = (wb.data.items as { key: string }[]).map((i) => i.key);
  assert.ok(keys.includes('rescue.notReady'), keys.join());
  const worker = await ent.login('worker');
  const wk = ((await worker.get('/api/v1/workbench')).data.items as { key: string }[]).map((i) => i.key);
  assert.ok(!wk.some((k) => k.startsWith('rescue.')));
});

test('equipment on the demo plant\'s floor plan: the point is kept with the plan; the demo\'s rescue organisation is in place', async () => {
  const { ownEnterprise } = await demoIds(t.db);
  const safety = await t.login('safety');
  const plan = await t.db.selectFrom('floor_plans').select('id').where('enterprise_id', '=', ownEnterprise.id).executeTakeFirstOrThrow();
  const res = await safety.post(`/api/v1/enterprises/${ownEnterprise.id}/rescue-equipment`, {
    name: '洗眼器', category: 'medical', quantity: 3, unit: '台', location: '罐区', floorPlanId: plan.id, position: { type: 'marker', x: 0.25, y: 0.75 },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual([res.data.floorPlanId, res.data.position], [plan.id, { type: 'marker', x: 0.25, y: 0.75 }]);
  const ready = await rescueReadiness(t.db, ownEnterprise.id, t.clock.now);
  assert.equal(ready.required, true);
  assert.equal(ready.met, true, JSON.stringify(ready));
  const contacts = await safety.get(`/api/v1/enterprises/${ownEnterprise.id}/rescue-contacts`);
  assert.ok(contacts.data.items.some((c: { phone: string }) => c.phone === '119'));
});

// ---- the regulators' district-wide list ----

test('regulators list the rescue organisation of the enterprises in their scope, filtered by what is missing, and export it', async () => {
  const tag = `救援监管${Math.random().toString(36).slice(2, 7)}`;
  const named = async (suffix: string, industryCode: string, staff: number, revenueWan: number, subdistrictId?: string) => {
    const ent = await makeEnterprise(t, { industryCode, name: `${tag}${suffix}有限公司`, ...(subdistrictId ? { subdistrictId } : {}) });
    await t.db.updateTable('enterprises').set({ employee_count: staff, annual_revenue_wan: String(revenueWan) }).where('id', '=', ent.id).execute();
    return ent;
  };
  // A chemical plant without a team; a small gas company whose only agreement has ended; a ready plant with an item
  // overdue for inspection; an office that needs no rescue organisation; a chemical plant of another subdistrict.
  const bare = await named('甲', 'hazardous_chemicals', 500, 5_000);
  const small = await named('乙', 'gas', 30, 500);
  const ready = await named('丙', 'hazardous_chemicals', 500, 5_000);
  const office = await named('丁', 'commerce', 20, 100);
  const taihe = await t.db.selectFrom('subdistricts').select('id').where('name', '=', '太和街道').executeTakeFirstOrThrow();
  const away = await named('戊', 'hazardous_chemicals', 500, 5_000, taihe.id);
  const s2 = await small.login('safety');
  assert.equal((await s2.post(url(small, 'rescue-teams'), { name: '兼职救援人员', kind: 'parttime', members: [{ name: '张三' }] })).statusCode, 201);
  assert.equal((await s2.post(url(small, 'rescue-agreements'), { counterpart: '专业救援队', validFrom: '2025-01-01', validTo: '2026-06-14' })).statusCode, 201);
  const s3 = await ready.login('safety');
  assert.equal((await s3.post(url(ready, 'rescue-teams'), { name: '应急救援队', kind: 'team', members: [{ name: '李四' }] })).statusCode, 201);
  const item = await s3.post(url(ready, 'rescue-equipment'), { name: '空气呼吸器', category: 'protection', quantity: 2, inspectionCycleDays: 30, lastInspectedOn: '2026-04-01' });
  assert.equal(item.statusCode, 201, item.body);

  const yjj = await t.login('yjj');
  const list = async (client: typeof yjj, query = '') => {
    const res = await client.get(`/api/v1/rescue-supervision?q=${encodeURIComponent(tag)}${query.includes('pageSize') ? '' : '&pageSize=50'}${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.data as { items: { name: string; requirement: string; met: boolean; reasons: string[]; agreementExpired: boolean; inspectionsOverdue: number; teams: number; members: number }[]; total: number; counts: Record<string, number> };
  };
  const all = await list(yjj);
  const row = <R extends { name: string }>(n: R[], ent: FreshEnterprise) => n.find((r) => r.name === ent.name);
  // The emergency bureau supervises chemicals (not gas, nor commerce): three of the five, in both subdistricts.
  assert.deepEqual(all.items.map((r) => r.name).sort(), [bare.name, ready.name, away.name].sort());
  assert.deepEqual(row(all.items, bare), { ...row(all.items, bare)!, requirement: 'team', met: false, reasons: ['no_team'] });
  assert.deepEqual(row(all.items, ready), { ...row(all.items, ready)!, met: true, reasons: [], inspectionsOverdue: 1, teams: 1 });
  assert.deepEqual(all.counts, { enterprises: 3, required: 3, missing: 2, agreementExpired: 0, inspectionOverdue: 1 });
  assert.deepEqual((await list(yjj, '&missing=true')).items.map((r) => r.name).sort(), [bare.name, away.name].sort());
  assert.deepEqual((await list(yjj, '&inspectionOverdue=true')).items.map((r) => r.name), [ready.name]);
  const paged = await list(yjj, '&pageSize=2&page=2');
  assert.equal(paged.total, 3);
  assert.equal(paged.items.length, 1);
  // The construction department supervises town gas: the small company, whose agreement has ended.
  const zjj = await t.login('zjj');
  const gas = await list(zjj);
  assert.deepEqual(gas.items.map((r) => r.name), [small.name]);
  assert.deepEqual(row(gas.items, small), { ...row(gas.items, small)!, requirement: 'team_or_parttime', met: false, reasons: ['agreement_expired'], agreementExpired: true, members: 1 });
  assert.deepEqual((await list(zjj, '&agreementExpired=true')).items.map((r) => r.name), [small.name]);
  assert.equal((await list(yjj, '&agreementExpired=true')).total, 0);

  // The subdistrict officer sees his subdistrict's enterprises, the office among them; the district admin all five.
  const guanshang = await t.login('guanshang');
  assert.deepEqual((await list(guanshang)).items.map((r) => r.name).sort(), [bare.name, small.name, ready.name, office.name].sort());
  assert.equal(row((await list(guanshang)).items, office)?.requirement, 'not_required');
  assert.equal((await list(await t.login('admin'))).total, 5);
  // An enterprise account reads its own page instead.
  assert.equal((await s3.get('/api/v1/rescue-supervision')).statusCode, 403);
  assert.equal((await yjj.get('/api/v1/rescue-supervision?missing=maybe')).statusCode, 400);

  const xlsx = await yjj.get(`/api/v1/rescue-supervision/export?q=${encodeURIComponent(tag)}&missing=true`);
  assert.equal(xlsx.statusCode, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const names: string[] = [];
  sheet.eachRow((r, i) => { if (i > 1) names.push(String(r.getCell(1).value)); });
  assert.deepEqual(names.sort(), [bare.name, away.name].sort());
});
