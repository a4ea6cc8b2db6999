import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HAZARD_STATES } from '../src/modules/hazards/loop/hazard-workflow';
import { makeEnterprise, makeHazard } from './factories';
import { createTestPlatform, type TestPlatform } from './helpers';

let t: TestPlatform;
before(async () => { t = await createTestPlatform(); });
after(async () => { await t.close(); });

test('a fresh enterprise holds exactly the hazards a test made, one in every state, each reached through the workflow', async () => {
  const ent = await makeEnterprise(t);
  const made = [];
  for (const status of HAZARD_STATES) made.push(await makeHazard(t, ent, { status }));
  const safety = await ent.login('safety');
  const list = await safety.get(`/api/v1/enterprises/${ent.id}/hazards?pageSize=50`);
  assert.equal(list.statusCode, 200);
  assert.equal(list.data.total, HAZARD_STATES.length);
  assert.deepEqual(list.data.items.map((h: { status: string }) => h.status).sort(), [...HAZARD_STATES].sort());
  const closed = await safety.get(`/api/v1/enterprises/${ent.id}/hazards/${made.find((h) => h.status === 'closed')!.id}`);
  assert.deepEqual(closed.data.events.map((e: { op: string }) => e.op), ['report', 'confirm', 'assign', 'submit', 'accept']);
  // Another fresh enterprise sees none of them, and its manager cannot open them.
  const other = await makeEnterprise(t);
  const otherSafety = await other.login('safety');
  assert.equal((await otherSafety.get(`/api/v1/enterprises/${ent.id}/hazards/${made[0]!.id}`)).statusCode, 404);
  assert.equal((await otherSafety.get(`/api/v1/enterprises/${other.id}/hazards`)).data.total, 0);
});

test('the factory\'s unit leader leads workshop one only: a hazard of workshop two is not his', async () => {
  const ent = await makeEnterprise(t);
  const mine = await makeHazard(t, ent, { unitId: ent.units.team1 });
  const theirs = await makeHazard(t, ent, { unitId: ent.units.team2 });
  const leader = await ent.login('leader');
  assert.equal((await leader.get(`/api/v1/enterprises/${ent.id}/hazards/${mine.id}`)).statusCode, 200);
  assert.equal((await leader.get(`/api/v1/enterprises/${ent.id}/hazards/${theirs.id}`)).statusCode, 404);
  const list = await leader.get(`/api/v1/enterprises/${ent.id}/hazards`);
  assert.deepEqual(list.data.items.map((h: { id: string }) => h.id), [mine.id]);
});
