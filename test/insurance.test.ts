import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { hashPassword } from '../src/platform/auth/password';
import { refreshInsurerScope } from '../src/modules/management/insurance/insurance.service';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, onDemoDay, type Client, type TestPlatform } from './helpers';

// Issue 12 §4, R-INS-1: the district's safety-liability insurance (安责险) platform — policies entered by the insurer's
// staff, confirmed (and then frozen) by the enterprise, checked against the roster; the insurer's scope follows its
// policies in force; the regulators' coverage list; work-injury coverage; the renewal duty.

let t: TestPlatform;
let insurer: Client;
before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-03T02:00:00Z'); // 2026-12-03 10:00 China time
  insurer = await t.login('insurer');
});
after(async () => { await t.close(); });

const api = (p: string) => `/api/v1${p}`;
let serial = 0;

async function creditCodeOf(ent: FreshEnterprise): Promise<string> {
  return (await t.db.selectFrom('enterprises').select('credit_code').where('id', '=', ent.id).executeTakeFirstOrThrow()).credit_code;
}

/** An employee of the roster in a given employment form (the factory's five are regular). */
async function addEmployee(ent: FreshEnterprise, name: string, form: 'regular' | 'dispatched' | 'temporary' | 'migrant' | 'intern') {
  return (await t.db.insertInto('employees').values({
    enterprise_id: ent.id, name, id_number_masked: '5301**********0000', id_number_hash: `ins-${randomUUID()}`, employment_form: form, org_unit_id: ent.units.team1,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

async function rosterIds(ent: FreshEnterprise): Promise<string[]> {
  return (await t.db.selectFrom('employees').select('id').where('enterprise_id', '=', ent.id).where('status', '=', 'active').orderBy('id').execute()).map((r) => r.id);
}

/** A second insurer with one staff account, to prove one insurer never sees another's policies or enterprises. */
async function otherInsurer(): Promise<Client> {
  const inst = await t.db.insertInto('institutions').values({ kind: 'insurer', name: `测试保险${++serial}` }).returning('id').executeTakeFirstOrThrow();
  const district = await t.db.selectFrom('districts').select('id').executeTakeFirstOrThrow();
  const username = `ins_${randomUUID().slice(0, 8)}`;
  await t.db.insertInto('users').values({
    username, display_name: '另一保险公司', role: 'insurer_staff', password_hash: await hashPassword(DEMO_PASSWORD), must_change_password: false,
    district_id: district.id, institution_id: inst.id,
  }).execute();
  return t.login(username);
}

type PolicyBody = { enterpriseId: string; policyNumber: string; startsOn: string; endsOn: string; premium: string; premiumPaidBy: 'unit' | 'staff'; people: { employeeId: string; cover: string }[] };

async function policyBody(ent: FreshEnterprise, over: Partial<PolicyBody> = {}): Promise<PolicyBody> {
  return {
    enterpriseId: ent.id, policyNumber: `AZX-${randomUUID().slice(0, 12)}`, startsOn: '2026-12-01', endsOn: '2027-11-30', premium: '1200.50',
    premiumPaidBy: 'unit', people: (await rosterIds(ent)).map((employeeId) => ({ employeeId, cover: '400000' })), ...over,
  };
}

async function enter(body: PolicyBody, who: Client = insurer) {
  const r = await who.post(api('/insurance/policies'), body);
  assert.equal(r.statusCode, 201, r.body);
  return r.data as { id: string; version: number; status: string };
}

async function confirm(ent: FreshEnterprise, p: { id: string; version: number }, who: 'safety' | 'principal' = 'safety') {
  const r = await (await ent.login(who)).post(api(`/enterprises/${ent.id}/liability-policies/${p.id}/confirm`), { version: p.version });
  assert.equal(r.statusCode, 200, r.body);
  return r.data;
}

/**
 * One day of the platform at 10:00 China time, and the hourly job that keeps the insurers' scope on the clock (run by
 * its handler: a whole tick would also expire the test's sessions, which live in real time).
 */
async function dayOf(d: string) {
  t.clock.now = new Date(`${d}T02:00:00Z`);
  await refreshInsurerScope(t.db, t.clock.now);
}

test('R-INS-1 the insurer finds an enterprise of the district by its exact credit code, and nothing by a near one', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'construction' });
  const code = await creditCodeOf(ent);
  const found = await insurer.get(api(`/insurance/enterprise-lookup?creditCode=${code.toLowerCase()}`));
  assert.equal(found.statusCode, 200, found.body);
  assert.deepEqual([found.data.id, found.data.creditCode, found.data.mandatory], [ent.id, code, true]);
  const near = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
  assert.equal((await insurer.get(api(`/insurance/enterprise-lookup?creditCode=${near}`))).statusCode, 404);
  const bad = await insurer.get(api('/insurance/enterprise-lookup?creditCode=12345'));
  assert.equal(bad.statusCode, 400, bad.body);
  assert.equal(bad.data.error.issues[0].path, 'querystring.creditCode');
  // Only an insurer's staff look enterprises up this way.
  for (const who of ['safety', 'principal'] as const) {
    assert.equal((await (await ent.login(who)).get(api(`/insurance/enterprise-lookup?creditCode=${code}`))).statusCode, 403, who);
  }
  assert.equal((await (await t.login('service')).get(api(`/insurance/enterprise-lookup?creditCode=${code}`))).statusCode, 403);
  // A machinery plant is not obliged to hold 安责险 (R-INS-1 [cfg]).
  const mach = await makeEnterprise(t, { industryCode: 'machinery' });
  assert.equal((await insurer.get(api(`/insurance/enterprise-lookup?creditCode=${await creditCodeOf(mach)}`))).data.mandatory, false);
});

test('R-INS-1 an insurer enters a policy, the managers are told, the enterprise confirms it and from then on it never changes', async () => {
  const ent = await makeEnterprise(t);
  const p = await enter(await policyBody(ent));
  assert.equal(p.status, 'pending');
  const told = await t.db.selectFrom('outbox').select('payload').where(sql<boolean>`payload->>'titleKey' = 'insurance.notify.entered.title'`)
    .where(sql<boolean>`payload->>'userId' in (${sql.join([ent.users.principal.id, ent.users.safety.id])})`).execute();
  assert.equal(told.length, 2);

  // Pending: the insurer may still correct it; the enterprise sees it with its check and may confirm.
  const edited = await insurer.patch(api(`/insurance/policies/${p.id}`), { premium: '1300', version: p.version });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.data.premium, '1300.00');
  const seen = await (await ent.login('safety')).get(api(`/enterprises/${ent.id}/liability-policies/${p.id}`));
  assert.equal(seen.statusCode, 200, seen.body);
  assert.deepEqual([seen.data.abilities.canConfirm, seen.data.abilities.canEdit, seen.data.check.compliant], [true, false, true]);
  const stale = await (await ent.login('safety')).post(api(`/enterprises/${ent.id}/liability-policies/${p.id}/confirm`), { version: p.version });
  assert.deepEqual([stale.statusCode, stale.data.error.code], [409, 'CONFLICT']);
  const done = await confirm(ent, edited.data, 'principal');
  assert.equal(done.status, 'confirmed');
  assert.ok(done.confirmedAt);

  // Confirmed: neither the insurer nor a second confirmation changes it, nor SQL behind the service's back.
  const again = await insurer.patch(api(`/insurance/policies/${p.id}`), { premium: '1', version: done.version });
  assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'POLICY_CONFIRMED']);
  const twice = await (await ent.login('safety')).post(api(`/enterprises/${ent.id}/liability-policies/${p.id}/confirm`), { version: done.version });
  assert.deepEqual([twice.statusCode, twice.data.error.reason], [409, 'POLICY_CONFIRMED']);
  await assert.rejects(sql`update liability_policies set premium = 1 where id = ${p.id}`.execute(t.db), /confirmed/);
  await assert.rejects(sql`delete from liability_policy_people where policy_id = ${p.id}`.execute(t.db), /confirmed/);
  await assert.rejects(sql`delete from liability_policies where id = ${p.id}`.execute(t.db), /confirmed/);
  const row = await sql<{ premium: string; n: number }>`select premium::text as premium, (select count(*)::int from liability_policy_people where policy_id = ${p.id}) as n
    from liability_policies where id = ${p.id}`.execute(t.db);
  assert.deepEqual(row.rows[0], { premium: '1300.00', n: 5 });
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', p.id).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['insurance.policy.create', 'insurance.policy.update', 'insurance.policy.confirm']);
});

