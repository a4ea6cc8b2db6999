/**
 * The hidden-hazard closed loop (RULES.md R-HAZ-3, R-HAZ-4) as a pure state machine, declared as a workflow table
 * (src/platform/workflow): which named operation may run in which state, by whom, and what state follows. The service
 * runs every step through `operate()`, and the abilities the web shows come from the same table, so the rules live in
 * one place and the transition table test covers every state × operation × role.
 */
import { defineWorkflow, refuseIf, requires, type BaseRefusal, type Decision as WorkflowDecision } from '../../../platform/workflow';

export const HAZARD_STATES = ['reported', 'confirmed', 'rectifying', 'submitted', 'closed', 'voided'] as const;
export type HazardState = (typeof HAZARD_STATES)[number];

export const HAZARD_OPS = ['confirm', 'assign', 'submit', 'accept', 'reject', 'void', 'fixOnSpot', 'requestExtension', 'decideExtension'] as const;
export type HazardOp = (typeof HAZARD_OPS)[number];

/** How the caller relates to the enterprise and to this hazard, computed by the service from its records. */
export type HazardActor = {
  /** Safety manager, principal or district admin: manages hazards of the whole enterprise. */
  manager: boolean;
  /** Leader of the unit where the hazard is, or of a unit above it. */
  unitLeader: boolean;
  /** The person assigned to rectify. */
  rectifier: boolean;
  /** The person who reported it. */
  reporter: boolean;
  /** Whoever submitted the rectification (the rectifier, or the reporter on the on-the-spot path). */
  submitter: boolean;
};

export type HazardFacts = {
  level: 'general' | 'major';
  /** R-HAZ-4: the five-in-place plan exists. */
  hasFiveInPlacePlan: boolean;
  /** The submission carries an after-photo. */
  hasAfterPhoto: boolean;
  /** Today is on or before the rectification deadline. */
  beforeDeadline: boolean;
  /** An extension request is waiting for a decision. */
  extensionPending: boolean;
};

export type Refusal = BaseRefusal | HazardRefusal;
type HazardRefusal = 'SEPARATION' | 'PLAN_REQUIRED' | 'PHOTO_REQUIRED' | 'DEADLINE_PASSED' | 'EXTENSION_PENDING' | 'NO_EXTENSION' | 'MAJOR_NOT_ON_SPOT';
export type Decision = WorkflowDecision<HazardState, HazardRefusal>;

type Who = HazardActor;
const supervisor = (who: Who) => who.manager || who.unitLeader;
// R-HAZ-3: the acceptor is never the one who rectified.
const separated = refuseIf<Who, HazardFacts, HazardRefusal>('SEPARATION', (who) => who.submitter || who.rectifier);
const afterPhoto = requires<Who, HazardFacts, HazardRefusal>('PHOTO_REQUIRED', (f) => f.hasAfterPhoto);

/** The closed loop's table: for each operation the states it runs from, where it leads, who may run it and its guards. */
export const hazardWorkflow = defineWorkflow<HazardState, HazardOp, Who, HazardFacts, HazardRefusal>({
  states: HAZARD_STATES,
  operations: {
    confirm: { from: ['reported'], to: 'confirmed', actor: supervisor },
    assign: {
      from: ['confirmed', 'rectifying'], to: 'rectifying', actor: supervisor,
      // R-HAZ-4: a major hazard's five-in-place plan comes before rectification starts.
      guards: [requires('PLAN_REQUIRED', (f) => f.level !== 'major' || f.hasFiveInPlacePlan)],
    },
    submit: { from: ['rectifying'], to: 'submitted', actor: (who) => who.rectifier, guards: [afterPhoto] },
    accept: { from: ['submitted'], to: 'closed', actor: supervisor, guards: [separated] },
    reject: { from: ['submitted'], to: 'rectifying', actor: supervisor, guards: [separated] },
    void: { from: ['reported', 'confirmed'], to: 'voided', actor: supervisor },
    // The lighter path: a general hazard fixed at once by whoever found it, still with an after-photo and a second
    // person's acceptance.
    fixOnSpot: {
      from: ['reported'], to: 'submitted', actor: (who) => who.reporter || supervisor(who),
      guards: [refuseIf('MAJOR_NOT_ON_SPOT', (_, f) => f.level === 'major'), afterPhoto],
    },
    requestExtension: {
      from: ['rectifying'], to: 'rectifying', actor: (who) => who.rectifier || supervisor(who),
      guards: [requires('DEADLINE_PASSED', (f) => f.beforeDeadline), refuseIf('EXTENSION_PENDING', (_, f) => f.extensionPending)],
    },
    // Approved by the unit above: a manager or a unit leader, not the rectifier asking for it.
    decideExtension: {
      from: ['rectifying'], to: 'rectifying', actor: supervisor,
      guards: [refuseIf('SEPARATION', (who) => who.rectifier), requires('NO_EXTENSION', (f) => f.extensionPending)],
    },
  },
});

/** D19: who may act is checked before the state, so a caller who may not act learns nothing about the hazard. */
export function decide(op: HazardOp, state: HazardState, who: HazardActor, facts: HazardFacts): Decision {
  return hazardWorkflow.decide(op, state, who, facts);
}

/**
 * R-HAZ-3 overdue escalation [cfg]: the day after the deadline to the unit leader, more than `principalAfterDays`
 * late to the principal, more than `regulatorAfterDays` late to the regulator.
 */
export type EscalationRules = { principalAfterDays: number; regulatorAfterDays: number; remindBeforeDays: number };
export const DEFAULT_ESCALATION: EscalationRules = { principalAfterDays: 3, regulatorAfterDays: 7, remindBeforeDays: 2 };

/** 0 = not overdue; 1 = unit leader; 2 = principal; 3 = regulator. Deadline and today are 'YYYY-MM-DD'. */
export function escalationLevel(deadline: string, today: string, rules: EscalationRules = DEFAULT_ESCALATION): 0 | 1 | 2 | 3 {
  const days = Math.round((Date.parse(today) - Date.parse(deadline)) / 86_400_000);
  if (days <= 0) return 0;
  if (days > rules.regulatorAfterDays) return 3;
  if (days > rules.principalAfterDays) return 2;
  return 1;
}

export function dueForReminder(deadline: string, today: string, rules: EscalationRules = DEFAULT_ESCALATION): boolean {
  const days = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
  return days >= 0 && days <= rules.remindBeforeDays;
}
