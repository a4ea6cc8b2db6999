/**
 * An emergency plan's life cycle (issue 14 §1, R-EMG-1) as a workflow table (src/platform/workflow): the safety
 * managers draft a version and submit it for expert review (评审) or demonstration (论证), record the review, the
 * principal signs the exact version, the managers issue it to the staff and file it (备案) with each receiving office;
 * once every office accepted, the plan is filed. A revision starts a new draft version; a plan no longer used is
 * withdrawn (废止), from any state, for good. Pure: the service runs each
 * step through `operate()`, and the detail's abilities come from the same table.
 */
import { defineWorkflow, refuseIf, requires, type BaseRefusal } from '../../../platform/workflow';

export const PLAN_KINDS = ['comprehensive', 'special', 'onsite'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_STATES = ['draft', 'reviewing', 'reviewed', 'signed', 'issued', 'filed', 'withdrawn'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const PLAN_OPS = ['update', 'submit', 'record_review', 'reject_review', 'sign', 'issue', 'file', 'refile', 'revise', 'withdraw'] as const;
export type PlanOp = (typeof PLAN_OPS)[number];
export const REVISION_CAUSES = ['law', 'organisation', 'risks', 'resources', 'drill', 'other'] as const;
export type RevisionCause = (typeof REVISION_CAUSES)[number];
export const REVIEW_CONCLUSIONS = ['passed', 'passed_with_changes', 'failed'] as const;
export type ReviewConclusion = (typeof REVIEW_CONCLUSIONS)[number];
/** `withdrawn`: the enterprise withdrew the plan while the filing waited for the office (or for its correction). */
export const FILING_STATUSES = ['pending', 'accepted', 'returned', 'withdrawn'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** How the caller relates to the plan, computed by the service. */
export type PlanActor = {
  /** The principal or a safety manager of the enterprise holding `emergency_plan.write`. */
  manager: boolean;
  /** The enterprise's principal holding `emergency_plan.sign`. */
  principal: boolean;
  /** May file (备案) the plan (`emergency_plan.file`). */
  filer: boolean;
};

export type PlanFacts = {
  /** The version states its scope and its procedures (the guide's core sections), or has its document attached. */
  hasContent: boolean;
  /** The current version was already filed with the offices. */
  filed: boolean;
  /** One of the current version's filings was returned and waits to be corrected and filed again. */
  returned: boolean;
};

type PlanRefusal = 'CONTENT_REQUIRED' | 'NOT_PRINCIPAL' | 'ALREADY_FILED' | 'NOTHING_RETURNED';
export type Refusal = BaseRefusal | PlanRefusal;

export const planWorkflow = defineWorkflow<PlanState, PlanOp, PlanActor, PlanFacts, PlanRefusal>({
  states: PLAN_STATES,
  operations: {
    update: { from: ['draft'], to: 'draft', actor: (who) => who.manager },
    submit: { from: ['draft'], to: 'reviewing', actor: (who) => who.manager, guards: [requires('CONTENT_REQUIRED', (f) => f.hasContent)] },
    record_review: { from: ['reviewing'], to: 'reviewed', actor: (who) => who.manager },
    // A review that fails sends the version back to its authors.
    reject_review: { from: ['reviewing'], to: 'draft', actor: (who) => who.manager },
    // R-EMG-1: the principal signs the plan himself; a safety manager learns why he may not.
    sign: { from: ['reviewed'], to: 'signed', actor: (who) => who.principal || who.manager, guards: [refuseIf('NOT_PRINCIPAL', (who) => !who.principal)] },
    issue: { from: ['signed'], to: 'issued', actor: (who) => who.manager },
    file: { from: ['issued'], to: 'issued', actor: (who) => who.filer, guards: [refuseIf('ALREADY_FILED', (_w, f) => f.filed)] },
    refile: { from: ['issued'], to: 'issued', actor: (who) => who.filer, guards: [requires('NOTHING_RETURNED', (f) => f.returned)] },
    revise: { from: ['issued', 'filed'], to: 'draft', actor: (who) => who.manager },
    // R-EMG-1: a plan no longer used (the site closed, merged into another plan) is withdrawn for good, whatever its stage.
    withdraw: { from: ['draft', 'reviewing', 'reviewed', 'signed', 'issued', 'filed'], to: 'withdrawn', actor: (who) => who.manager },
  },
});

/** R-EMG-1: a plan is filed when every office it was filed with accepted the version. */
export function allAccepted(statuses: readonly FilingStatus[]): boolean {
  return statuses.length > 0 && statuses.every((s) => s === 'accepted');
}

/**
 * R-EMG-1: the offices a plan is filed with — the district's emergency management department and every department
 * supervising the enterprise's industry — each once.
 */
export function filingOffices(emergencyDepartmentId: string | null, industryDepartmentIds: readonly string[]): string[] {
  return [...new Set([...(emergencyDepartmentId ? [emergencyDepartmentId] : []), ...industryDepartmentIds])];
}
