import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';
import { uploadSignature } from './signature-helpers';

// Issue 11 §6, R-COM-1 [cfg]: hazardous-chemical enterprises' daily safety-risk assessment and commitment notice
// (安全风险研判与承诺公告): one per China local day, posted by the principal's signature, shown on the public commitment
// page, listed for the regulators with the month's posted and owed days.

let t: TestPlatform;
const at = (iso: string) => new Date(iso);
before(async () => {
  t = await createTestPlatform();
  t.clock.now = at('2026-12-03T02:00:00Z'); // 2026-12-03 10:00 China time
});
after(async () => { await t.close(); });

const figures = (over: Record<string, unknown> = {}) => ({
  units: { running: 3, stopped: 1, maintenance: 0 },
  majorHazards: { total: 2, safe: true },
  specialWork: { hot_work: 2, confined_space: 1, blind_plate: 0, work_at_height: 1, lifting: 0, temporary_power: 0, excavation: 0, road_closure: 0 },
  trialProduction: false, startStop: false, maintenanceWork: true, note: '',
  ...over,
});

async function draft(ent: FreshEnterprise, who: 'safety' | 'principal' = 'safety', body = figures()) {
  return (await ent.login(who)).post(`/api/v1/enterprises/${ent.id}/daily-notices`, body);
}