test('R-INS-1 an uninsured dispatched worker fails the enterprise\'s check and is named; insuring him passes it', async () => {
  const ent = await makeEnterprise(t);
  const dispatched = await addEmployee(ent, '派遣工张三', 'dispatched');
  const everyone = await rosterIds(ent);
  const p = await enter(await policyBody(ent, { people: everyone.filter((id) => id !== dispatched).map((employeeId) => ({ employeeId, cover: '500000' })) }));
  await confirm(ent, p);
  const o = await (await ent.login('safety')).get(api(`/enterprises/${ent.id}/insurance`));
  assert.equal(o.statusCode, 200, o.body);
  assert.deepEqual([o.data.mandatory, o.data.compliance.compliant, o.data.compliance.reasons], [true, false, ['UNINSURED']]);
  assert.deepEqual(o.data.compliance.uninsured.map((u: { id: string; employmentForm: string }) => [u.id, u.employmentForm]), [[dispatched, 'dispatched']]);
  assert.equal(o.data.current.id, p.id);
  // The managers' workbench flags it.
  const wb = await (await ent.login('principal')).get(api('/workbench'));
  assert.ok(wb.data.items.some((i: { key: string; count: number }) => i.key === 'insurance.missing' && i.count === 1), wb.body);

  // A second policy (the insurer's correction, confirmed) that also names him is current and compliant.
  const full = await enter(await policyBody(ent, { startsOn: '2026-12-02', people: everyone.map((employeeId) => ({ employeeId, cover: '500000' })) }));
  await confirm(ent, full);
  const after = await (await ent.login('safety')).get(api(`/enterprises/${ent.id}/insurance`));
  assert.deepEqual([after.data.current.id, after.data.compliance.compliant], [full.id, true]);
});

