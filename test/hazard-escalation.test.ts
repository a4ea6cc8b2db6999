import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runHazardEscalation } from '../src/modules/hazards/loop/hazard-escalation';
import { createTestPlatform, demoIds, type Client, drainOutbox, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
let safety: Client;

const own = (p = '') => `/api/v1/enterprises/${ids.ownEnterprise.id}/hazards${p}`;
async function userId(username: string) {
  return (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}
async function ok(res: Promise<{ statusCode: number; body: string; data: any }>, status = 200) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.data;
}
/** One day of the platform: the clock at 09:00 Beijing time, and the job runner's tick (the daily job's slot). */
async function day(d: string) {
  t.clock.now = new Date(`${d}T01:00:00Z`);
  await t.platform.jobs.tick();
}
/** Notifications of one kind about one hazard, per user. */
async function notified(kind: string, code: string): Promise<Record<string, number>> {
  const rows = await t.db.selectFrom('notifications as n').innerJoin('users as u', 'u.id', 'n.user_id').select(['u.username'])
    .where('n.kind', '=', kind).where('n.title', 'like', `%${code}%`).execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.username] = (out[r.username] ?? 0) + 1;
  return out;
}

// The clock stays before today's real date: ticks run the session cleanup on the clock, sessions expire in real time.
before(async () => {
  t = await createTestPlatform();
  ids = await demoIds(t.db);
  safety = await t.login('safety');
});
after(async () => { await t.close(); });

async function assignedHazard(title: string, unitName: string, parentName: string, deadline: string) {
  const unit = await t.db.selectFrom('org_units as u').innerJoin('org_units as p', (j) => j.onRef('p.enterprise_id', '=', 'u.enterprise_id').onRef('p.id', '=', 'u.parent_id'))
    .select('u.id').where('u.enterprise_id', '=', ids.ownEnterprise.id).where('u.name', '=', unitName).where('p.name', '=', parentName).executeTakeFirstOrThrow();
  const h = await ok(safety.post(own(), { title, orgUnitId: unit.id }), 201);
  await ok(safety.post(own(`/${h.id}/confirm`), { level: 'general', hazardClass: 'thing' }));
  await ok(safety.post(own(`/${h.id}/assign`), { rectifierId: await userId('worker'), measures: '整改', deadline }));
  return h as { id: string; code: string };
}

test('R-HAZ-3 reminders before the deadline, then escalation to the unit leader, the principal, the regulator — each once', async () => {
  t.clock.now = new Date('2026-05-01T01:00:00Z');
  // In 一车间/甲班: the leader of 一车间 is the leader of a unit above it.
  const x = await assignedHazard('操作平台护栏松动', '甲班', '一车间', '2026-05-10');
  const rows: [string, { due: number; level: number; overdue: Record<string, number> }][] = [
    ['2026-05-07', { due: 0, level: 0, overdue: {} }],
    ['2026-05-08', { due: 1, level: 0, overdue: {} }], // two days before: the first reminder
    ['2026-05-09', { due: 2, level: 0, overdue: {} }],
    ['2026-05-10', { due: 3, level: 0, overdue: {} }], // the deadline itself
    ['2026-05-11', { due: 3, level: 1, overdue: { leader: 1 } }], // the day after: the unit leader
    ['2026-05-13', { due: 3, level: 1, overdue: { leader: 1 } }], // three days late: still the unit leader
    ['2026-05-14', { due: 3, level: 2, overdue: { leader: 1, principal: 1 } }], // more than three: the principal
    ['2026-05-17', { due: 3, level: 2, overdue: { leader: 1, principal: 1 } }], // seven days late
    ['2026-05-18', { due: 3, level: 3, overdue: { leader: 1, principal: 1, guanshang: 1, yjj: 1 } }], // more than seven: the regulators
    ['2026-05-30', { due: 3, level: 3, overdue: { leader: 1, principal: 1, guanshang: 1, yjj: 1 } }],
  ];
  for (const [d, expect] of rows) {
    await day(d);
    const h = await t.db.selectFrom('hazards').select('escalation_level').where('id', '=', x.id).executeTakeFirstOrThrow();
    assert.equal(h.escalation_level, expect.level, `${d}: level`);
    assert.deepEqual(await notified('hazard.due', x.code), expect.due ? { worker: expect.due } : {}, `${d}: reminders`);
    assert.deepEqual(await notified('hazard.overdue', x.code), expect.overdue, `${d}: escalation notices`);
    // A second run on the same day (a retry, a second instance) changes nothing.
    await runHazardEscalation(t.db, t.clock.now);
    await drainOutbox(t);
    assert.deepEqual(await notified('hazard.due', x.code), expect.due ? { worker: expect.due } : {}, `${d}: reminders after a rerun`);
    assert.deepEqual(await notified('hazard.overdue', x.code), expect.overdue, `${d}: escalation notices after a rerun`);
  }
  const notice = await t.db.selectFrom('notifications as n').innerJoin('users as u', 'u.id', 'n.user_id').select(['n.title', 'n.body', 'n.link'])
    .where('u.username', '=', 'yjj').where('n.kind', '=', 'hazard.overdue').executeTakeFirstOrThrow();
  assert.equal(notice.title, `隐患整改逾期 ${x.code}`);
  assert.equal(notice.body, `${ids.ownEnterprise.name}：操作平台护栏松动 已逾期（期限 2026-05-10）。`);
  assert.equal(notice.link, `/enterprises/${ids.ownEnterprise.id}/hazards/${x.id}`);

  // Each escalation is in the hazard's history and in the audit log, with the system as actor.
  const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_id', 'actor_role', 'after']).where('entity_id', '=', x.id).where('action', '=', 'hazard.escalate').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => [a.actor_id, a.actor_role, (a.after as { escalationLevel: number }).escalationLevel]), [[null, null, 1], [null, null, 2], [null, null, 3]]);
  const detail = await ok(safety.get(own(`/${x.id}`)));
  assert.deepEqual(detail.events.filter((e: { op: string }) => e.op === 'escalate').map((e: { actorName: string | null; note: string }) => [e.actorName, e.note]), [
    [null, '整改逾期 1 天，已升级通知单位负责人'], [null, '整改逾期 4 天，已升级通知主要负责人'], [null, '整改逾期 8 天，已升级通知监管部门'],
  ]);
  assert.equal(detail.escalationLevel, 3);
  assert.equal((await notified('hazard.overdue', x.code)).zjj, undefined, '住建局 does not supervise chemicals');
});

