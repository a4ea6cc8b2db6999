import { canonicalJson } from '../../../platform/audit/canonical';
import type { InvestigationEventRow, InterviewCorrectionRow } from './followup-history.repository';
import { CONDUCTORS, INTERVIEW_FIELDS, type HistoryEntry, type InterviewField, type InvestigationPart } from './followup.schema';

/*
 * Pure: what an investigation's edit changed (its parts, for the history), how the stored events read in the accident's
 * detail, and an interview's snapshot and corrections. The events are written by the operations in followup.service.ts
 * and correction.service.ts, in their transactions.
 */

/** An investigation's content as stored (its JSON columns parsed). */
export type StoredContent = {
  team: unknown; cause_direct: string; cause_indirect: string; cause_management: string; five_whys: unknown; responsibility_accident: boolean | null;
  person_findings: unknown; higher_report: string; lessons: string;
};

// Compared in canonical form: jsonb keeps an object's keys in its own order, not the order they were written in.
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const names = (team: unknown): string[] => (Array.isArray(team) ? team.map((p) => String((p as { name?: unknown }).name ?? '')) : []);

/** The parts of the investigation that differ between the content before and after. */
export function changedParts(before: StoredContent, after: StoredContent): InvestigationPart[] {
  const parts: InvestigationPart[] = [];
  if (!same(before.team, after.team)) parts.push('team');
  if (before.cause_direct !== after.cause_direct || before.cause_indirect !== after.cause_indirect || before.cause_management !== after.cause_management) parts.push('causes');
  if (!same(before.five_whys, after.five_whys)) parts.push('fiveWhys');
  if (before.responsibility_accident !== after.responsibility_accident) parts.push('responsibility');
  if (!same(before.person_findings, after.person_findings)) parts.push('personFindings');
  if (before.higher_report !== after.higher_report) parts.push('higherReport');
  if (before.lessons !== after.lessons) parts.push('lessons');
  return parts;
}

/** An edit's detail: the parts changed, the finding before and after when it changed, the team's names when it changed. */
export function updateDetail(before: StoredContent, after: StoredContent): Record<string, unknown> {
  const parts = changedParts(before, after);
  return {
    parts,
    ...(parts.includes('responsibility') ? { responsibilityBefore: before.responsibility_accident, responsibilityAfter: after.responsibility_accident } : {}),
    ...(parts.includes('team') ? { team: names(after.team) } : {}),
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const boolOrNull = (v: unknown) => (typeof v === 'boolean' ? v : null);

export function presentHistory(rows: InvestigationEventRow[]): HistoryEntry[] {
  return rows.map((r) => {
    const d = (r.detail ?? {}) as Record<string, unknown>;
    const conductor = CONDUCTORS.find((c) => c === d.conductedBy) ?? null;
    return {
      op: r.op, at: r.at, byName: r.actor_name, note: r.note,
      parts: Array.isArray(d.parts) ? (d.parts as InvestigationPart[]) : [],
      responsibilityBefore: boolOrNull(d.responsibilityBefore), responsibilityAfter: boolOrNull(d.responsibilityAfter),
      conductedBy: conductor, team: Array.isArray(d.team) ? d.team.map(String) : [],
      content: str(d.content), ownerName: str(d.ownerName), dueOn: typeof d.dueOn === 'string' ? d.dueOn : null,
    };
  });
}

// ---- interviews ----

export type InterviewSnapshot = Record<InterviewField, string>;

type Person = { name: string; role: string; organisation: string };
const people = (ps: readonly Person[]) => ps.map((p) => [p.name, p.role, p.organisation].filter(Boolean).join('、')).join('；');

/** An interview as text per field, to compare and to keep in its history (accidents sorted, so an order change is no change). */
export function interviewSnapshot(v: {
  accidentIds: readonly string[]; heldAt: Date; place: string; principalName: string; participants: readonly Person[]; record: string; commitments: string;
  followUp: string; followUpDue: string | null;
}): InterviewSnapshot {
  return {
    accidentIds: [...v.accidentIds].sort().join(','), heldAt: v.heldAt.toISOString(), place: v.place, principalName: v.principalName,
    participants: people(v.participants), record: v.record, commitments: v.commitments, followUp: v.followUp, followUpDue: v.followUpDue ?? '',
  };
}

export function presentCorrections(rows: InterviewCorrectionRow[]) {
  return rows.map((c) => {
    const before = (c.before ?? {}) as Partial<InterviewSnapshot>;
    const after = (c.after ?? {}) as Partial<InterviewSnapshot>;
    return {
      version: c.version, at: c.at, byName: c.actor_name, reason: c.reason,
      changes: INTERVIEW_FIELDS.filter((f) => (before[f] ?? '') !== (after[f] ?? '')).map((field) => ({ field, before: before[field] ?? '', after: after[field] ?? '' })),
    };
  });
}