test('R-INS-1 a cover below the [cfg] minimum, unequal covers and a premium paid by the staff each fail the check', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'road_transport' });
  const ids = await rosterIds(ent);
  const p = await enter(await policyBody(ent, {
    premiumPaidBy: 'staff', people: ids.map((employeeId, i) => ({ employeeId, cover: i === 0 ? '300000' : '399999.99' })),
  }));
  await confirm(ent, p);
  const o = await (await ent.login('safety')).get(api(`/enterprises/${ent.id}/insurance`));
  assert.deepEqual(o.data.compliance.reasons, ['UNEQUAL_COVER', 'COVER_BELOW_MINIMUM', 'PREMIUM_BY_STAFF']);
  assert.deepEqual(o.data.compliance.cover, { min: '300000.00', max: '399999.99' });
  assert.equal(o.data.compliance.minCover, '400000.00');
});

test('insurer scope follows the policy\'s period: before it starts 404, during it visible, after it ends 404 again', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'fireworks' });
  const rival = await otherInsurer();
  const p = await enter(await policyBody(ent, { startsOn: '2026-12-10', endsOn: '2026-12-20' }));
  // Pending: the insurer reaches its own policy, never the enterprise itself.
  assert.equal((await insurer.get(api(`/enterprises/${ent.id}`))).statusCode, 404);
  assert.equal((await insurer.get(api(`/insurance/policies/${p.id}`))).statusCode, 200);
  await confirm(ent, p);
  // Confirmed, but the period has not started.
  assert.equal((await insurer.get(api(`/enterprises/${ent.id}`))).statusCode, 404);
  assert.equal((await insurer.post(api(`/enterprises/${ent.id}/hazards`), { title: '仓库照明损坏', location: '成品库' })).statusCode, 404);
  try {
    await dayOf('2026-12-10');
    assert.equal((await insurer.get(api(`/enterprises/${ent.id}`))).statusCode, 200);
    const report = await insurer.post(api(`/enterprises/${ent.id}/hazards`), { title: '成品库消防通道堆放杂物', location: '成品库' });
    assert.equal(report.statusCode, 201, report.body);
    assert.equal((await rival.get(api(`/enterprises/${ent.id}`))).statusCode, 404, 'another insurer never sees it');
    const list = await insurer.get(api('/enterprises?pageSize=200'));
    assert.ok(list.data.items.some((e: { id: string }) => e.id === ent.id));
    await dayOf('2026-12-20');
    assert.equal((await insurer.get(api(`/enterprises/${ent.id}`))).statusCode, 200, 'the last day is covered');
    await dayOf('2026-12-21');
    assert.equal((await insurer.get(api(`/enterprises/${ent.id}`))).statusCode, 404);
    assert.equal((await insurer.post(api(`/enterprises/${ent.id}/hazards`), { title: '仓库照明损坏', location: '成品库' })).statusCode, 404);
  } finally {
    await dayOf('2026-12-03');
  }
});

