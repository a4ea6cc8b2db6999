/**
 * The records behind a prefilled score (issue 13 §4, R-STD-1), stored as codes and figures so that each reader sees them
 * in their own language: the prefill writes `{ code, value, link }`, the snapshot keeps it, and `presentEvidence` turns
 * it into the label and the text shown (the module's messages, `standardisation.evidence.*`). Pure: no I/O.
 */
import { t, type Locale } from '../../../platform/i18n/messages';

/** What a record counts; its label is the message `standardisation.evidence.<code>`. */
export const EVIDENCE_CODES = [
  'duty.people', 'duty.posts', 'principal.duties', 'fee.accrued', 'budget.approved', 'laws.adopted', 'laws.linked', 'rules.inForce', 'rules.missing',
  'acks', 'training.planQuarters', 'training.noQuarterYet', 'training.records', 'training.hoursMet', 'training.hoursTotal', 'training.legal',
  'certificates.unqualified', 'certificates.expired', 'certificates.minors', 'competence.records', 'equipment.special', 'equipment.overdue',
  'ppe.issued', 'ppe.overdue', 'ppe.records', 'risk.r8', 'risk.total', 'risk.judged', 'risk.failing', 'hazards.tasks', 'hazards.onTime',
  'emergency.records', 'emergency.planFiled', 'emergency.drills', 'emergency.rescue', 'accidents.records', 'accidents.none', 'accidents.reportedInTime', 'accidents.investigated', 'reviews.duties', 'reviews.rules', 'reviews.investment',
] as const;
export type EvidenceCode = (typeof EVIDENCE_CODES)[number];

/** A yes/no-like answer or "not assessed"; its text is the message `standardisation.evidence.state.<state>`. */
export const EVIDENCE_STATES = ['yes', 'no', 'done', 'notDone', 'signed', 'notSigned', 'notAssessed'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

export type EvidenceValue =
  /** done of all, shown with its percentage. */
  | { kind: 'share'; done: number; all: number }
  | { kind: 'count'; n: number }
  /** Yuan, done of all, two decimals (the unit is in the label). */
  | { kind: 'money'; done: number; all: number }
  | { kind: 'state'; state: EvidenceState }
  /** Names of records (the required rules missing), in both languages as the catalogue gave them. */
  | { kind: 'names'; zh: string[]; en: string[] };

/** A record behind a prefilled score: what it counts, the figure, and where the enterprise sees it. */
export type Evidence = { code: EvidenceCode; value: EvidenceValue; link: string | null };
/** A record as snapshots signed before the records were stored as codes keep it: Chinese text. */
export type LegacyEvidence = { label: string; value: string; link: string | null };
/** What a reader is shown. */
export type EvidenceView = { label: string; value: string; link: string | null };

export const share = (done: number, all: number): EvidenceValue => ({ kind: 'share', done, all });
export const count = (n: number): EvidenceValue => ({ kind: 'count', n });
export const state = (s: EvidenceState): EvidenceValue => ({ kind: 'state', state: s });
export const record = (code: EvidenceCode, value: EvidenceValue, link: string | null = null): Evidence => ({ code, value, link });

function valueText(locale: Locale, v: EvidenceValue): string {
  switch (v.kind) {
    case 'share':
      return v.all > 0 ? t(locale, 'standardisation.evidence.share', { done: v.done, all: v.all, pct: Math.round((v.done / v.all) * 100) }) : `${v.done}/${v.all}`;
    case 'count': return String(v.n);
    case 'money': return `${v.done.toFixed(2)}/${v.all.toFixed(2)}`;
    case 'state': return t(locale, `standardisation.evidence.state.${v.state}`);
    case 'names': return (locale === 'en-US' ? v.en : v.zh).join(t(locale, 'standardisation.evidence.separator'));
  }
}

/** A record in the reader's language; one of an older snapshot stays as it was written. */
export function presentEvidence(locale: Locale, r: Evidence | LegacyEvidence): EvidenceView {
  if (!('code' in r)) return r;
  return { label: t(locale, `standardisation.evidence.${r.code}`), value: valueText(locale, r.value), link: r.link };
}
