/**
 * Locked submissions (issue 8 §3): the one state table of every document an enterprise confirms, signs and submits.
 * Pure: no I/O. draft (computed live) → confirmed (signed; snapshot taken) → submitted (locked for good). Editing a
 * confirmed document sends it back to draft; a correction of a submitted one is a new version, starting as a draft.
 */
import { canonicalJson } from '../audit/canonical';
import { sha256Hex } from './pdf';

export const SUBMISSION_STATUSES = ['draft', 'confirmed', 'submitted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export type SubmissionOperation = 'edit' | 'confirm' | 'submit' | 'correct';
/** Why a step is refused; each document maps it to its reason code and message (`REPORT_SUBMITTED`…). */
export type Refusal = 'submitted' | 'confirmed' | 'notConfirmed' | 'notSubmitted';

/** Each operation: the states it may start from, the state it leads to, and the refusal in every other state. */
export const OPERATIONS: Record<SubmissionOperation, { from: readonly SubmissionStatus[]; to: SubmissionStatus; refusals: Partial<Record<SubmissionStatus, Refusal>> }> = {
  edit: { from: ['draft', 'confirmed'], to: 'draft', refusals: { submitted: 'submitted' } },
  confirm: { from: ['draft'], to: 'confirmed', refusals: { confirmed: 'confirmed', submitted: 'submitted' } },
  submit: { from: ['confirmed'], to: 'submitted', refusals: { draft: 'notConfirmed', submitted: 'submitted' } },
  // A correction is a new version; the submitted one stays as it is.
  correct: { from: ['submitted'], to: 'draft', refusals: { draft: 'notSubmitted', confirmed: 'notSubmitted' } },
};

/** Null when the operation may run from `status`, else why not. */
export function decide(op: SubmissionOperation, status: SubmissionStatus): Refusal | null {
  const o = OPERATIONS[op];
  if (o.from.includes(status)) return null;
  return o.refusals[status] ?? 'submitted';
}

export const allowed = (op: SubmissionOperation, status: SubmissionStatus) => decide(op, status) === null;

/** The SHA-256 of a snapshot: over its canonical JSON, so it is the same before it is stored and after jsonb reads it back. */
export function snapshotHash(snapshot: unknown): string {
  return sha256Hex(canonicalJson(snapshot));
}
