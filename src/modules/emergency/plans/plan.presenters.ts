import type { Actor } from '../../../platform/auth/actor';
import { can } from '../../../platform/auth/actor';
import type { FilingRow, VersionRow } from './plan.repository';
import type { FilingView, VersionContent } from './plan.schema';

/** Emergency plans' presenters (issue 14 §1): responses built on purpose, never raw rows. */

/** The caller decides this filing: a department officer of the office it is addressed to, holding the permission. */
export function decides(actor: Actor, f: Pick<FilingRow, 'department_id'>): boolean {
  return actor.scope.kind === 'department' && actor.scope.departmentId === f.department_id && can(actor, 'emergency_plan.accept');
}

export function presentFiling(actor: Actor, f: FilingRow): FilingView {
  const open = f.status === 'pending' && decides(actor, f);
  return {
    id: f.id, enterpriseId: f.enterprise_id, enterpriseName: f.enterprise_name, planId: f.plan_id, planTitle: f.plan_title, planKind: f.plan_kind,
    versionNo: f.version_no, departmentId: f.department_id, departmentName: f.department_name, status: f.status, submittedAt: f.submitted_at,
    rounds: f.rounds, receiptNo: f.receipt_no, returnReason: f.return_reason, decidedAt: f.decided_at, decidedByName: f.decided_by_name ?? null,
    version: f.version, abilities: { accept: open, return: open },
  };
}

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function presentContent(v: Omit<VersionRow, 'signed_by_name'> & { signed_by_name?: string | null }): VersionContent {
  const reviewers = Array.isArray(v.reviewers) ? v.reviewers as VersionContent['reviewers'] : [];
  const distribution = Array.isArray(v.distribution) ? v.distribution as VersionContent['distribution'] : [];
  return {
    number: v.number, scope: v.scope, organisation: v.organisation, responseLevels: v.response_levels, procedures: v.procedures, resources: v.resources,
    body: v.body, riskPointIds: ids(v.risk_point_ids), postIds: ids(v.post_ids), rescueOrganisation: v.rescue_organisation, contacts: v.contacts,
    revisionCause: v.revision_cause, revisionNote: v.revision_note, reviewMode: v.review_mode, reviewers, reviewedOn: v.reviewed_on,
    reviewConclusion: v.review_conclusion, reviewOpinions: v.review_opinions, contentSha256: v.content_sha256, signedAt: v.signed_at,
    signedByName: v.signed_by_name ?? null, distribution, issuedAt: v.issued_at,
  };
}