test('an insurer never sees an enterprise without a policy of its own in force, whatever the old hand-kept link says', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'hazardous_chemicals' });
  const inst = await t.db.selectFrom('users').select('institution_id').where('username', '=', 'insurer').executeTakeFirstOrThrow();
  await t.db.insertInto('institution_enterprises').values({ institution_id: inst.institution_id!, enterprise_id: ent.id }).execute();
  assert.equal((await insurer.get(api(`/enterprises/${ent.id}`))).statusCode, 404);
  const list = await insurer.get(api('/enterprises?pageSize=200'));
  assert.ok(!list.data.items.some((e: { id: string }) => e.id === ent.id));
  // Every enterprise the insurer sees is one of its policies in force.
  const inForce = new Set((await sql<{ enterprise_id: string }>`select enterprise_id from liability_policies where institution_id = ${inst.institution_id} and in_force`.execute(t.db)).rows.map((r) => r.enterprise_id));
  assert.ok(list.data.items.length > 0);
  for (const e of list.data.items as { id: string }[]) assert.ok(inForce.has(e.id), e.id);
  // A service institution keeps its hand-kept link.
  const service = await t.login('service');
  const served = await t.db.selectFrom('institution_enterprises as ie').innerJoin('users as u', 'u.institution_id', 'ie.institution_id')
    .select('ie.enterprise_id').where('u.username', '=', 'service').executeTakeFirstOrThrow();
  assert.equal((await service.get(api(`/enterprises/${served.enterprise_id}`))).statusCode, 200);
});

test('one insurer cannot read, edit or list another insurer\'s policy, nor the roster behind it (404)', async () => {
  const ent = await makeEnterprise(t);
  const p = await enter(await policyBody(ent));
  const rival = await otherInsurer();
  assert.equal((await rival.get(api(`/insurance/policies/${p.id}`))).statusCode, 404);
  assert.equal((await rival.get(api(`/insurance/policies/${p.id}/roster`))).statusCode, 404);
  assert.equal((await rival.patch(api(`/insurance/policies/${p.id}`), { premium: '1', version: p.version })).statusCode, 404);
  const theirs = await rival.get(api('/insurance/policies'));
  assert.equal(theirs.data.total, 0);
  const mine = await insurer.get(api(`/insurance/policies?q=${encodeURIComponent(ent.name)}`));
  assert.deepEqual(mine.data.items.map((i: { id: string }) => i.id), [p.id]);
  // The roster, for the owner of the pending policy: every active employee.
  const roster = await insurer.get(api(`/insurance/policies/${p.id}/roster`));
  assert.equal(roster.statusCode, 200, roster.body);
  assert.equal(roster.data.items.length, 5);
});

