/**
 * R-STD-1: the self-assessment's arithmetic. Pure: no I/O. Each element's score is the prefill's ratio times its
 * maximum (rounded to 0.1), or the enterprise's adjusted score; an element with neither is "not assessed" and leaves
 * the assessed maximum. The total is normalised: the sum of the assessed elements' scores ÷ the sum of their maxima ×
 * 100, so an element the platform cannot judge yet (emergency, accidents) neither counts against the enterprise nor
 * for it. The intended grade compares that total with the [cfg] thresholds; it is never an awarded grade.
 */
import type { Evidence, LegacyEvidence } from './standardisation.evidence';
import type { Grade, Prefill, StandardisationRules } from './standardisation.rule-sets';
/** A prefill's answer: the ratio achieved (0..1), or null when it cannot judge (no data source yet). */
export type PrefillResult = { ratio: number | null; records: Evidence[] };
export type Adjustment = { code: string; score: number; reason: string; evidenceIds: string[]; adjustedBy?: string | null; adjustedAt?: string | null };

export type ElementScore = {
  code: string; name: string; firstLevel: string; maxPoints: number; rule: string; prefill: Prefill | null;
  /** The records behind the prefill; a snapshot signed before they were stored as codes holds Chinese text. */
  prefilledScore: number | null; records: (Evidence | LegacyEvidence)[];
  adjusted: Adjustment | null;
  score: number | null;
  assessed: boolean;
};
export type FirstLevelScore = { code: string; name: string; maxPoints: number; assessedMax: number; score: number; assessed: boolean };
export type Totals = { rawScore: number; assessedMax: number; tableMax: number; normalised: number | null; intendedGrade: Grade | 'none' | null };

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** A ratio, or null for 0 ÷ 0 only when `emptyIs` says so. */
export function ratioOf(done: number, all: number, emptyIs: number | null): number | null {
  if (all <= 0) return emptyIs;
  return clamp01(done / all);
}

/** R-STD-1 [cfg]: 一级 ≥ 90, 二级 ≥ 75, 三级 ≥ 60 of the normalised total; below the third, no grade ("none"). */
export function intendedGrade(total: number, g: StandardisationRules['grades']): Grade | 'none' {
  if (total >= g.first) return '1';
  if (total >= g.second) return '2';
  if (total >= g.third) return '3';
  return 'none';
}

/** Scores every element of the table from the prefills and the adjustments, and totals them. */
export function scoreAssessment(rules: StandardisationRules, prefills: ReadonlyMap<Prefill, PrefillResult>, adjustments: readonly Adjustment[]) {
  const adj = new Map(adjustments.map((a) => [a.code, a]));
  const elements: ElementScore[] = rules.elements.map((e) => {
    const p = e.prefill ? prefills.get(e.prefill) : undefined;
    const prefilledScore = p && p.ratio !== null ? round1(clamp01(p.ratio) * e.maxPoints) : null;
    const a = adj.get(e.code) ?? null;
    const score = a ? Math.min(a.score, e.maxPoints) : prefilledScore;
    return {
      code: e.code, name: e.name, firstLevel: e.code.split('.').slice(0, 2).join('.'), maxPoints: e.maxPoints, rule: e.rule, prefill: e.prefill,
      prefilledScore, records: p?.records ?? [], adjusted: a, score, assessed: score !== null,
    };
  });
  const firstLevel: FirstLevelScore[] = rules.firstLevel.map((f) => {
    const mine = elements.filter((e) => e.firstLevel === f.code);
    const assessed = mine.filter((e) => e.assessed);
    return {
      code: f.code, name: f.name, maxPoints: round1(mine.reduce((n, e) => n + e.maxPoints, 0)),
      assessedMax: round1(assessed.reduce((n, e) => n + e.maxPoints, 0)), score: round1(assessed.reduce((n, e) => n + (e.score ?? 0), 0)),
      assessed: assessed.length > 0,
    };
  });
  return { elements, firstLevel, totals: totalsOf(rules, elements) };
}

export function totalsOf(rules: StandardisationRules, elements: readonly ElementScore[]): Totals {
  const assessed = elements.filter((e) => e.assessed);
  const rawScore = round1(assessed.reduce((n, e) => n + (e.score ?? 0), 0));
  const assessedMax = round1(assessed.reduce((n, e) => n + e.maxPoints, 0));
  const tableMax = round1(elements.reduce((n, e) => n + e.maxPoints, 0));
  const normalised = assessedMax > 0 ? round1((rawScore / assessedMax) * 100) : null;
  return { rawScore, assessedMax, tableMax, normalised, intendedGrade: normalised === null ? null : intendedGrade(normalised, rules.grades) };
}

/** The day a certificate awarded on `reviewedOn` expires ([cfg] years later, the day before the anniversary). */
export function certificateValidUntil(reviewedOn: string, years: number): string {
  const [y, m, d] = reviewedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The day the re-review is to be requested: [cfg] months before the certificate's last day (clamped to month ends). */
export function reReviewDueOn(validUntil: string, monthsBefore: number): string {
  const [y, m, d] = validUntil.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) - monthsBefore;
  const ty = Math.floor(idx / 12);
  const tm = idx % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
