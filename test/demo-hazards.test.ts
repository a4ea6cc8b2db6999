import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { escalationLevel, HAZARD_OPS, HAZARD_STATES } from '../src/modules/hazards/loop/hazard-workflow';
import { REPORT_POINTS } from '../src/modules/hazards/loop/hazard.service';
import { HAZARD_POINTS_RULES } from '../src/modules/hazards/loop/hazard.rule-sets';
import { verifyAuditChain } from '../src/platform/audit/audit';
import { currentRules } from '../src/platform/rules';
import { localDay, localMonthIndex, localYear, startOfLocalMonth } from '../src/platform/time';
import { createPlatform } from '../src/app';
import { DEMO_LOADING } from '../src/seed/demo';
import { createTestPlatform, demoIds, drainOutbox, type TestPlatform } from './helpers';

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

const OPEN = ['reported', 'confirmed', 'rectifying', 'submitted'];
const today = () => localDay(t.clock.now);
async function ok(res: Promise<{ statusCode: number; body: string; data: any }>) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await res;
  assert.equal(r.statusCode, 200, r.body);
  return r.data;
}
const hazardsOf = (enterpriseId?: string) => {
  let q = t.db.selectFrom('hazards').selectAll();
  if (enterpriseId) q = q.where('enterprise_id', '=', enterpriseId);
  return q.orderBy('code').execute();
};
/** The demo's own hazards: every one reported a day or more before the load (a test's new report is not one). */
const seededHazards = async () => (await hazardsOf()).filter((h) => h.reported_at.getTime() < t.clock.now.getTime() - 3600_000);
/** The history rows of the seeded hazards, in order. */
async function seededEvents() {
  const ids = (await seededHazards()).map((h) => h.id);
  return t.db.selectFrom('hazard_events').select(['enterprise_id', 'hazard_id', 'op', 'from_status', 'to_status', 'actor_id', 'at', 'photo_ids'])
    .where('hazard_id', 'in', ids).orderBy('seq').execute();
}

test('the demo enterprise has hazards in every state of the closed loop, over the last six months', async () => {
  const rows = await hazardsOf(ids.ownEnterprise.id);
  assert.ok(rows.length >= 25 && rows.length <= 35, `${rows.length} hazards`);
  for (const s of HAZARD_STATES) assert.ok(rows.some((h) => h.status === s), `a hazard ${s}`);
  const closed = rows.filter((h) => h.status === 'closed');
  assert.ok(closed.length >= 10);
  assert.ok(closed.some((h) => h.deadline && localDay(h.closed_at!) > h.deadline), 'one closed late');
  assert.ok(closed.some((h) => h.deadline && localDay(h.closed_at!) <= h.deadline), 'one closed on time');
  assert.ok(closed.some((h) => h.on_spot && h.deadline === null), 'one fixed on the spot');
  assert.ok(rows.filter((h) => h.status === 'voided').every((h) => (h.void_reason ?? '').length > 0), 'voided with a reason');
  assert.ok(rows.some((h) => h.status === 'rectifying' && h.deadline! < today()), 'one rectifying and overdue');
  assert.ok(rows.some((h) => h.status === 'rectifying' && h.deadline! >= today()), 'one rectifying in time');
  assert.ok(new Set(rows.map((h) => h.source)).size >= 5, 'sources mixed');
  assert.deepEqual(new Set(rows.filter((h) => h.hazard_class).map((h) => h.hazard_class)), new Set(['thing', 'behaviour', 'management']));
  const sixMonthsAgo = t.clock.now.getTime() - 190 * 86_400_000;
  assert.ok(rows.every((h) => h.reported_at.getTime() > sixMonthsAgo && h.reported_at < t.clock.now), 'reported within the last six months');
  assert.ok(rows.some((h) => h.risk_point_id), 'linked to the risk ledger');

  // The dashboard of the enterprise agrees.
  const safety = await t.login('safety');
  const s = await ok(safety.get(`/api/v1/enterprises/${ids.ownEnterprise.id}/hazard-stats`));
  assert.ok(s.totals.found > 0 && s.totals.open > 0 && s.totals.overdue > 0 && s.totals.majorOpen === 1 && s.totals.supervised === 1, JSON.stringify(s.totals));
  // Extensions: one approved in the past, one waiting for a decision.
  const ext = await t.db.selectFrom('hazard_extensions').select(['status']).where('enterprise_id', '=', ids.ownEnterprise.id).execute();
  assert.deepEqual(ext.map((x) => x.status).sort(), ['approved', 'pending']);
});

