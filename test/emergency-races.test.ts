import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type Res, type TestPlatform } from './helpers';
import { addEmployee, uploadSignature } from './signature-helpers';
import { DEMO_PASSWORD } from '../src/seed/demo';

/**
 * Issue 14 (drills, accidents, interviews): two people acting on one record at the same moment, on PostgreSQL only —
 * the embedded engine has one connection and runs them one after the other anyway. Each step reads its record under
 * the row lock before it decides, so the second decides on what the first committed: one winner and one audit row,
 * or, where both are meant to count (supplementary reports), both recorded one after the other.
 */
const skip = !process.env.TEST_DATABASE_URL;
const ROUNDS = 4;

let t: TestPlatform;
let ent: FreshEnterprise;
let principal: Client;
let safety: Client;
let yjj: Client;
let admin: Client;

before(async () => {
  if (skip) return;
  t = await createTestPlatform();
  // 11 May 2026, 10:00 in Kunming.
  t.clock.now = new Date('2026-05-11T02:00:00Z');
  ent = await makeEnterprise(t, { onboardedOn: '2025-12-01' });
  [principal, safety, yjj, admin] = await Promise.all([ent.login('principal'), ent.login('safety'), t.login('yjj'), t.login('admin')]);
});
after(async () => { if (!skip) await t.close(); });

const acc = (p = '') => `/api/v1/enterprises/${ent.id}/accidents${p}`;

async function ok(res: Promise<Res> | Res, status = 200): Promise<Res> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r;
}

/** One request won, the other was refused 409 with this reason; returns the winner's index. */
function oneWinner(results: Res[], reason: string): number {
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
  const loser = results.find((r) => r.statusCode === 409)!;
  assert.equal(loser.data.error.reason, reason, loser.body);
  return results.findIndex((r) => r.statusCode === 200);
}

async function count(table: 'audit_log' | 'accident_events' | 'accident_recipients' | 'accident_supplements' | 'drill_actions' | 'accident_interview_accidents',
  where: Record<string, string>): Promise<number> {
  let q = t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
  for (const [column, value] of Object.entries(where)) q = q.where(column as never, '=', value as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** A quick report by the principal (no casualties: graded 一般), reported up unless asked not to. */
async function accident(reported = true): Promise<string> {
  const id = (await ok(principal.post(acc(), { summary: '反应釜泄漏', place: '一车间' }), 201)).data.id as string;
  if (reported) await ok(principal.post(acc(`/${id}/report-up`), {}));
  return id;
}

test('the principal and the safety manager report the same accident up at once: one report, one set of recipients, one audit row', { skip }, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const id = await accident(false);
    const results = await Promise.all([principal, safety].map((c) => c.post(acc(`/${id}/report-up`), { note: `第${round}轮` })));
    oneWinner(results, 'ALREADY_REPORTED');
    assert.equal(await count('accident_events', { accident_id: id, op: 'report_up' }), 1);
    assert.equal(await count('audit_log', { entity_id: id, action: 'accident.report_up' }), 1);
    const offices = await t.db.selectFrom('accident_recipients').select(['office_kind', 'office_id']).where('accident_id', '=', id).execute();
    assert.equal(new Set(offices.map((o) => `${o.office_kind}:${o.office_id}`)).size, offices.length);
    assert.ok(offices.length >= 2);
    // R-RESP-8: the interview duty the report opens exists once.
    const duty = await t.db.selectFrom('obligation_occurrences').select('id').where('enterprise_id', '=', ent.id)
      .where('definition_key', '=', 'accident.interview').where('subject_key', '=', id).execute();
    assert.equal(duty.length, 1);
  }
});

test('two officers forward the same accident upward at once: one forward, one audit row', { skip }, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const id = await accident();
    const results = await Promise.all([yjj, admin].map((c) => c.post(`/api/v1/accident-inbox/${id}/forward`, { note: `第${round}轮` })));
    oneWinner(results, 'ALREADY_FORWARDED');
    assert.equal(await count('accident_events', { accident_id: id, op: 'forward' }), 1);
    assert.equal(await count('audit_log', { entity_id: id, action: 'accident.forward' }), 1);
    const row = await t.db.selectFrom('accidents').select(['forward_level', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.forward_level, 'city');
  }
});

