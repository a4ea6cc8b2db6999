import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide, dueForReminder, escalationLevel, HAZARD_OPS, HAZARD_STATES, type HazardActor, type HazardFacts, type HazardOp, type HazardState } from './hazard-workflow';

const nobody: HazardActor = { manager: false, unitLeader: false, rectifier: false, reporter: false, submitter: false };
const ROLES: Record<string, HazardActor> = {
  manager: { ...nobody, manager: true },
  unitLeader: { ...nobody, unitLeader: true },
  rectifier: { ...nobody, rectifier: true, submitter: true },
  reporter: { ...nobody, reporter: true },
  managerWhoRectified: { ...nobody, manager: true, rectifier: true, submitter: true },
  employee: nobody,
};
const facts: HazardFacts = { level: 'general', hasFiveInPlacePlan: false, hasAfterPhoto: true, beforeDeadline: true, extensionPending: false };

/**
 * R-HAZ-3 transition table: every state × operation × role. Cells are the next state or the refusal.
 * Facts: a general hazard, after-photo present, before the deadline, no extension pending
 * (decideExtension is checked separately with a pending request).
 */
const S = 'STATE';
const F = 'FORBIDDEN';
const X = 'SEPARATION';
// Closed and voided hazards are final: every operation is refused as a state error.
function allRefused(): Record<HazardOp, Record<string, string>> {
  const row = { manager: 'STATE', unitLeader: 'STATE', rectifier: 'STATE', reporter: 'STATE', managerWhoRectified: 'STATE', employee: 'STATE' };
  return { confirm: row, assign: row, submit: row, accept: row, reject: row, void: row, fixOnSpot: row, requestExtension: row, decideExtension: row };
}
const TABLE: Record<HazardState, Record<HazardOp, Record<string, string>>> = {
  reported: {
    confirm: { manager: 'confirmed', unitLeader: 'confirmed', rectifier: F, reporter: F, managerWhoRectified: 'confirmed', employee: F },
    assign: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    submit: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    accept: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    reject: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    void: { manager: 'voided', unitLeader: 'voided', rectifier: F, reporter: F, managerWhoRectified: 'voided', employee: F },
    fixOnSpot: { manager: 'submitted', unitLeader: 'submitted', rectifier: F, reporter: 'submitted', managerWhoRectified: 'submitted', employee: F },
    requestExtension: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    decideExtension: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
  },
  confirmed: {
    confirm: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    assign: { manager: 'rectifying', unitLeader: 'rectifying', rectifier: F, reporter: F, managerWhoRectified: 'rectifying', employee: F },
    submit: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    accept: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    reject: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    void: { manager: 'voided', unitLeader: 'voided', rectifier: F, reporter: F, managerWhoRectified: 'voided', employee: F },
    fixOnSpot: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    requestExtension: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    decideExtension: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
  },
  rectifying: {
    confirm: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    assign: { manager: 'rectifying', unitLeader: 'rectifying', rectifier: F, reporter: F, managerWhoRectified: 'rectifying', employee: F },
    submit: { manager: F, unitLeader: F, rectifier: 'submitted', reporter: F, managerWhoRectified: 'submitted', employee: F },
    accept: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    reject: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    void: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    fixOnSpot: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    requestExtension: { manager: 'rectifying', unitLeader: 'rectifying', rectifier: 'rectifying', reporter: F, managerWhoRectified: 'rectifying', employee: F },
    decideExtension: { manager: 'NO_EXTENSION', unitLeader: 'NO_EXTENSION', rectifier: F, reporter: F, managerWhoRectified: X, employee: F },
  },
  submitted: {
    confirm: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    assign: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    submit: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    accept: { manager: 'closed', unitLeader: 'closed', rectifier: F, reporter: F, managerWhoRectified: X, employee: F },
    reject: { manager: 'rectifying', unitLeader: 'rectifying', rectifier: F, reporter: F, managerWhoRectified: X, employee: F },
    void: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    fixOnSpot: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    requestExtension: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
    decideExtension: { manager: S, unitLeader: S, rectifier: S, reporter: S, managerWhoRectified: S, employee: S },
  },
  closed: allRefused(),
  voided: allRefused(),
};

/**
 * D19: who may run each operation at all. Everyone else is refused FORBIDDEN in every state, before the state is
 * looked at, so the refusal tells them nothing about the hazard; the table's STATE cells apply to these roles only.
 */