test('R-HAZ-4 a listed major hazard with its five-in-place plan is on the 关上街道 officer\'s dashboard; another major one elsewhere', async () => {
  const guanshang = await t.login('guanshang');
  const overview = await ok(guanshang.get('/api/v1/hazard-stats/overview'));
  const listed = overview.majorOpen.items.filter((h: { supervised: boolean }) => h.supervised);
  assert.equal(listed.length, 1);
  assert.equal(listed[0].enterpriseId, ids.ownEnterprise.id);
  assert.ok(overview.totals.found > 0 && overview.totals.open > 0 && overview.totals.supervised === 1, JSON.stringify(overview.totals));
  const detail = await ok(guanshang.get(`/api/v1/enterprises/${ids.ownEnterprise.id}/hazards/${listed[0].hazardId}`));
  assert.equal(detail.level, 'major');
  assert.equal(detail.status, 'rectifying');
  assert.deepEqual([detail.supervision.status, detail.supervised], ['listed', true]);
  for (const k of ['responsiblePerson', 'measures', 'contingencyPlan', 'timeLimit'] as const) assert.ok(detail.plan[k], `plan: ${k}`);
  assert.ok(detail.plan.funds > 0);
  const criteria = (await t.db.selectFrom('check_standard_items').select('content').where('major_criterion', '=', true).execute()).map((c) => c.content);
  assert.ok(criteria.includes(detail.majorCriterion), 'the criterion comes from the library');
  const ops = detail.events.map((e: { op: string }) => e.op);
  assert.ok(ops.indexOf('plan') < ops.indexOf('assign'), 'the plan before rectification starts');
  assert.ok(ops.includes('supervise'));
  const list = await ok(guanshang.get('/api/v1/hazards?level=major&supervised=true'));
  assert.deepEqual(list.items.map((h: { id: string }) => h.id), [listed[0].hazardId]);

  // The district sees two open major hazards in two subdistricts; each regulator has figures of its own.
  const admin = await ok((await t.login('admin')).get('/api/v1/hazard-stats/overview'));
  const majors = admin.majorOpen.items as { enterpriseId: string }[];
  assert.ok(majors.length >= 2);
  const subOf = new Map(ids.ents.map((e) => [e.id, e.subdistrict_id]));
  assert.ok(new Set(majors.map((m) => subOf.get(m.enterpriseId))).size >= 2);
  assert.ok(admin.bySubdistrict.filter((s: { found: number }) => s.found > 0).length >= 5, 'several subdistricts');
  for (const username of ['yjj', 'zjj']) {
    const o = await ok((await t.login(username)).get('/api/v1/hazard-stats/overview'));
    assert.ok(o.totals.found > 0 && o.totals.closed > 0 && o.totals.open > 0, `${username}: ${JSON.stringify(o.totals)}`);
  }
  const zjj = await ok((await t.login('zjj')).get('/api/v1/hazard-stats/overview'));
  assert.ok(zjj.totals.overdue >= 1, 'an overdue hazard on a construction site');
});

