import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allAccepted, filingOffices, planWorkflow, PLAN_OPS, PLAN_STATES, type PlanActor, type PlanFacts, type PlanOp, type PlanState } from './plan-workflow';

/** R-EMG-1: the plan's life cycle table, row by row. */

const manager: PlanActor = { manager: true, principal: false, filer: true };
const principal: PlanActor = { manager: true, principal: true, filer: true };
const employee: PlanActor = { manager: false, principal: false, filer: false };
const facts: PlanFacts = { hasContent: true, filed: false, returned: false };

/** From which states each operation runs, and where it leads. */
const TABLE: Record<PlanOp, { from: PlanState[]; to: PlanState }> = {
  update: { from: ['draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'reviewing' },
  record_review: { from: ['reviewing'], to: 'reviewed' },
  reject_review: { from: ['reviewing'], to: 'draft' },
  sign: { from: ['reviewed'], to: 'signed' },
  issue: { from: ['signed'], to: 'issued' },
  file: { from: ['issued'], to: 'issued' },
  refile: { from: ['issued'], to: 'issued' },
  revise: { from: ['issued', 'filed'], to: 'draft' },
  withdraw: { from: ['draft', 'reviewing', 'reviewed', 'signed', 'issued', 'filed'], to: 'withdrawn' },
};

test('every operation runs from its states only, to its state, for the principal (with the facts it needs)', () => {
  for (const op of PLAN_OPS) {
    for (const state of PLAN_STATES) {
      const d = planWorkflow.decide(op, state, principal, { ...facts, returned: true });
      const want = TABLE[op].from.includes(state);
      assert.equal(d.ok, want, `${op} from ${state}`);
      if (d.ok) assert.equal(d.to, TABLE[op].to);
      else assert.equal(d.reason, 'STATE', `${op} from ${state}`);
    }
  }
});

test('an employee may run no operation: FORBIDDEN before the state', () => {
  for (const op of PLAN_OPS) for (const state of PLAN_STATES) assert.deepEqual(planWorkflow.decide(op, state, employee, facts), { ok: false, reason: 'FORBIDDEN' });
});

test('a safety manager learns he may not sign (NOT_PRINCIPAL); a version is filed once; refiling needs a returned filing; review needs content', () => {
  assert.deepEqual(planWorkflow.decide('sign', 'reviewed', manager, facts), { ok: false, reason: 'NOT_PRINCIPAL' });
  assert.deepEqual(planWorkflow.decide('file', 'issued', manager, { ...facts, filed: true }), { ok: false, reason: 'ALREADY_FILED' });
  assert.deepEqual(planWorkflow.decide('refile', 'issued', manager, facts), { ok: false, reason: 'NOTHING_RETURNED' });
  assert.deepEqual(planWorkflow.decide('submit', 'draft', manager, { ...facts, hasContent: false }), { ok: false, reason: 'CONTENT_REQUIRED' });
  // Nothing changes a filed version but a revision or the plan's withdrawal (R-EMG-1).
  assert.deepEqual(PLAN_OPS.filter((op) => planWorkflow.decide(op, 'filed', principal, facts).ok), ['revise', 'withdraw']);
  // A withdrawn plan is final: no operation leads out of it, not even a second withdrawal.
  assert.deepEqual(PLAN_OPS.filter((op) => planWorkflow.decide(op, 'withdrawn', principal, { ...facts, returned: true }).ok), []);
  assert.deepEqual(planWorkflow.decide('withdraw', 'issued', manager, facts), { ok: true, to: 'withdrawn' });
});

test('a plan is filed when every office accepted; the offices are the emergency department and the industry\'s, each once', () => {
  assert.equal(allAccepted([]), false);
  assert.equal(allAccepted(['accepted']), true);
  assert.equal(allAccepted(['accepted', 'pending']), false);
  assert.equal(allAccepted(['accepted', 'returned']), false);
  assert.deepEqual(filingOffices('yjj', ['zjj']), ['yjj', 'zjj']);
  assert.deepEqual(filingOffices('yjj', ['yjj']), ['yjj']);
  assert.deepEqual(filingOffices(null, ['zjj']), ['zjj']);
  assert.deepEqual(filingOffices(null, []), []);
});