test('two supplementary reports at once: both recorded, the second decided on the first\'s figures, the grade follows the last', { skip }, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const id = await accident();
    const bodies = [
      { deaths: 1, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLoss: '120000.00', note: '一人经抢救无效死亡' },
      { deaths: 3, missing: 0, seriousInjuries: 2, minorInjuries: 0, directLoss: '3000000.00', note: '又有两人死亡' },
    ];
    const results = await Promise.all([principal, safety].map((c, i) => c.post(acc(`/${id}/supplements`), bodies[i])));
    assert.deepEqual(results.map((r) => r.statusCode), [201, 201], results.map((r) => r.body).join('\n'));
    // The audit trail's order is the order the locked steps ran in.
    const audits = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', id).where('action', '=', 'accident.supplement')
      .orderBy('seq').execute();
    assert.equal(audits.length, 2);
    const [first, second] = audits.map((a) => ({ before: a.before as { deaths: number; grade: string }, after: a.after as { deaths: number; grade: string } }));
    assert.deepEqual([first!.before.deaths, first!.before.grade], [0, 'general']);
    // No lost update: the second saw the first's figures and grade as its "before".
    assert.deepEqual([second!.before.deaths, second!.before.grade], [first!.after.deaths, first!.after.grade]);
    const row = await t.db.selectFrom('accidents').select(['deaths', 'grade', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.deaths, second!.after.deaths);
    assert.equal(row.grade, second!.after.grade);
    // R-ACC-1: three deaths make it 较大, one 一般.
    assert.equal(row.grade, second!.after.deaths === 3 ? 'larger' : 'general');
    const supplements = await t.db.selectFrom('accident_supplements').select(['deaths', 'grade_before', 'grade_after']).where('accident_id', '=', id).execute();
    assert.equal(supplements.length, 2);
    const byDeaths = new Map(supplements.map((s) => [s.deaths, s]));
    assert.equal(byDeaths.get(first!.after.deaths)?.grade_before, 'general');
    assert.equal(byDeaths.get(second!.after.deaths)?.grade_before, first!.after.grade);
    assert.equal(await count('accident_events', { accident_id: id, op: 'supplement' }), 2);
  }
});

test('two officers record an interview for the same accident at once: one fulfils the duty, the other is refused 409', { skip }, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const id = await accident();
    const body = {
      accidentIds: [id], heldAt: '2026-05-11T10:00:00+08:00', place: '区应急管理局会议室', principalName: '主要负责人',
      participants: [{ name: '李监管', role: '约谈人', organisation: '区应急管理局' }], record: `通报事故情况（第${round}轮）`, commitments: '', followUp: '', followUpDue: null,
    };
    const results = await Promise.all([yjj, admin].map((c) => c.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, body)));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409], results.map((r) => r.body).join('\n'));
    const winner = results.find((r) => r.statusCode === 201)!;
    assert.equal(results.find((r) => r.statusCode === 409)!.data.error.reason, 'ALREADY_INTERVIEWED');
    assert.equal(await count('accident_interview_accidents', { accident_id: id }), 1);
    const duty = await t.db.selectFrom('obligation_occurrences').select(['status', 'record_id']).where('enterprise_id', '=', ent.id)
      .where('definition_key', '=', 'accident.interview').where('subject_key', '=', id).executeTakeFirstOrThrow();
    assert.equal(duty.record_id, winner.data.id);
    assert.equal(await count('audit_log', { action: 'accident_interview.record', entity_id: winner.data.id }), 1);
  }
  // Afterwards too: a second interview of an interviewed accident is refused; a merge of a new one with it as well.
  const [done, fresh] = [await accident(), await accident()];
  await ok(yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewOf([done])), 201);
  const merged = await yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewOf([fresh, done]));
  assert.equal(merged.statusCode, 409, merged.body);
  assert.equal(merged.data.error.reason, 'ALREADY_INTERVIEWED');
  await ok(yjj.post(`/api/v1/enterprises/${ent.id}/accident-interviews`, interviewOf([fresh])), 201);
});