test('R-HAZ-3 every seeded history runs from the report to the current status, and no acceptor rectified', async () => {
  const rows = await hazardsOf();
  // The demo's own clock: the suite may reuse a demo loaded by an earlier process (whose clock, under faketime, can run
  // ahead of this one's).
  const seededAt = (await t.db.selectFrom('audit_log').select('at').where('action', '=', 'system.seed_demo').executeTakeFirstOrThrow()).at;
  const events = await t.db.selectFrom('hazard_events').select(['hazard_id', 'op', 'from_status', 'to_status', 'actor_id', 'at']).orderBy('seq').execute();
  const byHazard = new Map<string, typeof events>();
  for (const e of events) byHazard.set(e.hazard_id, [...(byHazard.get(e.hazard_id) ?? []), e]);
  assert.ok(rows.length >= 50);
  for (const h of rows) {
    const history = byHazard.get(h.id) ?? [];
    assert.ok(history.length > 0, h.code);
    assert.deepEqual([history[0]!.op, history[0]!.from_status, history[0]!.to_status], ['report', null, 'reported'], h.code);
    for (let i = 1; i < history.length; i++) {
      assert.equal(history[i]!.from_status, history[i - 1]!.to_status, `${h.code}: ${history[i]!.op} follows ${history[i - 1]!.op}`);
      assert.ok(history[i]!.at >= history[i - 1]!.at, `${h.code}: in time order`);
    }
    assert.equal(history.at(-1)!.to_status, h.status, `${h.code}: the history ends in ${h.status}`);
    assert.ok(history.at(-1)!.at <= seededAt, `${h.code}: nothing after the demo was loaded`);
    if (h.status === 'closed') {
      assert.notEqual(h.accepted_by ?? 'none', h.rectifier_id, `${h.code}: the acceptor is not the rectifier`);
      assert.notEqual(h.accepted_by ?? 'none', h.submitted_by, `${h.code}: the acceptor is not the submitter`);
      const accept = history.find((e) => e.op === 'accept')!;
      const submit = history.findLast((e) => e.op === 'submit' || e.op === 'fixOnSpot')!;
      assert.ok(accept && submit, h.code);
      assert.equal(accept.actor_id, h.accepted_by);
      assert.equal(submit.actor_id, h.submitted_by);
    }
    // Everyone acting has an account, in every enterprise; only the escalation job acts as nobody.
    assert.ok(history.every((e) => (e.actor_id === null) === (e.op === 'escalate')), `${h.code}: actors`);
    if (h.status === 'closed') assert.ok(h.accepted_by && h.rectifier_id, h.code);
    // The escalation level is what the daily job made of it.
    assert.ok(history.filter((e) => e.op === 'escalate').length >= h.escalation_level, h.code);
    assert.equal(h.level === 'major', !!h.major_criterion, h.code);
    // Fixed on the spot: never confirmed nor given a deadline, but classed.
    if (h.on_spot) assert.ok(h.hazard_class && !h.confirmed_at && !h.deadline, h.code);
    else if (['confirmed', 'rectifying', 'submitted', 'closed'].includes(h.status)) assert.ok(h.hazard_class && h.confirmed_at, h.code);
    if (['rectifying', 'submitted'].includes(h.status) || (h.status === 'closed' && !h.on_spot)) assert.ok(h.deadline && h.measures, h.code);
  }
});

test('each seeded step ran through the hazard service: its history row has the audit row written with it, by the same person at the same time, and the chains hold', async () => {
  const events = await seededEvents();
  const hazardIds = [...new Set(events.map((e) => e.hazard_id))];
  const audit = await t.db.selectFrom('audit_log').select(['entity_id', 'action', 'actor_id', 'at', 'before', 'after', 'request_id'])
    .where('entity_type', '=', 'hazard').where('entity_id', 'in', hazardIds).execute();
  // A workflow step's audit row records the states it moved between (platform/workflow operate()); the other steps
  // (report, plan, supervision, escalation) are matched on who, what and when.
  const workflowOps = new Set<string>(HAZARD_OPS);
  const status = (v: unknown) => (v as { status?: string } | null)?.status ?? null;
  const fromEvents = events.map((e) => [e.hazard_id, `hazard.${e.op}`, e.actor_id, e.at.toISOString(), ...(workflowOps.has(e.op) ? [e.from_status, e.to_status] : [])].join(' ')).sort();
  const fromAudit = audit.map((a) => {
    const op = a.action.slice('hazard.'.length);
    return [a.entity_id, a.action, a.actor_id, a.at.toISOString(), ...(workflowOps.has(op) ? [status(a.before), status(a.after)] : [])].join(' ');
  }).sort();
  assert.ok(events.length >= 300, `${events.length} history rows`);
  assert.deepEqual(fromAudit, fromEvents);
  // People's steps are the seed's requests; escalations are the daily job's, run at its slot's hour.
  assert.deepEqual(new Set(audit.map((a) => a.request_id)), new Set(['demo-seed', 'job:demo-seed']));
  for (const a of audit.filter((x) => x.action === 'hazard.escalate')) {
    assert.deepEqual([a.actor_id, a.request_id, a.at.toISOString().slice(10)], [null, 'job:demo-seed', 'T00:05:00.000Z']);
  }
  const chains = await verifyAuditChain(t.db);
  assert.ok(chains.ok, JSON.stringify(chains.problems));
});

