import type { AccidentGrade, AccidentType, ForwardLevel } from '../../../platform/db/schema/accidents';

/*
 * Pure rules of accident reports (no I/O): R-ACC-1 grading, R-ACC-2 lateness and the upward step, R-ACC-3 the
 * supplementary-report window. The [cfg] values come from the 'accidents' rule-set (accidents.rule-sets.ts).
 */

export const GRADES_ASCENDING: readonly AccidentGrade[] = ['general', 'larger', 'major', 'especially_major'];

/** The figures a grade is computed from. Loss in yuan as an exact decimal string ("12345.67"). */
export type Figures = { deaths: number; missing: number; seriousInjuries: number; directLoss: string };

/** Yuan as a decimal string → whole fen (cents), exactly. */
export function toFen(yuan: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new Error(`not a money amount: ${yuan}`);
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
}

const MILLION_FEN = 100_000_000n; // 1,000,000 yuan

/**
 * R-ACC-1 (Order 493 Art 3): the grade is the highest reached by any of deaths, serious injuries (acute industrial
 * poisoning included) or direct economic loss. Missing persons count as deaths when the [cfg] rule says so.
 */
export function gradeOf(f: Figures, missingCountAsDeaths: boolean): AccidentGrade {
  const deaths = f.deaths + (missingCountAsDeaths ? f.missing : 0);
  const serious = f.seriousInjuries;
  const loss = toFen(f.directLoss);
  const byDeaths = deaths >= 30 ? 3 : deaths >= 10 ? 2 : deaths >= 3 ? 1 : 0;
  const bySerious = serious >= 100 ? 3 : serious >= 50 ? 2 : serious >= 10 ? 1 : 0;
  const byLoss = loss >= 100n * MILLION_FEN ? 3 : loss >= 50n * MILLION_FEN ? 2 : loss >= 10n * MILLION_FEN ? 1 : 0;
  return GRADES_ASCENDING[Math.max(byDeaths, bySerious, byLoss)]!;
}

/** R-ACC-2: the level the district forwards an accident of this grade to. */
export function forwardLevelOf(grade: AccidentGrade): ForwardLevel {
  switch (grade) {
    case 'general': return 'city';
    case 'larger': return 'province';
    default: return 'state_council';
  }
}

const MINUTE = 60_000;

/** Whether `later` is more than `minutes` after `earlier` (exactly at the limit is still in time). */
export function beyond(earlier: Date, later: Date, minutes: number): boolean {
  return later.getTime() - earlier.getTime() > minutes * MINUTE;
}

export type LatenessRules = { lateReportMinutes: number; onsiteGapMinutes: number; forwardMinutes: number };
export type Lateness = {
  /** 迟报: the regulators received it more than the limit after the unit head was informed (or have not, past it). */
  late: boolean;
  /** The on-site → unit-head gap is over the [cfg] minutes. */
  onsiteGap: boolean;
  /** The district's upward forward came (or is still missing) more than the limit after receipt. */
  forwardLate: boolean;
};

/**
 * R-ACC-2: the unit head has one hour from being informed to report to the regulators; the district has two hours from
 * receipt to forward upward. A step not yet taken is late once its limit has passed at `now`.
 */
export function latenessOf(
  a: { occurredAt: Date; unitHeadInformedAt: Date; regulatorsReceivedAt: Date | null; forwardedAt: Date | null },
  rules: LatenessRules, now: Date,
): Lateness {
  const received = a.regulatorsReceivedAt;
  return {
    late: beyond(a.unitHeadInformedAt, received ?? now, rules.lateReportMinutes),
    onsiteGap: beyond(a.occurredAt, a.unitHeadInformedAt, rules.onsiteGapMinutes),
    forwardLate: received !== null && beyond(received, a.forwardedAt ?? now, rules.forwardMinutes),
  };
}

export type SupplementRules = { supplementWindowDays: number; supplementWindowShortDays: number; shortWindowTypes: readonly AccidentType[] };

/** R-ACC-3: the days after the accident in which casualties may still change (7 for road traffic and fire, else 30). */
export function supplementWindowDays(type: AccidentType | null, rules: SupplementRules): number {
  return type !== null && rules.shortWindowTypes.includes(type) ? rules.supplementWindowShortDays : rules.supplementWindowDays;
}

/** The instant the window closes: the accident's time plus the window (a report at that very instant is still in). */
export function supplementWindowEnd(occurredAt: Date, type: AccidentType | null, rules: SupplementRules): Date {
  return new Date(occurredAt.getTime() + supplementWindowDays(type, rules) * 86_400_000);
}

export function supplementOpen(occurredAt: Date, type: AccidentType | null, rules: SupplementRules, at: Date): boolean {
  return at.getTime() <= supplementWindowEnd(occurredAt, type, rules).getTime();
}