function interviewOf(accidentIds: string[]) {
  return {
    accidentIds, heldAt: '2026-05-11T10:00:00+08:00', place: '', principalName: '主要负责人', participants: [], record: '约谈记录', commitments: '', followUp: '', followUpDue: null,
  };
}

// ---- drills ----

async function employeeOf(who: keyof FreshEnterprise['users']): Promise<string> {
  return (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users[who].id).executeTakeFirstOrThrow()).employee_id!;
}

/** A recorded drill of an issued special plan, ended yesterday, with these participants listed. */
async function recordedDrill(participants: string[] = []): Promise<string> {
  const plan = await t.db.insertInto('emergency_plans').values({
    enterprise_id: ent.id, kind: 'special', title: `专项预案${Math.random().toString(36).slice(2, 6)}`, status: 'issued', issued_at: t.clock.now,
    created_at: t.clock.now, updated_at: t.clock.now,
  }).returning('id').executeTakeFirstOrThrow();
  const res = await ok(safety.post(`/api/v1/enterprises/${ent.id}/drills`, {
    planId: plan.id, form: 'practical', scenario: '储罐区液氨泄漏', startedAt: '2026-05-10T09:00:00+08:00', endedAt: '2026-05-10T11:00:00+08:00',
    place: '储罐区', organiserEmployeeId: await employeeOf('safety'), participants: participants.map((employeeId) => ({ employeeId })),
  }), 201);
  return res.data.id as string;
}

test('two managers evaluate the same drill at once: one evaluation and its actions, the other 409', { skip }, async () => {
  const worker = await employeeOf('worker');
  for (let round = 0; round < ROUNDS; round++) {
    const id = await recordedDrill();
    const results = await Promise.all([principal, safety].map((c, i) => c.post(`/api/v1/enterprises/${ent.id}/drills/${id}/evaluate`, {
      wentWell: '疏散有序', problems: '对讲机电量不足', planNeedsRevision: false,
      actions: Array.from({ length: i + 1 }, (_, k) => ({ content: `整改${i}-${k}`, ownerEmployeeId: worker, dueOn: '2026-05-31' })),
    })));
    const w = oneWinner(results, 'STATE');
    assert.equal(await count('drill_actions', { drill_id: id }), w + 1);
    assert.equal(await count('audit_log', { entity_id: id, action: 'drill.evaluate' }), 1);
  }
});

test('the owner reports a drill action done while a manager cancels it: one closure, one audit row', { skip }, async () => {
  const worker = await ent.login('worker');
  const owner = await employeeOf('worker');
  for (let round = 0; round < ROUNDS; round++) {
    const id = await recordedDrill();
    const evaluated = await ok(safety.post(`/api/v1/enterprises/${ent.id}/drills/${id}/evaluate`, {
      wentWell: '良好', planNeedsRevision: false, actions: [{ content: '补充应急照明', ownerEmployeeId: owner, dueOn: '2026-05-31' }],
    }));
    const action = evaluated.data.actions[0].id as string;
    const base = `/api/v1/enterprises/${ent.id}/drill-actions/${action}`;
    const results = await Promise.all([worker.post(`${base}/done`, { note: '已加装' }), safety.post(`${base}/cancel`, { reason: '并入年度计划' })]);
    const w = oneWinner(results, 'STATE');
    const row = await t.db.selectFrom('drill_actions').select(['status', 'version']).where('id', '=', action).executeTakeFirstOrThrow();
    assert.equal(row.status, w === 0 ? 'done' : 'cancelled');
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', action).execute();
    assert.deepEqual(audits.map((a) => a.action), [w === 0 ? 'drill_action.done' : 'drill_action.cancel']);
  }
});

/** The drill's sign-in signatures of one person, and the signature his participant row keeps. */
async function signInsOf(drillId: string, employeeId: string): Promise<{ signatures: string[]; kept: string | null }> {
  const signatures = await t.db.selectFrom('signatures').select('id').where('enterprise_id', '=', ent.id).where('document_type', '=', 'drill_attendance')
    .where('document_id', '=', drillId).where('signer_employee_id', '=', employeeId).execute();
  const row = await t.db.selectFrom('drill_participants').select(['signature_id', 'sign_in']).where('enterprise_id', '=', ent.id).where('drill_id', '=', drillId)
    .where('employee_id', '=', employeeId).executeTakeFirstOrThrow();
  assert.equal(row.sign_in, row.signature_id ? 'signature' : 'manual');
  return { signatures: signatures.map((r) => r.id), kept: row.signature_id };
}

