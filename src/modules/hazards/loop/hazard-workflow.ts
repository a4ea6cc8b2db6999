/**
 * The hidden-hazard closed loop (RULES.md R-HAZ-3, R-HAZ-4) as a pure state machine: which named operation may
 * run in which state, by whom, and what state follows. Services call `decide()` before any change, so the rules
 * live in one place and the transition table test covers every state × operation × role.
 */
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

export type Refusal = 'FORBIDDEN' | 'STATE' | 'SEPARATION' | 'PLAN_REQUIRED' | 'PHOTO_REQUIRED' | 'DEADLINE_PASSED' | 'EXTENSION_PENDING' | 'NO_EXTENSION' | 'MAJOR_NOT_ON_SPOT';
export type Decision = { ok: true; to: HazardState } | { ok: false; reason: Refusal };

const allow = (to: HazardState): Decision => ({ ok: true, to });
const refuse = (reason: Refusal): Decision => ({ ok: false, reason });

const ALLOWED_FROM: Record<HazardOp, HazardState[]> = {
  confirm: ['reported'],
  assign: ['confirmed', 'rectifying'],
  submit: ['rectifying'],
  accept: ['submitted'],
  reject: ['submitted'],
  void: ['reported', 'confirmed'],
  fixOnSpot: ['reported'],
  requestExtension: ['rectifying'],
  decideExtension: ['rectifying'],
};

/**
 * Who may ever run an operation, whatever the state. D19: checked before the state, so a caller who may not act
 * learns nothing about the hazard from the refusal.
 */
function mayAct(op: HazardOp, who: HazardActor): boolean {
  const supervisor = who.manager || who.unitLeader;
  switch (op) {
    case 'submit': return who.rectifier;
    case 'fixOnSpot': return who.reporter || supervisor;
    case 'requestExtension': return who.rectifier || supervisor;
    case 'confirm': case 'assign': case 'accept': case 'reject': case 'void': case 'decideExtension': return supervisor;
  }
}

export function decide(op: HazardOp, state: HazardState, who: HazardActor, facts: HazardFacts): Decision {
  if (!mayAct(op, who)) return refuse('FORBIDDEN');
  if (!ALLOWED_FROM[op].includes(state)) return refuse('STATE');
  switch (op) {
    case 'confirm':
      return allow('confirmed');
    case 'assign':
      // R-HAZ-4: a major hazard's five-in-place plan comes before rectification starts.
      if (facts.level === 'major' && !facts.hasFiveInPlacePlan) return refuse('PLAN_REQUIRED');
      return allow('rectifying');
    case 'submit':
      return facts.hasAfterPhoto ? allow('submitted') : refuse('PHOTO_REQUIRED');
    case 'accept':
      // R-HAZ-3: the acceptor is never the one who rectified.
      if (who.submitter || who.rectifier) return refuse('SEPARATION');
      return allow('closed');
    case 'reject':
      if (who.submitter || who.rectifier) return refuse('SEPARATION');
      return allow('rectifying');
    case 'void':
      return allow('voided');
    case 'fixOnSpot':
      // The lighter path: a general hazard fixed at once by whoever found it, still with an after-photo and a
      // second person's acceptance.
      if (facts.level === 'major') return refuse('MAJOR_NOT_ON_SPOT');
      return facts.hasAfterPhoto ? allow('submitted') : refuse('PHOTO_REQUIRED');
    case 'requestExtension':
      if (!facts.beforeDeadline) return refuse('DEADLINE_PASSED');
      if (facts.extensionPending) return refuse('EXTENSION_PENDING');
      return allow('rectifying');
    case 'decideExtension':
      // Approved by the unit above: a manager or a unit leader, not the rectifier asking for it.
      if (who.rectifier) return refuse('SEPARATION');
      if (!facts.extensionPending) return refuse('NO_EXTENSION');
      return allow('rectifying');
  }
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
