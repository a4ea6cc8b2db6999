/**
 * R-RESP-2: the yearly assessment of each person's duty fulfilment, as pure rules: a score's total and grade, and who
 * assesses whom. The grade bands and who assesses the principal are the [cfg] rule-set `duty-assessment`
 * (duty-assessment.rule-sets.ts); each score keeps the version that graded it.
 */

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** The lowest percentage of the points that earns each grade; below `pass` is `fail`. */
export type GradeBands = { excellent: number; good: number; pass: number };
export const DEFAULT_BANDS: GradeBands = { excellent: 90, good: 80, pass: 60 };

/** Who assesses the principal: the board or parent company (recorded by the enterprise's managers), or the principal himself, read by the subdistrict. */
export const PRINCIPAL_ASSESSORS = ['board', 'self'] as const;
export type PrincipalAssessor = (typeof PRINCIPAL_ASSESSORS)[number];

/** How a person's row is assessed: by the leader of a unit above, by the managers, by the board (recorded by a manager), or by the principal himself. */
export type AssessorKind = 'leader' | 'managers' | 'board' | 'self';

/** The bands' grade of a percentage ("以上" includes the number: 90 is excellent at the default bands). */
export function gradeOf(percent: number, bands: GradeBands): Grade {
  if (percent >= bands.excellent) return 'excellent';
  if (percent >= bands.good) return 'good';
  if (percent >= bands.pass) return 'pass';
  return 'fail';
}

/** Points are kept to two decimals (the column is numeric(8,2)). */
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The total of scored items, their maximum, and the total as a percentage of it (one decimal; 0 when nothing can be scored). */
export function scoreTotals(items: readonly { points: number; score: number }[]): { total: number; max: number; percent: number } {
  const total = round2(items.reduce((s, i) => s + i.score, 0));
  const max = round2(items.reduce((s, i) => s + i.points, 0));
  return { total, max, percent: max > 0 ? Math.round((total * 1000) / max) / 10 : 0 };
}

export type Leader = { userId: string; employeeId: string | null; unitPath: string };

/**
 * The leader who assesses a person (R-RESP-2, by the org tree): among the unit leaders of the person's unit and the
 * units above it, the one of the nearest unit who is not the person; a leader is assessed by the leader of a unit
 * above his own. Null when no unit above has one: the enterprise's managers assess the person then.
 */
export function assessorOf(person: { employeeId: string; unitPath: string }, leaders: readonly Leader[]): Leader | null {
  let best: Leader | null = null;
  for (const l of leaders) {
    if (l.employeeId === person.employeeId || !person.unitPath.startsWith(l.unitPath)) continue;
    // A person who leads this very unit is assessed from above it, not by a fellow leader of the same unit.
    if (leaders.some((own) => own.employeeId === person.employeeId && own.unitPath === l.unitPath)) continue;
    if (!best || l.unitPath.length > best.unitPath.length) best = l;
  }
  return best;
}