const SUPERVISORS = ['manager', 'unitLeader', 'managerWhoRectified'];
const ACTORS: Record<HazardOp, string[]> = {
  confirm: SUPERVISORS, assign: SUPERVISORS, accept: SUPERVISORS, reject: SUPERVISORS, void: SUPERVISORS, decideExtension: SUPERVISORS,
  submit: ['rectifier', 'managerWhoRectified'],
  fixOnSpot: ['reporter', ...SUPERVISORS],
  requestExtension: ['rectifier', ...SUPERVISORS],
};

test('R-HAZ-3 transition table: every state × operation × role', () => {
  const wrong: string[] = [];
  for (const state of HAZARD_STATES) {
    for (const op of HAZARD_OPS) {
      for (const [role, who] of Object.entries(ROLES)) {
        const d = decide(op, state, who, facts);
        const got = d.ok ? d.to : d.reason;
        const want = ACTORS[op].includes(role) ? TABLE[state][op][role] : F;
        if (got !== want) wrong.push(`${state} × ${op} × ${role}: got ${got}, want ${want}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('D19: a caller who may never run an operation gets FORBIDDEN in every state, never STATE', () => {
  for (const state of HAZARD_STATES) {
    assert.deepEqual(decide('accept', state, ROLES.employee!, facts), { ok: false, reason: 'FORBIDDEN' }, state);
    assert.deepEqual(decide('submit', state, ROLES.manager!, facts), { ok: false, reason: 'FORBIDDEN' }, state);
    assert.deepEqual(decide('requestExtension', state, ROLES.reporter!, facts), { ok: false, reason: 'FORBIDDEN' }, state);
  }
});

test('R-HAZ-4: a major hazard is not assigned for rectification before its five-in-place plan', () => {
  const major = { ...facts, level: 'major' as const };
  assert.deepEqual(decide('assign', 'confirmed', ROLES.manager!, major), { ok: false, reason: 'PLAN_REQUIRED' });
  assert.deepEqual(decide('assign', 'confirmed', ROLES.manager!, { ...major, hasFiveInPlacePlan: true }), { ok: true, to: 'rectifying' });
  assert.deepEqual(decide('fixOnSpot', 'reported', ROLES.reporter!, major), { ok: false, reason: 'MAJOR_NOT_ON_SPOT' });
});

test('R-HAZ-3: nothing is submitted or fixed on the spot without an after-photo', () => {
  const noPhoto = { ...facts, hasAfterPhoto: false };
  assert.deepEqual(decide('submit', 'rectifying', ROLES.rectifier!, noPhoto), { ok: false, reason: 'PHOTO_REQUIRED' });
  assert.deepEqual(decide('fixOnSpot', 'reported', ROLES.reporter!, noPhoto), { ok: false, reason: 'PHOTO_REQUIRED' });
});

test('R-HAZ-3: extensions are requested before the deadline, one at a time, and decided by someone else above', () => {
  assert.deepEqual(decide('requestExtension', 'rectifying', ROLES.rectifier!, { ...facts, beforeDeadline: false }), { ok: false, reason: 'DEADLINE_PASSED' });
  assert.deepEqual(decide('requestExtension', 'rectifying', ROLES.rectifier!, { ...facts, extensionPending: true }), { ok: false, reason: 'EXTENSION_PENDING' });
  const pending = { ...facts, extensionPending: true };
  assert.deepEqual(decide('decideExtension', 'rectifying', ROLES.unitLeader!, pending), { ok: true, to: 'rectifying' });
  assert.deepEqual(decide('decideExtension', 'rectifying', ROLES.managerWhoRectified!, pending), { ok: false, reason: 'SEPARATION' });
  assert.deepEqual(decide('decideExtension', 'rectifying', ROLES.employee!, pending), { ok: false, reason: 'FORBIDDEN' });
});

test('R-HAZ-3 escalation: unit leader the day after the deadline, principal after 3 days, regulator after 7', () => {
  const rows: [string, 0 | 1 | 2 | 3][] = [
    ['2026-12-09', 0], ['2026-12-10', 0], ['2026-12-11', 1], ['2026-12-13', 1], ['2026-12-14', 2], ['2026-12-17', 2], ['2026-12-18', 3], ['2027-01-30', 3],
  ];
  for (const [today, level] of rows) assert.equal(escalationLevel('2026-12-10', today), level, today);
  assert.equal(dueForReminder('2026-12-10', '2026-12-07'), false);
  assert.equal(dueForReminder('2026-12-10', '2026-12-08'), true);
  assert.equal(dueForReminder('2026-12-10', '2026-12-10'), true);
  assert.equal(dueForReminder('2026-12-10', '2026-12-11'), false);
});