const signIn = (drillId: string) => `/api/v1/enterprises/${ent.id}/drills/${drillId}/sign-in`;

test('the organiser\'s device and a team leader\'s device sign the same person in at once: one signature, one audit row, the other 409', { skip }, async () => {
  // Issue 14 §3 with issue 11 §3: someone without an account signs on a manager's or team leader's device.
  const person = await addEmployee(ent, ent.units.team1, { name: '张焊工' });
  const leader = await ent.login('leader');
  for (let round = 0; round < ROUNDS; round++) {
    const id = await recordedDrill([person.id]);
    const devices = [safety, leader];
    const images = await Promise.all(devices.map((c) => uploadSignature(c, ent.id)));
    const results = await Promise.all(devices.map((c, i) => c.post(signIn(id), {
      method: 'proxy_pad', employeeId: person.id, idLast4: person.last4, imageAttachmentId: images[i], device: `设备${i}（第${round}轮）`,
    })));
    const w = oneWinner(results, 'ALREADY_SIGNED_IN');
    const { signatures, kept } = await signInsOf(id, person.id);
    assert.equal(signatures.length, 1);
    assert.equal(kept, signatures[0]);
    const sig = await t.db.selectFrom('signatures').select(['operator_user_id', 'device']).where('id', '=', kept!).executeTakeFirstOrThrow();
    assert.deepEqual(sig, { operator_user_id: ent.users[w === 0 ? 'safety' : 'leader'].id, device: `设备${w}（第${round}轮）` });
    const audits = await t.db.selectFrom('audit_log').select('after').where('entity_id', '=', id).where('action', '=', 'drill.sign_in').execute();
    assert.equal(audits.length, 1);
    assert.equal((audits[0]!.after as { signatureId: string }).signatureId, kept);
  }
});

test('a participant signs himself in on two devices at once: one signature, the other 409', { skip }, async () => {
  const worker = await employeeOf('worker');
  const devices = await Promise.all([ent.login('worker'), ent.login('worker')]);
  for (let round = 0; round < ROUNDS; round++) {
    const id = await recordedDrill([worker]);
    const results = await Promise.all(devices.map((c) => c.post(signIn(id), { method: 'password', password: DEMO_PASSWORD })));
    oneWinner(results, 'ALREADY_SIGNED_IN');
    const { signatures, kept } = await signInsOf(id, worker);
    assert.equal(signatures.length, 1);
    assert.equal(kept, signatures[0]);
    assert.equal(await count('audit_log', { entity_id: id, action: 'drill.sign_in' }), 1);
  }
});

test('two participants sign in at once, one on his own account and one on the team leader\'s device: both recorded', { skip }, async () => {
  const person = await addEmployee(ent, ent.units.team1, { name: '李电工' });
  const worker = await employeeOf('worker');
  const [workerClient, leader] = await Promise.all([ent.login('worker'), ent.login('leader')]);
  for (let round = 0; round < ROUNDS; round++) {
    const id = await recordedDrill([worker, person.id]);
    const image = await uploadSignature(leader, ent.id);
    const results = await Promise.all([
      workerClient.post(signIn(id), { method: 'password', password: DEMO_PASSWORD }),
      leader.post(signIn(id), { method: 'proxy_pad', employeeId: person.id, idLast4: person.last4, imageAttachmentId: image }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode), [200, 200], results.map((r) => r.body).join('\n'));
    for (const employeeId of [worker, person.id]) {
      const { signatures, kept } = await signInsOf(id, employeeId);
      assert.equal(signatures.length, 1);
      assert.equal(kept, signatures[0]);
    }
    assert.equal(await count('audit_log', { entity_id: id, action: 'drill.sign_in' }), 2);
    // The sign-in device's list shows both signed in.
    const list = await ok(leader.get(signIn(id)));
    assert.deepEqual(list.data.items.map((i: { signedIn: boolean }) => i.signedIn), [true, true]);
  }
});