test('enterprise B cannot read or confirm enterprise A\'s policy (404); other roles are refused (403)', async () => {
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const p = await enter(await policyBody(a));
  const bSafety = await b.login('safety');
  assert.equal((await bSafety.get(api(`/enterprises/${a.id}/insurance`))).statusCode, 404);
  assert.equal((await bSafety.get(api(`/enterprises/${a.id}/liability-policies/${p.id}`))).statusCode, 404);
  assert.equal((await bSafety.post(api(`/enterprises/${a.id}/liability-policies/${p.id}/confirm`), { version: p.version })).statusCode, 404);
  assert.equal((await bSafety.get(api(`/enterprises/${b.id}/liability-policies/${p.id}`))).statusCode, 404, 'not through its own enterprise either');
  assert.equal((await bSafety.put(api(`/enterprises/${a.id}/work-injury-coverage`), { items: [{ employeeId: (await rosterIds(a))[0], covered: true }] })).statusCode, 404);
  for (const who of ['worker', 'leader'] as const) {
    const c = await a.login(who);
    assert.equal((await c.get(api(`/enterprises/${a.id}/insurance`))).statusCode, 403, who);
    assert.equal((await c.post(api(`/enterprises/${a.id}/liability-policies/${p.id}/confirm`), { version: p.version })).statusCode, 403, who);
  }
  const safety = await a.login('safety');
  assert.equal((await safety.post(api('/insurance/policies'), await policyBody(a))).statusCode, 403);
  assert.equal((await safety.get(api('/insurance/coverage'))).statusCode, 403);
  assert.equal((await insurer.get(api(`/enterprises/${a.id}/insurance`))).statusCode, 403);
  assert.equal((await insurer.post(api(`/enterprises/${a.id}/liability-policies/${p.id}/confirm`), { version: p.version })).statusCode, 403);
  const officer = await t.login('guanshang');
  assert.equal((await officer.post(api(`/enterprises/${a.id}/liability-policies/${p.id}/confirm`), { version: p.version })).statusCode, 403);
  assert.equal((await officer.post(api('/insurance/policies'), await policyBody(a))).statusCode, 403);
  // Still pending.
  assert.equal((await insurer.get(api(`/insurance/policies/${p.id}`))).data.status, 'pending');
});

test('bad input is a 400 naming the field: money as a number or with three decimals, a reversed period, a person twice or not on the roster, a policy number reused', async () => {
  const ent = await makeEnterprise(t);
  const other = await makeEnterprise(t);
  const good = await policyBody(ent);
  const cases: [string, unknown, string][] = [
    ['premium as a JSON number', { ...good, premium: 1200.5 }, 'body.premium'],
    ['premium with three decimals', { ...good, premium: '1200.505' }, 'body.premium'],
    ['a negative premium', { ...good, premium: '-1' }, 'body.premium'],
    ['a zero cover', { ...good, people: [{ employeeId: good.people[0]!.employeeId, cover: '0' }] }, 'body.people.0.cover'],
    ['the end before the start', { ...good, startsOn: '2026-12-10', endsOn: '2026-12-09' }, 'body.endsOn'],
    ['a date that does not exist', { ...good, startsOn: '2026-02-30' }, 'body.startsOn'],
    ['who paid, unknown', { ...good, premiumPaidBy: 'boss' }, 'body.premiumPaidBy'],
    ['a person twice', { ...good, people: [...good.people, good.people[0]] }, 'body.people'],
    ['someone of another enterprise', { ...good, people: [{ employeeId: (await rosterIds(other))[0], cover: '400000' }] }, 'body.people.0.employeeId'],
  ];
  for (const [name, body, path] of cases) {
    const r = await insurer.post(api('/insurance/policies'), body);
    assert.equal(r.statusCode, 400, `${name}: ${r.body}`);
    assert.equal(r.data.error.code, 'VALIDATION', name);
    assert.ok(r.data.error.issues.some((i: { path: string }) => i.path === path), `${name}: ${r.body}`);
  }
  const money = await insurer.post(api('/insurance/policies'), { ...good, premium: '1200.505' });
  assert.match(money.data.error.issues[0].message, /两位小数/);
  await enter(good);
  const dup = await insurer.post(api('/insurance/policies'), { ...good });
  assert.deepEqual([dup.statusCode, dup.data.error.issues[0]?.path], [400, 'body.policyNumber']);
  assert.equal((await insurer.post(api('/insurance/policies'), { ...good, enterpriseId: randomUUID(), policyNumber: 'X-1' })).statusCode, 404);
  assert.equal((await insurer.get(api('/insurance/policies/not-a-uuid'))).statusCode, 400);
  const w = await (await ent.login('safety')).put(api(`/enterprises/${ent.id}/work-injury-coverage`), { items: [] });
  assert.equal(w.statusCode, 400);
});