test('a run after days without one notifies every level reached; a hazard no unit leader covers goes to the safety manager', async () => {
  t.clock.now = new Date('2026-06-01T01:00:00Z');
  const y = await assignedHazard('安全环保部台账缺失', '安全环保部', ids.ownEnterprise.name, '2026-06-02');
  const closedOne = await assignedHazard('已整改的隐患', '甲班', '一车间', '2026-06-02');
  const worker = await t.login('worker');
  const leader = await t.login('leader');
  // Rectified and closed before the deadline: never escalated.
  const boundary = '----sd' + Math.random().toString(16).slice(2);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154089963f8cfc0f01f00050001ffabce36890000000049454e44ae426082', 'hex');
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const up = await worker.request('POST', `/api/v1/enterprises/${ids.ownEnterprise.id}/photos`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  await ok(worker.post(own(`/${closedOne.id}/submit`), { note: '已整改', photoIds: up.data.ids }));
  await ok(leader.post(own(`/${closedOne.id}/accept`), { note: '合格' }));

  await day('2026-06-15'); // 13 days late, the first run since
  const h = await t.db.selectFrom('hazards').select('escalation_level').where('id', '=', y.id).executeTakeFirstOrThrow();
  assert.equal(h.escalation_level, 3);
  assert.deepEqual(await notified('hazard.overdue', y.code), { safety: 1, principal: 1, guanshang: 1, yjj: 1 });
  assert.deepEqual(await notified('hazard.overdue', closedOne.code), {});
  assert.equal((await t.db.selectFrom('hazards').select('escalation_level').where('id', '=', closedOne.id).executeTakeFirstOrThrow()).escalation_level, 0);
  const audits = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', y.id).where('action', '=', 'hazard.escalate').execute();
  assert.equal(audits.length, 3);
});

test('R-HAZ-3 a hazard due on D is overdue from local midnight: at 00:30 on D+1 in Kunming (16:30 UTC on D) in the ledger, on the dashboard and to the job', async () => {
  t.clock.now = new Date('2026-07-01T01:00:00Z');
  const x = await assignedHazard('配电柜接地线松脱', '甲班', '一车间', '2026-07-10');
  const look = async () => {
    const detail = await ok(safety.get(own(`/${x.id}`)));
    const dashboard = await ok(safety.get(`/api/v1/enterprises/${ids.ownEnterprise.id}/hazard-stats`));
    const listed = (await ok(safety.get(`/api/v1/hazards?overdue=true&q=${encodeURIComponent(x.code)}`))).items.map((h: { id: string }) => h.id);
    await runHazardEscalation(t.db, t.clock.now);
    const level = (await t.db.selectFrom('hazards').select('escalation_level').where('id', '=', x.id).executeTakeFirstOrThrow()).escalation_level;
    return {
      overdue: detail.overdue, asOf: dashboard.asOf, listed: listed.includes(x.id), level,
      onDashboard: dashboard.overdue.filter((h: { id: string }) => h.id === x.id).map((h: { daysOverdue: number }) => h.daysOverdue),
    };
  };
  t.clock.now = new Date('2026-07-10T15:59:00Z'); // 23:59 on the deadline in Kunming
  assert.deepEqual(await look(), { overdue: false, asOf: '2026-07-10', listed: false, level: 0, onDashboard: [] });
  t.clock.now = new Date('2026-07-10T16:30:00Z'); // 00:30 on 11 July in Kunming, still 10 July in UTC
  assert.deepEqual(await look(), { overdue: true, asOf: '2026-07-11', listed: true, level: 1, onDashboard: [1] });
  const detail = await ok(safety.get(own(`/${x.id}`)));
  assert.deepEqual(detail.events.filter((e: { op: string }) => e.op === 'escalate').map((e: { note: string }) => e.note), ['整改逾期 1 天，已升级通知单位负责人']);
  await drainOutbox(t);
  assert.deepEqual(await notified('hazard.overdue', x.code), { leader: 1 });
});