test('R-HAZ-3 escalation levels are the daily job\'s as of its last run, and every submitted rectification carries the after-photo its submitter uploaded', async () => {
  const hazards = await seededHazards();
  // The job last ran at 00:05 UTC today, or yesterday when the demo was loaded before that.
  const run = new Date(`${t.clock.now.toISOString().slice(0, 10)}T00:05:00Z`);
  const lastRun = run < t.clock.now ? run : new Date(run.getTime() - 86_400_000);
  const open = hazards.filter((h) => OPEN.includes(h.status) && h.deadline);
  assert.ok(open.some((h) => h.escalation_level === 3) && open.some((h) => h.escalation_level === 2), 'escalated to the principal and the regulator');
  for (const h of open) assert.equal(h.escalation_level, escalationLevel(h.deadline!, localDay(lastRun)), `${h.code} ${h.title}`);

  const submissions = (await seededEvents()).filter((e) => e.op === 'submit' || e.op === 'fixOnSpot');
  assert.ok(submissions.length >= 40);
  const photoIds = submissions.flatMap((e) => e.photo_ids);
  assert.equal(photoIds.length, submissions.length, 'one photo each');
  const photos = new Map((await t.db.selectFrom('attachments as a')
    .innerJoin('attachment_links as l', (j) => j.onRef('l.enterprise_id', '=', 'a.enterprise_id').onRef('l.attachment_id', '=', 'a.id'))
    .select(['a.id', 'a.kind', 'a.mime', 'a.uploaded_by', 'a.created_at', 'l.owner_type', 'l.owner_id', 'l.role'])
    .where('a.id', 'in', photoIds).execute()).map((p) => [p.id, p]));
  for (const e of submissions) {
    const p = photos.get(e.photo_ids[0]!);
    assert.ok(p, `${e.hazard_id}: the photo is stored`);
    assert.deepEqual([p.kind, p.mime, p.uploaded_by, p.created_at.toISOString(), p.owner_type, p.owner_id, p.role],
      ['photo', 'image/png', e.actor_id, e.at.toISOString(), 'hazard', e.hazard_id, 'after']);
  }
});