test('the regulators see the mandatory enterprises in scope: missing policy, uninsured people, compliant — filtered and paged', async () => {
  const subs = await t.db.selectFrom('subdistricts').select(['id', 'name']).orderBy('code').execute();
  const officerSub = await t.db.selectFrom('users').select('subdistrict_id').where('username', '=', 'guanshang').executeTakeFirstOrThrow();
  const here = officerSub.subdistrict_id!;
  const elsewhere = subs.find((s) => s.id !== here)!.id;
  const none = await makeEnterprise(t, { industryCode: 'metal_smelting', subdistrictId: here });
  const partial = await makeEnterprise(t, { industryCode: 'metal_smelting', subdistrictId: here });
  const ok = await makeEnterprise(t, { industryCode: 'metal_smelting', subdistrictId: here });
  const away = await makeEnterprise(t, { industryCode: 'metal_smelting', subdistrictId: elsewhere });
  const optional = await makeEnterprise(t, { industryCode: 'machinery', subdistrictId: here });
  const ids = await rosterIds(partial);
  await confirm(partial, await enter(await policyBody(partial, { people: ids.slice(0, 3).map((employeeId) => ({ employeeId, cover: '400000' })) })));
  await confirm(ok, await enter(await policyBody(ok)));

  const officer = await t.login('guanshang');
  const all = await officer.get(api('/insurance/coverage?pageSize=200'));
  assert.equal(all.statusCode, 200, all.body);
  const row = (id: string) => all.data.items.find((i: { enterpriseId: string }) => i.enterpriseId === id);
  assert.deepEqual([row(none.id).policy, row(none.id).uninsured, row(none.id).reasons], [null, 5, ['NO_POLICY']]);
  assert.deepEqual([row(partial.id).uninsured, row(partial.id).compliant, row(partial.id).reasons], [2, false, ['UNINSURED']]);
  assert.deepEqual([row(ok.id).uninsured, row(ok.id).compliant], [0, true]);
  assert.equal(row(away.id), undefined, 'another subdistrict\'s enterprise is not in scope');
  assert.equal(row(optional.id), undefined, 'an industry without the obligation is not listed');
  assert.equal(all.data.counts.total, all.data.total);

  const missing = await officer.get(api('/insurance/coverage?status=missing&pageSize=200'));
  assert.ok(missing.data.items.some((i: { enterpriseId: string }) => i.enterpriseId === none.id));
  assert.ok(missing.data.items.every((i: { policy: unknown }) => i.policy === null));
  assert.equal(missing.data.total, all.data.counts.missing);
  const failing = await officer.get(api('/insurance/coverage?status=failing&pageSize=200'));
  assert.deepEqual(new Set(failing.data.items.map((i: { enterpriseId: string }) => i.enterpriseId)).has(partial.id), true);
  assert.ok(failing.data.items.every((i: { compliant: boolean }) => !i.compliant));
  const compliant = await officer.get(api(`/insurance/coverage?status=compliant&q=${encodeURIComponent(ok.name)}`));
  assert.deepEqual(compliant.data.items.map((i: { enterpriseId: string }) => i.enterpriseId), [ok.id]);
  const paged = await officer.get(api('/insurance/coverage?pageSize=1&page=2&sort=uninsured&order=desc'));
  assert.deepEqual([paged.statusCode, paged.data.items.length, paged.data.total], [200, 1, all.data.total]);
  const bad = await officer.get(api('/insurance/coverage?status=nobody'));
  assert.equal(bad.statusCode, 400);
  // The workbench counts exactly what the "failing" list shows.
  const wb = await officer.get(api('/workbench'));
  const item = wb.data.items.find((i: { key: string }) => i.key === 'insurance.scopeMissing');
  assert.equal(item.count, failing.data.total);
  // The other subdistrict's enterprise is 404 to this officer's enterprise view too.
  assert.equal((await officer.get(api(`/enterprises/${away.id}/insurance`))).statusCode, 404);
  assert.equal((await officer.get(api(`/enterprises/${partial.id}/insurance`))).statusCode, 200);
});

