import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionOverdue, fulfilledRecord, MEETING_OPS, MEETING_STATES, meetingWorkflow, type MeetingActor, type MeetingOp, type MeetingState } from './meeting-workflow';

const WHO: Record<string, MeetingActor> = {
  managerChair: { manager: true, chair: true },
  manager: { manager: true, chair: false },
  chair: { manager: false, chair: true },
  other: { manager: false, chair: false },
};
const ready = { held: true, hasMinutes: true };

/** Every state × operation × caller: the expected answer with the facts all in place. */
const EXPECTED: Record<MeetingOp, Record<MeetingState, Record<keyof typeof WHO, string>>> = {
  update: {
    draft: { managerChair: 'draft', manager: 'draft', chair: 'FORBIDDEN', other: 'FORBIDDEN' },
    confirmed: { managerChair: 'STATE', manager: 'STATE', chair: 'FORBIDDEN', other: 'FORBIDDEN' },
    voided: { managerChair: 'STATE', manager: 'STATE', chair: 'FORBIDDEN', other: 'FORBIDDEN' },
  },
  confirm: {
    draft: { managerChair: 'confirmed', manager: 'NOT_CHAIR', chair: 'confirmed', other: 'FORBIDDEN' },
    confirmed: { managerChair: 'STATE', manager: 'STATE', chair: 'STATE', other: 'FORBIDDEN' },
    voided: { managerChair: 'STATE', manager: 'STATE', chair: 'STATE', other: 'FORBIDDEN' },
  },
  void: {
    draft: { managerChair: 'voided', manager: 'voided', chair: 'FORBIDDEN', other: 'FORBIDDEN' },
    confirmed: { managerChair: 'voided', manager: 'voided', chair: 'FORBIDDEN', other: 'FORBIDDEN' },
    voided: { managerChair: 'STATE', manager: 'STATE', chair: 'FORBIDDEN', other: 'FORBIDDEN' },
  },
};

test('the meeting workflow table, cell by cell', () => {
  for (const op of MEETING_OPS) {
    for (const state of MEETING_STATES) {
      for (const [name, who] of Object.entries(WHO)) {
        const d = meetingWorkflow.decide(op, state, who, ready);
        assert.equal(d.ok ? d.to : d.reason, EXPECTED[op][state][name], `${op} ${state} ${name}`);
      }
    }
  }
});

test('the chair confirms only a meeting that was held and has minutes', () => {
  const chair = WHO.chair!;
  assert.deepEqual(meetingWorkflow.decide('confirm', 'draft', chair, { held: false, hasMinutes: true }), { ok: false, reason: 'NOT_HELD_YET' });
  assert.deepEqual(meetingWorkflow.decide('confirm', 'draft', chair, { held: true, hasMinutes: false }), { ok: false, reason: 'MINUTES_REQUIRED' });
});

test('R-RESP-5: which confirmed meetings fulfil which duty', () => {
  assert.equal(fulfilledRecord('safety_topic', false), 'meeting.safety_topic');
  assert.equal(fulfilledRecord('safety_committee', false), 'meeting.safety_topic');
  assert.equal(fulfilledRecord('congress', true), 'meeting.congress_report');
  assert.equal(fulfilledRecord('staff_assembly', true), 'meeting.congress_report');
  assert.equal(fulfilledRecord('congress', false), null);
  assert.equal(fulfilledRecord('regular', true), null);
  assert.equal(fulfilledRecord('other', false), null);
});

test('an open action is overdue from the day after its due date', () => {
  assert.equal(actionOverdue('open', '2026-03-31', '2026-03-31'), false);
  assert.equal(actionOverdue('open', '2026-03-31', '2026-04-01'), true);
  assert.equal(actionOverdue('done', '2026-03-31', '2026-04-01'), false);
  assert.equal(actionOverdue('open', null, '2026-04-01'), false);
});