test('the people of the other enterprises act through accounts the district admin opened for their employee records before the history began', async () => {
  const events = await seededEvents();
  const others = events.filter((e) => e.enterprise_id !== ids.ownEnterprise.id && e.actor_id);
  const actors = await t.db.selectFrom('users').select(['id', 'username', 'role', 'enterprise_id', 'employee_id', 'must_change_password'])
    .where('id', 'in', [...new Set(others.map((e) => e.actor_id!))]).execute();
  const opened = actors.filter((u) => u.enterprise_id !== null);
  assert.ok(opened.length >= 20, `${opened.length} accounts`);
  assert.ok(actors.some((u) => u.role === 'department_officer') && actors.some((u) => u.role === 'subdistrict_officer'), 'regulators report with their demo accounts');
  const employees = new Map((await t.db.selectFrom('employees').select(['id', 'enterprise_id']).execute()).map((e) => [e.id, e.enterprise_id]));
  const created = new Map((await t.db.selectFrom('audit_log as a').innerJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.entity_id', 'a.at', 'u.username']).where('a.action', '=', 'user.create').execute()).map((a) => [a.entity_id, a]));
  const first = Math.min(...events.map((e) => e.at.getTime()));
  for (const u of opened) {
    assert.ok(['safety_manager', 'employee'].includes(u.role), u.username);
    assert.equal(employees.get(u.employee_id ?? ''), u.enterprise_id, `${u.username}: one of the enterprise's employees`);
    assert.ok(others.filter((e) => e.actor_id === u.id).every((e) => e.enterprise_id === u.enterprise_id), `${u.username}: acts in its own enterprise only`);
    const c = created.get(u.id);
    assert.ok(c && c.username === 'admin' && c.at.getTime() < first, `${u.username}: opened by the admin first`);
    // Opened with a one-time code like any account an admin hands out.
    assert.equal(u.must_change_password, true, u.username);
  }
});

test('a fresh demo\'s bells hold the last days\' notices only: the history\'s older messages are settled, not delivered', async () => {
  const hazards = await seededHazards();
  const byLink = new Map(hazards.map((h) => [`/enterprises/${h.enterprise_id}/hazards/${h.id}`, h]));
  const outbox = (await t.db.selectFrom('outbox').select(['processed_at', 'payload']).execute())
    .map((o) => ({ processed: o.processed_at !== null, payload: o.payload as { userId: string; kind: string; link?: string } }))
    .filter((o) => byLink.has(o.payload.link ?? ''));
  // The history notified as it went (reports, assignments, submissions, closings, reminders, escalations)…
  assert.ok(outbox.length >= 200, `${outbox.length} messages`);
  // …but only the last days' wait for the runner.
  const pending = outbox.filter((o) => !o.processed);
  assert.ok(pending.length >= 5 && pending.length <= 25, `${pending.length} pending`);
  await drainOutbox(t);
  const bell = async (username: string) => ((await ok((await t.login(username)).get('/api/v1/notifications?pageSize=100'))).items as { kind: string; link: string | null }[])
    .filter((n) => n.kind.startsWith('hazard.'));
  const hazardOf = (title: string) => hazards.find((h) => h.title === title)!;
  const linkOf = (title: string) => [...byLink].find(([, h]) => h === hazardOf(title))![0];
  const safety = await bell('safety');
  assert.ok(safety.some((n) => n.kind === 'hazard.extension' && n.link === linkOf('一车间乙班离心机防护罩缺失')), 'the extension waiting for a decision');
  assert.ok(safety.some((n) => n.kind === 'hazard.submitted' && n.link === linkOf('一车间甲班操作平台防滑条脱落')), 'the rectification waiting for acceptance');
  assert.ok(!safety.some((n) => n.link === linkOf('消防通道堆放包装物料')), 'nothing of the history\'s first months');
  for (const username of ['principal', 'safety', 'leader', 'worker', 'guanshang', 'yjj', 'zjj', 'insurer', 'service']) {
    assert.ok((await bell(username)).length <= 10, `${username}: a few notices, not the history`);
  }
});

test('R-HAZ-6 the leaderboard ranks the demo\'s reporters this month and ever, with the rule-set\'s points for their confirmed reports', async () => {
  const e = ids.ownEnterprise.id;
  const rules = await currentRules(t.db, { enterpriseId: e }, HAZARD_POINTS_RULES);
  const ownPeople = new Set((await t.db.selectFrom('users').select('id').where('enterprise_id', '=', e).execute()).map((u) => u.id));
  const accounts = new Map((await t.db.selectFrom('users').select(['username', 'id']).execute()).map((u) => [u.username, u.id]));
  // What the confirm step pays: a report of the enterprise's own people, confirmed by someone else, and not voided.
  const earned = (await hazardsOf(e)).filter((h) => h.confirmed_at && h.status !== 'voided' && h.reported_by && ownPeople.has(h.reported_by) && h.reported_by !== h.confirmed_by);
  const expected = (since: Date | null) => {
    const sums = new Map<string, number>();
    for (const h of earned.filter((x) => !since || x.confirmed_at! >= since)) sums.set(h.reported_by!, (sums.get(h.reported_by!) ?? 0) + rules.value[h.level]);
    return [...sums].sort();
  };
  const safety = await t.login('safety');
  const board = async (period: string) => {
    const res = await ok(safety.get(`/api/v1/enterprises/${e}/hazard-leaderboard?period=${period}`));
    return (res.items as { userId: string; points: number }[]).map((i) => [i.userId, i.points] as [string, number]).sort();
  };
  const thisMonth = startOfLocalMonth(localYear(t.clock.now), localMonthIndex(t.clock.now) + 1);
  const month = await board('month');
  assert.deepEqual(month, expected(thisMonth));
  // Whatever the day of the month, this month's board has the worker and the workshop leader on it.
  assert.deepEqual(month.map(([id]) => id).sort(), [accounts.get('worker')!, accounts.get('leader')!].sort());
  const all = await board('all');
  assert.deepEqual(all, expected(null));
  assert.ok(all.find(([id]) => id === accounts.get('worker'))![1] > 1, 'the worker has reported more than once');
});

test('the rows that go with the records: codes continue, points, the risk feedback flag, the monthly statistics', async () => {
  // R-HAZ-6: points for a report by one of the enterprise's own people confirmed by someone else, and for nothing
  // else (the regulators', the insurer's and the service institution's findings earn none).
  const rows = await hazardsOf();
  const points = await t.db.selectFrom('hazard_points').selectAll().execute();
  const enterpriseOf = new Map((await t.db.selectFrom('users').select(['id', 'enterprise_id']).execute()).map((u) => [u.id, u.enterprise_id]));
  const expected = rows.filter((h) => h.confirmed_at && h.status !== 'voided' && h.reported_by && h.reported_by !== h.confirmed_by
    && enterpriseOf.get(h.reported_by) === h.enterprise_id);
  assert.ok(rows.some((h) => h.confirmed_at && h.reported_by && enterpriseOf.get(h.reported_by) !== h.enterprise_id), 'the demo has outside reporters');
  assert.deepEqual(points.map((p) => [p.hazard_id, p.user_id, p.points]).sort(), expected.map((h) => [h.id, h.reported_by, REPORT_POINTS[h.level]]).sort());
  assert.ok(points.some((p) => p.enterprise_id === ids.ownEnterprise.id));

  // The ledger shows "control failing" exactly at the points with open hazards.
  const risk = await t.db.selectFrom('risk_points').select(['id', 'control_failing']).where('enterprise_id', '=', ids.ownEnterprise.id).execute();
  const openAt = new Set(rows.filter((h) => OPEN.includes(h.status) && h.risk_point_id).map((h) => h.risk_point_id));
  assert.ok(openAt.size >= 2);
  assert.deepEqual(risk.filter((r) => r.control_failing).map((r) => r.id).sort(), [...openAt].sort());

  // The monthly table was filled by its triggers.
  const stats = (await sql<{ found: number; closed: number }>`select sum(found)::int as found, sum(closed)::int as closed from hazard_month_stats`.execute(t.db)).rows[0]!;
  assert.deepEqual([stats.found, stats.closed], [rows.filter((h) => h.status !== 'voided').length, rows.filter((h) => h.status === 'closed').length]);

  // A new report takes the next number after the seeded ones (codes carry the local year of the report).
  const year = localYear(t.clock.now);
  const seeded = rows.filter((h) => h.enterprise_id === ids.ownEnterprise.id && h.code.startsWith(`YH-${year}-`)).map((h) => Number(h.code.slice(-4)));
  const worker = await t.login('worker');
  const res = await worker.post(`/api/v1/enterprises/${ids.ownEnterprise.id}/hazards`, { title: '楼梯扶手松动' });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.data.code, `YH-${year}-${String(Math.max(0, ...seeded) + 1).padStart(4, '0')}`);
});

test('a start on a database whose demo load was interrupted refuses with a clear message instead of serving half a demo', async () => {
  assert.equal((await t.db.selectFrom('app_settings').select('key').where('key', '=', DEMO_LOADING).execute()).length, 0, 'a finished load leaves no marker');
  await t.db.insertInto('app_settings').values({ key: DEMO_LOADING, value: JSON.stringify({ since: t.clock.now.toISOString() }) }).execute();
  try {
    await assert.rejects(createPlatform(t.config, { database: t.platform.database, now: () => t.clock.now }), /演示数据上次加载时中断.*demo data's last load was interrupted/s);
  } finally {
    await t.db.deleteFrom('app_settings').where('key', '=', DEMO_LOADING).execute();
  }
});