test('work-injury coverage: the safety manager records who is covered; the figure is covered ÷ all with the uncovered listed', async () => {
  const ent = await makeEnterprise(t);
  const ids = await rosterIds(ent);
  const safety = await ent.login('safety');
  const r = await safety.put(api(`/enterprises/${ent.id}/work-injury-coverage`), { items: ids.map((employeeId, i) => ({ employeeId, covered: i < 4 })) });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual([r.data.workInjury.covered, r.data.workInjury.total, r.data.workInjury.percent], [4, 5, 80]);
  const uncovered = r.data.workInjury.people.filter((p: { covered: boolean }) => !p.covered).map((p: { id: string }) => p.id);
  assert.deepEqual(uncovered, [ids[4]]);
  const other = await makeEnterprise(t);
  const bad = await safety.put(api(`/enterprises/${ent.id}/work-injury-coverage`), { items: [{ employeeId: (await rosterIds(other))[0], covered: true }] });
  assert.deepEqual([bad.statusCode, bad.data.error.issues[0].path], [400, 'body.items.0.employeeId']);
  assert.equal((await (await ent.login('worker')).put(api(`/enterprises/${ent.id}/work-injury-coverage`), { items: [{ employeeId: ids[0], covered: true }] })).statusCode, 403);
  // A regulator reads it, never edits it.
  const officer = await t.login('admin');
  const read = await officer.get(api(`/enterprises/${ent.id}/insurance`));
  assert.deepEqual([read.statusCode, read.data.workInjury.covered, read.data.abilities.canEditWorkInjury], [200, 4, false]);
});

test('R-INS-1 renewal is a duty on the engine: confirming opens it due on the last day; a policy covering the next day fulfils it', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'civil_explosives' });
  const first = await enter(await policyBody(ent, { startsOn: '2026-01-01', endsOn: '2026-12-31' }));
  await confirm(ent, first);
  const occ = () => t.db.selectFrom('obligation_occurrences').select(['due_on', 'status', 'record_id']).where('enterprise_id', '=', ent.id)
    .where('definition_key', '=', 'ins.liability.renew').where('subject_key', '=', first.id).executeTakeFirst();
  const opened = await occ();
  assert.ok(opened, 'the renewal duty exists');
  assert.equal(String(opened.due_on), '2026-12-31');
  assert.ok(['upcoming', 'due'].includes(opened.status), opened.status);
  // A policy that starts after a gap does not renew it; one that covers 2027-01-01 does.
  const gap = await enter(await policyBody(ent, { startsOn: '2027-01-05', endsOn: '2027-12-31' }));
  await confirm(ent, gap);
  assert.ok(['upcoming', 'due'].includes((await occ())!.status));
  const next = await enter(await policyBody(ent, { startsOn: '2026-12-15', endsOn: '2027-12-14' }));
  await confirm(ent, next);
  const done = await occ();
  assert.deepEqual([done!.status, done!.record_id], ['fulfilled', next.id]);
  // Confirmed after its successor (the one starting 2027-01-05 covers 2027-12-15): its renewal is done at once.
  const late = await t.db.selectFrom('obligation_occurrences').select(['status', 'record_id']).where('enterprise_id', '=', ent.id)
    .where('definition_key', '=', 'ins.liability.renew').where('subject_key', '=', next.id).executeTakeFirstOrThrow();
  assert.deepEqual([late.status, late.record_id], ['fulfilled', gap.id]);
});