async function post(ent: FreshEnterprise) {
  const d = await draft(ent);
  assert.equal(d.statusCode, 201, d.body);
  const s = await (await ent.login('principal')).post(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.equal(s.statusCode, 200, s.body);
  return s.data as { id: string; day: string; status: string };
}

async function joined(ent: FreshEnterprise, day: string) {
  await t.db.updateTable('enterprises').set({ onboarded_on: day }).where('id', '=', ent.id).execute();
}

test('R-COM-1 [cfg]: only the configured industries owe the notice; others are refused 409 NOT_APPLICABLE with a message until the district adds them', async () => {
  const ent = await makeEnterprise(t, { industryCode: 'machinery' });
  const month = await (await ent.login('safety')).get(`/api/v1/enterprises/${ent.id}/daily-notices`);
  assert.equal(month.statusCode, 200, month.body);
  assert.deepEqual([month.data.applies, month.data.abilities.canDraft], [false, false]);
  const refused = await draft(ent);
  assert.deepEqual([refused.statusCode, refused.data.error.reason], [409, 'NOT_APPLICABLE']);
  assert.match(refused.data.error.message, /行业/);

  // The district admin adds the industry on 规则配置: the same enterprise now owes it.
  const admin = await t.login('admin');
  const got = await admin.get('/api/v1/rules/daily-risk-notice');
  assert.equal(got.statusCode, 200, got.body);
  const current = { data: got.data.current as { version: number; value: { industries: string[]; commitment: string } } };
  assert.deepEqual(current.data.value.industries, ['hazardous_chemicals']);
  const saved = await admin.put('/api/v1/rules/daily-risk-notice', {
    value: { ...current.data.value, industries: ['hazardous_chemicals', 'machinery'] }, note: '机械制造企业试行', baseVersion: current.data.version,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  try {
    const d = await draft(ent);
    assert.equal(d.statusCode, 201, d.body);
    assert.equal(d.data.commitment, current.data.value.commitment);
  } finally {
    const now = (await admin.get('/api/v1/rules/daily-risk-notice')).data.current as { version: number; value: object };
    const back = await admin.put('/api/v1/rules/daily-risk-notice', { value: { ...now.value, industries: ['hazardous_chemicals'] }, note: '恢复', baseVersion: now.version });
    assert.equal(back.statusCode, 200, back.body);
  }
  // A bad industry code is a 400 naming the field.
  const bad = await admin.put('/api/v1/rules/daily-risk-notice', { value: { ...current.data.value, industries: ['chemicals'] }, baseVersion: current.data.version + 2 });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.ok(bad.data.error.issues.some((i: { path: string }) => i.path.startsWith('body.value.industries')), bad.body);
});

test('one notice per China local day: 23:30 on 31 December counts for 31 December, and 00:30 the next day opens 1 January', async () => {
  const ent = await makeEnterprise(t);
  try {
    t.clock.now = at('2026-12-31T15:30:00Z'); // 2026-12-31 23:30 China time
    const d = await draft(ent);
    assert.equal(d.statusCode, 201, d.body);
    assert.equal(d.data.day, '2026-12-31');
    const again = await draft(ent, 'principal');
    assert.deepEqual([again.statusCode, again.data.error.reason], [409, 'NOTICE_EXISTS']);

    t.clock.now = at('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 China time
    // Yesterday's draft is no longer signed or edited: the notice is of its own day.
    const principal = await ent.login('principal');
    const late = await principal.post(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}/sign`, { method: 'password', password: DEMO_PASSWORD });
    assert.deepEqual([late.statusCode, late.data.error.reason], [409, 'NOT_TODAY']);
    const edit = await (await ent.login('safety')).patch(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}`, { version: d.data.version, note: '补充' });
    assert.deepEqual([edit.statusCode, edit.data.error.reason], [409, 'NOT_TODAY']);
    const next = await draft(ent);
    assert.equal(next.statusCode, 201, next.body);
    assert.equal(next.data.day, '2027-01-01');
    const dec = await principal.get(`/api/v1/enterprises/${ent.id}/daily-notices?month=2026-12`);
    assert.deepEqual(dec.data.items.map((i: { day: string }) => i.day), ['2026-12-31']);
    const bad = await principal.get(`/api/v1/enterprises/${ent.id}/daily-notices?month=2026-13`);
    assert.deepEqual([bad.statusCode, bad.data.error.issues[0].path], [400, 'querystring.month']);
  } finally {
    t.clock.now = at('2026-12-03T02:00:00Z');
  }
});

test('only the principal\'s own signature posts the notice; a posted notice cannot be edited, and the gate\'s public page shows it', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const principal = await ent.login('principal');
  const d = await draft(ent, 'safety', figures({ note: '二号罐区检修' }));
  assert.equal(d.statusCode, 201, d.body);
  assert.deepEqual([d.data.status, d.data.specialWorkTotal, d.data.abilities.canEdit, d.data.abilities.canSign], ['draft', 4, true, false]);
  assert.match(d.data.commitment, /^今天我公司已进行安全风险研判/);
  // Employees read it but do not fill it in.
  assert.equal((await (await ent.login('worker')).post(`/api/v1/enterprises/${ent.id}/daily-notices`, figures())).statusCode, 403);
  assert.equal((await (await ent.login('worker')).get(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}`)).statusCode, 200);
  // The safety manager edits the draft; he cannot sign it (no permission), nor can the district admin (not the principal).
  const edited = await safety.patch(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}`, { version: d.data.version, specialWork: { ...figures().specialWork, hot_work: 3 } });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.data.specialWork.hot_work, 3);
  const bySafety = await safety.post(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.deepEqual([bySafety.statusCode, bySafety.data.error.code], [403, 'FORBIDDEN']);
  const byAdmin = await (await t.login('admin')).post(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.deepEqual([byAdmin.statusCode, byAdmin.data.error.reason], [403, 'PRINCIPAL_ONLY']);
  assert.equal((await principal.get(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}`)).data.abilities.canSign, true);

  const image = await uploadSignature(principal, ent.id);
  const signed = await principal.post(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}/sign`, { method: 'pad', imageAttachmentId: image, version: edited.data.version });
  assert.equal(signed.statusCode, 200, signed.body);
  assert.equal(signed.data.status, 'posted');
  assert.equal(signed.data.postedAt, t.clock.now.toISOString());
  assert.ok(signed.data.signatureImage.startsWith('data:image/png;base64,'));
  assert.match(signed.data.contentSha256, /^[0-9a-f]{64}$/);

  // Posted, it never changes: the API refuses, and so does the database.
  const edit = await safety.patch(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}`, { version: signed.data.version, note: '改' });
  assert.deepEqual([edit.statusCode, edit.data.error.reason], [409, 'NOTICE_POSTED']);
  const twice = await principal.post(`/api/v1/enterprises/${ent.id}/daily-notices/${d.data.id}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.deepEqual([twice.statusCode, twice.data.error.reason], [409, 'NOTICE_POSTED']);
  await assert.rejects(sql`update daily_risk_notices set units_running = 9 where id = ${d.data.id}`.execute(t.db), /posted/);
  await assert.rejects(sql`delete from daily_risk_notices where id = ${d.data.id}`.execute(t.db), /posted/);

  // The public commitment page behind the gate's QR code shows today's notice below the commitment.
  const c = await safety.post(`/api/v1/enterprises/${ent.id}/commitments`, { year: 2026 });
  const cs = await principal.post(`/api/v1/enterprises/${ent.id}/commitments/${c.data.id}/sign`, { method: 'password', password: DEMO_PASSWORD });
  assert.equal(cs.statusCode, 200, cs.body);
  const token = cs.data.publicPath.split('/').at(-1);
  const pub = await t.anonymous().get(`/api/v1/public/commitments/${token}`);
  assert.equal(pub.statusCode, 200, pub.body);
  assert.deepEqual([pub.data.dailyNotice.day, pub.data.dailyNotice.specialWork.hot_work, pub.data.dailyNotice.note], ['2026-12-03', 3, '二号罐区检修']);
  assert.ok(pub.data.dailyNotice.signatureImage.startsWith('data:image/png;base64,'));
  assert.equal('id' in pub.data.dailyNotice || 'enterpriseId' in pub.data.dailyNotice, false);
  // Tomorrow it shows no notice until the next one is posted.
  t.clock.now = at('2026-12-04T02:00:00Z');
  try {
    assert.equal((await t.anonymous().get(`/api/v1/public/commitments/${token}`)).data.dailyNotice, null);
  } finally {
    t.clock.now = at('2026-12-03T02:00:00Z');
  }
});

test('R-COM-1: the regulators see the enterprises that owe the notice in their scope, who posted today, and the month\'s posted and owed days', async () => {
  const { ownEnterprise, subs } = await demoIds(t.db);
  const near = await makeEnterprise(t, { subdistrictId: ownEnterprise.subdistrict_id });
  const silent = await makeEnterprise(t, { subdistrictId: ownEnterprise.subdistrict_id });
  const other = await makeEnterprise(t, { subdistrictId: ownEnterprise.subdistrict_id, industryCode: 'machinery' });
  const far = await makeEnterprise(t, { subdistrictId: subs.find((s) => s.id !== ownEnterprise.subdistrict_id)!.id });
  for (const e of [near, silent, other, far]) await joined(e, '2026-11-20');
  try {
    // near posts on 1 and 3 December, and drafts without signing on 2 December.
    t.clock.now = at('2026-12-01T01:00:00Z');
    await post(near);
    t.clock.now = at('2026-12-02T01:00:00Z');
    assert.equal((await draft(near)).statusCode, 201);
    t.clock.now = at('2026-12-03T01:00:00Z');
    // Before today's is posted, the principal's and the safety manager's workbench says so; the worker's does not.
    const item = async (c: Client, key: string) => ((await c.get('/api/v1/workbench')).data.items as { key: string; count: number }[]).find((i) => i.key === key);
    assert.equal((await item(await near.login('principal'), 'dailyNotice.today'))?.count, 1);
    assert.equal((await item(await near.login('safety'), 'dailyNotice.today'))?.count, 1);
    assert.equal(await item(await near.login('worker'), 'dailyNotice.today'), undefined);
    assert.equal(await item(await other.login('principal'), 'dailyNotice.today'), undefined);
    await post(near);
    assert.equal((await item(await near.login('principal'), 'dailyNotice.today'))?.count, 0);
    await post(far);

    const own = await (await near.login('worker')).get(`/api/v1/enterprises/${near.id}/daily-notices`);
    assert.deepEqual([own.data.month, own.data.postedDays, own.data.owedDays, own.data.items.length], ['2026-12', 2, 3, 3]);

    const officer = await t.login('guanshang');
    const list = await officer.get('/api/v1/daily-notices?pageSize=200');
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.data.day, '2026-12-03');
    const rows = new Map((list.data.items as { enterpriseId: string; today: unknown; postedDays: number; owedDays: number }[]).map((r) => [r.enterpriseId, r]));
    assert.ok(rows.get(near.id)?.today, 'posted today');
    assert.deepEqual([rows.get(near.id)!.postedDays, rows.get(near.id)!.owedDays], [2, 3]);
    assert.deepEqual([rows.get(silent.id)?.today, rows.get(silent.id)?.postedDays, rows.get(silent.id)?.owedDays], [null, 0, 3]);
    assert.equal(rows.has(other.id), false, 'an industry that does not owe it');
    assert.equal(rows.has(far.id), false, 'another subdistrict');
    const notPosted = await officer.get('/api/v1/daily-notices?pageSize=200&posted=no');
    const ids = (notPosted.data.items as { enterpriseId: string }[]).map((r) => r.enterpriseId);
    assert.ok(ids.includes(silent.id) && !ids.includes(near.id));
    assert.ok(notPosted.data.counts.total >= 2 && notPosted.data.counts.postedToday >= 1);
    // A past month counts to its last day: joined on 20 November, owed 11 days, posted none.
    const nov = await officer.get('/api/v1/daily-notices?pageSize=200&month=2026-11');
    const novNear = (nov.data.items as { enterpriseId: string; postedDays: number; owedDays: number }[]).find((r) => r.enterpriseId === near.id)!;
    assert.deepEqual([novNear.postedDays, novNear.owedDays], [0, 11]);
    // The subdistrict officer's workbench counts the enterprises that have not posted today.
    assert.ok(((await item(officer, 'dailyNotice.notPosted'))?.count ?? 0) >= 1);
    assert.equal((await officer.get(`/api/v1/enterprises/${far.id}/daily-notices`)).statusCode, 404);

    // Departments by industry: 应急管理局 supervises hazardous chemicals and sees both subdistricts; 住建局 sees none.
    const yjj = await (await t.login('yjj')).get('/api/v1/daily-notices?pageSize=200');
    const yjjIds = (yjj.data.items as { enterpriseId: string }[]).map((r) => r.enterpriseId);
    assert.ok(yjjIds.includes(near.id) && yjjIds.includes(far.id) && !yjjIds.includes(other.id));
    const zjj = await (await t.login('zjj')).get('/api/v1/daily-notices?pageSize=200');
    assert.equal((zjj.data.items as { enterpriseId: string }[]).some((r) => [near.id, far.id, silent.id].includes(r.enterpriseId)), false);
    assert.equal((await (await t.login('zjj')).get(`/api/v1/enterprises/${near.id}/daily-notices`)).statusCode, 404);

    // Another enterprise's manager: 404 on every notice route; enterprises cannot read the regulators' list.
    const foreign = await far.login('safety');
    const nearNotice = own.data.items[0].id as string;
    assert.equal((await foreign.get(`/api/v1/enterprises/${near.id}/daily-notices`)).statusCode, 404);
    assert.equal((await foreign.get(`/api/v1/enterprises/${near.id}/daily-notices/${nearNotice}`)).statusCode, 404);
    assert.equal((await foreign.get(`/api/v1/enterprises/${far.id}/daily-notices/${nearNotice}`)).statusCode, 404);
    assert.equal((await foreign.patch(`/api/v1/enterprises/${far.id}/daily-notices/${nearNotice}`, { version: 1, note: 'x' })).statusCode, 404);
    assert.equal((await (await far.login('principal')).post(`/api/v1/enterprises/${far.id}/daily-notices/${nearNotice}/sign`, { method: 'password', password: DEMO_PASSWORD })).statusCode, 404);
    assert.equal((await (await near.login('principal')).get('/api/v1/daily-notices')).statusCode, 403);
  } finally {
    t.clock.now = at('2026-12-03T02:00:00Z');
  }
});

test('bad figures are a 400 naming the field', async () => {
  const ent = await makeEnterprise(t);
  const path = (res: { data: { error: { issues: { path: string }[] } } }) => res.data.error.issues.map((i) => i.path);
  let res = await draft(ent, 'safety', figures({ units: { running: -1, stopped: 0, maintenance: 0 } }));
  assert.deepEqual([res.statusCode, path(res)], [400, ['body.units.running']]);
  res = await draft(ent, 'safety', figures({ specialWork: { hot_work: 1 } }));
  assert.equal(res.statusCode, 400);
  assert.ok(path(res).every((p) => p.startsWith('body.specialWork.')), JSON.stringify(path(res)));
  res = await draft(ent, 'safety', figures({ majorHazards: { total: 1 } }));
  assert.deepEqual([res.statusCode, path(res)], [400, ['body.majorHazards.safe']]);
});

test('the poster\'s QR address answers the small public page, not the app; other app paths still get the app', async () => {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'safeduty-web-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'public-commitment.html'), '<!doctype html><title>public</title><main id="pc"></main>');
  const web = await createTestPlatform({ webDist: dist });
  try {
    const page = await web.platform.app.inject({ method: 'GET', url: '/p/commitment/abcdefghijklmnopqrstuvwxyz012345' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /<main id="pc">/);
    const app = await web.platform.app.inject({ method: 'GET', url: '/letters/daily-notice' });
    assert.match(app.body, /<div id="root">/);
  } finally {
    await web.close();
    rmSync(dist, { recursive: true, force: true });
  }
});
