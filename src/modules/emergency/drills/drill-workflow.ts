/**
 * An emergency drill's record (issue 14 §3, R-EMG-2) as a workflow table (src/platform/workflow): recorded by the
 * enterprise's managers (recording fulfils the drill duties), edited while recorded, evaluated (what worked, problems,
 * whether the plan needs revising), reported to the regulators by the sectors that must report drills, voided with a
 * reason (what it fulfilled is reverted). The principal confirms, by his own account, that he organised it.
 */
import { defineWorkflow, refuseIf, requires } from '../../../platform/workflow';

export const DRILL_STATES = ['recorded', 'evaluated', 'reported', 'voided'] as const;
export type DrillState = (typeof DRILL_STATES)[number];
export const DRILL_OPS = ['update', 'confirmPrincipal', 'evaluate', 'report', 'void'] as const;
export type DrillOp = (typeof DRILL_OPS)[number];
export const PLAN_KINDS = ['comprehensive', 'special', 'onsite'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const DRILL_FORMS = ['tabletop', 'practical'] as const;

export type DrillActor = {
  /** The enterprise's principal or a safety manager with `drill.write`. */
  manager: boolean;
  /** A manager who may report drills (`drill.report`). */
  reporter: boolean;
  /** The enterprise's principal by his own account, who is the drill's organiser. */
  principalOrganiser: boolean;
};

export type DrillFacts = {
  /** Whether the principal has already confirmed that he organised it. */
  byPrincipal: boolean;
  /** R-EMG-2: the enterprise is in a sector that must report its drills (the half-yearly duty applies to it). */
  mustReport: boolean;
  /** The drill has ended (an evaluation comes after the drill). */
  ended: boolean;
};

type DrillRefusal = 'NOT_PRINCIPAL' | 'ALREADY_CONFIRMED' | 'NOT_ENDED' | 'NOT_REQUIRED';

export const drillWorkflow = defineWorkflow<DrillState, DrillOp, DrillActor, DrillFacts, DrillRefusal>({
  states: DRILL_STATES,
  operations: {
    update: { from: ['recorded'], to: 'recorded', actor: (who) => who.manager },
    // R-RESP-5: only the principal's own act makes it "organised by the principal"; a manager learns why not. He
    // confirms before the evaluation closes the record.
    confirmPrincipal: {
      from: ['recorded'], to: 'recorded', actor: (who) => who.manager || who.principalOrganiser,
      guards: [refuseIf('NOT_PRINCIPAL', (who) => !who.principalOrganiser), refuseIf('ALREADY_CONFIRMED', (_w, f) => f.byPrincipal)],
    },
    evaluate: { from: ['recorded'], to: 'evaluated', actor: (who) => who.manager, guards: [requires('NOT_ENDED', (f) => f.ended)] },
    report: { from: ['evaluated'], to: 'reported', actor: (who) => who.reporter, guards: [requires('NOT_REQUIRED', (f) => f.mustReport)] },
    void: { from: ['recorded', 'evaluated', 'reported'], to: 'voided', actor: (who) => who.manager },
  },
});

/**
 * R-EMG-2, R-RESP-5: the record kinds a drill fulfils when recorded, as the obligation definitions name them: a drill of
 * a comprehensive or special plan the yearly drill (and, organised by the principal, his "ten ones" drill); a drill of
 * an on-site disposal plan that plan's half-year (its subject is the plan). Reporting fulfils the reported half-year.
 */
export function recordKinds(planKind: PlanKind): ('emergency.drill_main' | 'emergency.drill' | 'emergency.drill_onsite')[] {
  return planKind === 'onsite' ? ['emergency.drill_onsite'] : ['emergency.drill_main', 'emergency.drill'];
}

/** An open action is overdue from the day after its due date (local dates, YYYY-MM-DD). */
export function actionOverdue(status: 'open' | 'done' | 'cancelled', dueOn: string, today: string): boolean {
  return status === 'open' && dueOn < today;
}
