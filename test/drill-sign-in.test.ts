import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { createTestPlatform, demoIds, type TestPlatform } from './helpers';
import { addEmployee, uploadSignature } from './signature-helpers';
import { DEMO_PASSWORD } from '../src/seed/demo';

/**
 * Issue 14 §3 "participants (sign-in)" with issue 11 §3: a drill's participants sign in through the platform's
 * signatures — on their own account, or without one on a manager's or team leader's device with a drawing and the
 * last four of their ID number. A sign-in is never claimed by the client; a signed participant stays on the list.
 */

let t: TestPlatform;
let ent: FreshEnterprise;
let other: FreshEnterprise;
let planId: string;
const emp: Record<string, string> = {};

before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-06-20T02:00:00Z');
  ent = await makeEnterprise(t, { onboardedOn: '2025-12-01' });
  other = await makeEnterprise(t, { onboardedOn: '2025-12-01' });
  for (const who of ['safety', 'leader', 'worker', 'worker2'] as const) {
    emp[who] = (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users[who].id).executeTakeFirstOrThrow()).employee_id!;
  }
  planId = (await t.db.insertInto('emergency_plans').values({
    enterprise_id: ent.id, kind: 'comprehensive', title: '综合应急预案', status: 'issued', issued_at: t.clock.now, created_at: t.clock.now, updated_at: t.clock.now,
  }).returning('id').executeTakeFirstOrThrow()).id;
});
after(async () => { await t.close(); });

const api = (p: string, enterpriseId = ent.id) => `/api/v1/enterprises/${enterpriseId}${p}`;

async function recordDrill(participants: { employeeId: string; signIn?: string }[]): Promise<{ id: string; version: number }> {
  const safety = await ent.login('safety');
  const res = await safety.post(api('/drills'), {
    planId, form: 'practical', scenario: '储罐区液氨泄漏应急处置', startedAt: '2026-06-18T09:00:00+08:00', endedAt: '2026-06-18T11:00:00+08:00',
    place: '储罐区', organiserEmployeeId: emp.safety, participants,
  });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.data.id, version: (await safety.get(api(`/drills/${res.data.id}`))).data.version };
}

test('a participant without an account signs in on the team leader\'s device; one with an account signs himself; a claimed sign-in is only a listing', async () => {
  const noAccount = await addEmployee(ent, ent.units.team1, { name: '张焊工' });
  const d = await recordDrill([{ employeeId: emp.worker, signIn: 'signature' }, { employeeId: noAccount.id }, { employeeId: emp.leader }]);
  const worker = await ent.login('worker');
  const leader = await ent.login('leader');

  // The client's "signature" was not one: the worker is listed, not signed in.
  const before = await worker.get(api(`/drills/${d.id}/sign-in`));
  assert.equal(before.statusCode, 200, before.body);
  assert.deepEqual(before.data.items.map((i: { name: string; signedIn: boolean }) => i.signedIn), [false, false, false]);
  assert.equal(before.data.selfPending, true);
  assert.equal(before.data.items.find((i: { employeeId: string }) => i.employeeId === noAccount.id).hasAccount, false);

  // Sign for another: a wrong last four is refused at its field and stores nothing.
  const wrong = await leader.post(api(`/drills/${d.id}/sign-in`), { method: 'proxy_pad', employeeId: noAccount.id, idLast4: '0000', imageAttachmentId: await uploadSignature(leader, ent.id) });
  assert.equal(wrong.statusCode, 400, wrong.body);
  assert.equal(wrong.data.error.issues[0].path, 'body.idLast4');
  const proxy = await leader.post(api(`/drills/${d.id}/sign-in`), {
    method: 'proxy_pad', employeeId: noAccount.id, idLast4: noAccount.last4, imageAttachmentId: await uploadSignature(leader, ent.id), device: '甲班共用手机',
  });
  assert.equal(proxy.statusCode, 200, proxy.body);
  const signed = proxy.data.participants.find((p: { employeeId: string }) => p.employeeId === noAccount.id);
  assert.equal(signed.signIn, 'signature');
  const sig = await t.db.selectFrom('drill_participants as a').innerJoin('signatures as s', (j) => j.onRef('s.enterprise_id', '=', 'a.enterprise_id').onRef('s.id', '=', 'a.signature_id'))
    .select(['s.method', 's.operator_user_id', 's.document_type', 's.device']).where('a.drill_id', '=', d.id).where('a.employee_id', '=', noAccount.id).executeTakeFirstOrThrow();
  assert.deepEqual(sig, { method: 'proxy_pad', operator_user_id: ent.users.leader.id, document_type: 'drill_attendance', device: '甲班共用手机' });
  const again = await leader.post(api(`/drills/${d.id}/sign-in`), { method: 'proxy_pad', employeeId: noAccount.id, idLast4: noAccount.last4, imageAttachmentId: await uploadSignature(leader, ent.id) });
  assert.equal(again.statusCode, 409, again.body);

  // The worker signs on his own account with his password.
  const own = await worker.post(api(`/drills/${d.id}/sign-in`), { method: 'password', password: DEMO_PASSWORD });
  assert.equal(own.statusCode, 200, own.body);
  assert.equal((await worker.get(api(`/drills/${d.id}/sign-in`))).data.selfPending, false);
  const twice = await worker.post(api(`/drills/${d.id}/sign-in`), { method: 'password', password: DEMO_PASSWORD });
  assert.equal(twice.statusCode, 409, twice.body);
  assert.equal(twice.data.error.reason, 'ALREADY_SIGNED_IN');
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', d.id).where('action', '=', 'drill.sign_in').execute();
  assert.equal(audit.length, 2);

  // A signed participant stays listed: an edit that drops him is refused, one that keeps him keeps his signature.
  const safety = await ent.login('safety');
  const base = {
    planId, form: 'practical', scenario: '储罐区液氨泄漏应急处置', startedAt: '2026-06-18T09:00:00+08:00', endedAt: '2026-06-18T11:00:00+08:00',
    place: '储罐区', organiserEmployeeId: emp.safety, version: d.version,
  };
  const dropped = await safety.put(api(`/drills/${d.id}`), { ...base, participants: [{ employeeId: emp.worker }, { employeeId: emp.leader }] });
  assert.equal(dropped.statusCode, 409, dropped.body);
  assert.equal(dropped.data.error.reason, 'SIGNED_IN');
  const kept = await safety.put(api(`/drills/${d.id}`), { ...base, participants: [{ employeeId: emp.worker, signIn: 'manual' }, { employeeId: noAccount.id }, { employeeId: emp.worker2 }] });
  assert.equal(kept.statusCode, 200, kept.body);
  const byId = new Map(kept.data.participants.map((p: { employeeId: string; signIn: string }) => [p.employeeId, p.signIn]));
  assert.deepEqual([byId.get(emp.worker), byId.get(noAccount.id), byId.get(emp.worker2), byId.has(emp.leader)], ['signature', 'signature', 'manual', false]);
});