test('the enterprise managers\' workbench counts the policies waiting for their confirmation; the insurer has no to-do of it', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'machinery' });
  const p = await enter(await policyBody(ent));
  const wb = await (await ent.login('safety')).get(api('/workbench'));
  assert.equal(wb.data.items.find((i: { key: string }) => i.key === 'insurance.toConfirm')?.count, 1);
  // Not mandatory for machinery: no "missing" flag.
  assert.ok(!wb.data.items.some((i: { key: string }) => i.key === 'insurance.missing'));
  const theirs = await insurer.get(api('/workbench'));
  assert.ok(!theirs.data.items.some((i: { key: string }) => i.key.startsWith('insurance.')), theirs.body);
  await confirm(ent, p);
  const after = await (await ent.login('safety')).get(api('/workbench'));
  assert.equal(after.data.items.find((i: { key: string }) => i.key === 'insurance.toConfirm')?.count, 0);
});

test('the demo: the insurer\'s confirmed policy for the chemical plant leaves one dispatched worker uninsured, and a policy waits elsewhere', async (c) => {
  // Read on the demo's own day, not the file's fixed clock; the hourly job has run at that day (other tests here run it
  // at the file's clock, which may lie outside the demo policy's period).
  await onDemoDay(t, c);
  await refreshInsurerScope(t.db, t.clock.now);
  const principal = await t.login('principal');
  const me = await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'principal').executeTakeFirstOrThrow();
  const o = await principal.get(api(`/enterprises/${me.enterprise_id}/insurance`));
  assert.equal(o.statusCode, 200, o.body);
  assert.ok(o.data.current, 'a current policy');
  assert.deepEqual(o.data.compliance.reasons, ['UNINSURED']);
  assert.deepEqual(o.data.compliance.uninsured.map((u: { employmentForm: string }) => u.employmentForm), ['dispatched']);
  assert.ok(o.data.workInjury.covered < o.data.workInjury.total);
  // Its own session: the file's insurer session must not be used on another day (its idle time would run backwards).
  const demoInsurer = await t.login('insurer');
  const pending = await demoInsurer.get(api('/insurance/policies?status=pending'));
  assert.ok(pending.data.total >= 1);
  // The demo insurer sees the plant through its policy in force.
  assert.equal((await demoInsurer.get(api(`/enterprises/${me.enterprise_id}`))).statusCode, 200);
});

test('the hourly job insurance.scope puts a policy in force on the platform clock', async () => {
  // A session of this test's own day (earlier tests move the clock across years).
  const insurer = await t.login('insurer');
  const ent = await makeEnterprise(t, { industryCode: 'fishery' });
  const p = await enter(await policyBody(ent), insurer);
  await confirm(ent, p);
  assert.equal((await insurer.get(api(`/enterprises/${ent.id}`))).statusCode, 200);
  // As if the flag had drifted (a restored backup): the job's next slot sets it back from the dates.
  await sql`update liability_policies set in_force = false where id = ${p.id}`.execute(t.db);
  assert.equal((await insurer.get(api(`/enterprises/${ent.id}`))).statusCode, 404);
  t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
  await t.platform.jobs.tick();
  // A new session: the same tick's sessions.cleanup ends the ones whose wall-clock expiry lies before the platform clock
  // (which earlier tests moved ahead); the old one outlived it only in the 5 s session cache.
  const fresh = await t.login('insurer');
  assert.equal((await fresh.get(api(`/enterprises/${ent.id}`))).statusCode, 200);
});