test('who may not sign in: someone not listed, a voided drill, another enterprise, an account holder through the shared device', async () => {
  const d = await recordDrill([{ employeeId: emp.worker }, { employeeId: emp.safety }]);
  const worker2 = await ent.login('worker2');
  const notListed = await worker2.post(api(`/drills/${d.id}/sign-in`), { method: 'password', password: DEMO_PASSWORD });
  assert.equal(notListed.statusCode, 400, notListed.body);
  assert.match(notListed.data.error.issues[0].message, /不在本次演练/);
  assert.equal((await worker2.get(api(`/drills/${d.id}/sign-in`))).data.selfPending, false);

  // An account holder signs on his own account, not on someone's device.
  const manager = await ent.login('safety');
  const viaDevice = await manager.post(api(`/drills/${d.id}/sign-in`), { method: 'proxy_pad', employeeId: emp.worker, idLast4: '1234', imageAttachmentId: await uploadSignature(manager, ent.id) });
  assert.equal(viaDevice.statusCode, 409, viaDevice.body);
  assert.equal(viaDevice.data.error.reason, 'HAS_ACCOUNT');

  // Another enterprise's people see nothing of it.
  const stranger = await other.login('safety');
  assert.equal((await stranger.get(api(`/drills/${d.id}/sign-in`))).statusCode, 404);
  assert.equal((await stranger.post(api(`/drills/${d.id}/sign-in`), { method: 'password', password: DEMO_PASSWORD })).statusCode, 404);

  // Bad bodies are 400.
  const worker = await ent.login('worker');
  for (const body of [{}, { method: 'pad' }, { method: 'proxy_pad', employeeId: 'x', idLast4: '1', imageAttachmentId: 'y' }, { method: 'password', password: '' }]) {
    assert.equal((await worker.post(api(`/drills/${d.id}/sign-in`), body)).statusCode, 400, JSON.stringify(body));
  }

  const safety = await ent.login('safety');
  const voided = await safety.post(api(`/drills/${d.id}/void`), { reason: '重复录入', version: d.version });
  assert.equal(voided.statusCode, 200, voided.body);
  // The worker no longer sees the voided record; the manager, who does, cannot sign in to it.
  assert.equal((await worker.post(api(`/drills/${d.id}/sign-in`), { method: 'password', password: DEMO_PASSWORD })).statusCode, 404);
  const late = await safety.post(api(`/drills/${d.id}/sign-in`), { method: 'password', password: DEMO_PASSWORD });
  assert.equal(late.statusCode, 409, late.body);
  assert.equal(late.data.error.reason, 'VOIDED');
});

test('the demo: the participants of the yearly drill who have an account signed in with their signatures, the others are listed', async () => {
  const { ownEnterprise } = await demoIds(t.db);
  const signed = await t.db.selectFrom('drill_participants as a')
    .innerJoin('signatures as s', (j) => j.onRef('s.enterprise_id', '=', 'a.enterprise_id').onRef('s.id', '=', 'a.signature_id'))
    .select(['a.drill_id', 'a.employee_id', 's.signer_employee_id', 's.document_type', 's.document_id', 's.method'])
    .where('a.enterprise_id', '=', ownEnterprise.id).execute();
  assert.ok(signed.length >= 4, JSON.stringify(signed));
  assert.ok(signed.every((s) => s.signer_employee_id === s.employee_id && s.document_type === 'drill_attendance' && s.document_id === s.drill_id && s.method === 'password'));
  const drillId = signed[0]!.drill_id;
  const principal = await t.login('principal');
  const d = await principal.get(`/api/v1/enterprises/${ownEnterprise.id}/drills/${drillId}`);
  assert.equal(d.statusCode, 200, d.body);
  const kinds = (d.data.participants as { signIn: string }[]).map((p) => p.signIn);
  assert.equal(kinds.filter((k) => k === 'signature').length, signed.filter((s) => s.drill_id === drillId).length);
  assert.ok(kinds.includes('manual'));
  const audits = await t.db.selectFrom('audit_log').select('seq').where('entity_id', '=', drillId).where('action', '=', 'drill.sign_in').execute();
  assert.equal(audits.length, kinds.filter((k) => k === 'signature').length);
});
