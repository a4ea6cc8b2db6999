import { addLocalMonths, localDay } from '../../../platform/time';

/**
 * Risk grading (RULES.md §3): LEC, LS, MES scores with [cfg] bands, direct judgement, "从严从高" combination,
 * control level by grade. Pure: no I/O, so jobs, API, import and reports grade the same way.
 */
export type Grade = 1 | 2 | 3 | 4;
export type Method = 'LEC' | 'LS' | 'MES' | 'DIRECT';

/** R-RISK-2: four grades and their colours. */
export const GRADE_COLOUR: Record<Grade, 'red' | 'orange' | 'yellow' | 'blue'> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue' };
export const GRADE_NAME: Record<Grade, { 'zh-CN': string; 'en-US': string }> = {
  1: { 'zh-CN': '重大风险', 'en-US': 'Major' },
  2: { 'zh-CN': '较大风险', 'en-US': 'Considerable' },
  3: { 'zh-CN': '一般风险', 'en-US': 'General' },
  4: { 'zh-CN': '低风险', 'en-US': 'Low' },
};

/** The published value lists: inputs are picked from them, never typed. */
export const LEC_VALUES = { L: [10, 6, 3, 1, 0.5, 0.2, 0.1], E: [10, 6, 3, 2, 1, 0.5], C: [100, 40, 15, 7, 3, 1] } as const;
export const LS_VALUES = { L: [1, 2, 3, 4, 5], S: [1, 2, 3, 4, 5] } as const;
export const MES_VALUES = { M: [5, 3, 1], E: [10, 6, 3, 2, 1, 0.5], S: [10, 8, 4, 2, 1] } as const;

/** R-RISK-3 direct-judgement conditions [cfg]; any one present grades the point 1. */
export const DIRECT_CONDITIONS = ['law_breach', 'past_accident_uncontrolled', 'major_hazard_source', 'confined_space_uncontrolled', 'dust_explosion_uncontrolled'] as const;
export type DirectCondition = (typeof DIRECT_CONDITIONS)[number];

/** Bands as lower bounds, exclusive ("score above X"): grade 1 above `g1`, 2 above `g2`, 3 above `g3`, else 4. */
export type Bands = { g1: number; g2: number; g3: number };

export type RiskRuleSet = {
  lec: Bands;
  ls: Bands;
  mes: Bands;
  directConditions: DirectCondition[];
  /** R-RISK-4: control level by grade. */
  controlLevel: Record<Grade, ControlLevel>;
  /** Months until a point must be re-assessed, by grade (R-RISK-6). */
  reassessMonths: Record<Grade, number>;
};

export type ControlLevel = 'company' | 'department' | 'workshop' | 'team';
export const CONTROL_LEVELS: ControlLevel[] = ['company', 'department', 'workshop', 'team'];

/** Defaults from RULES.md; an administrator edits them as a new rule-set version. */
export const DEFAULT_RISK_RULES: RiskRuleSet = {
  // R-LEC: D > 320 → 1; 160 < D ≤ 320 → 2; 70 < D ≤ 160 → 3; D ≤ 70 → 4.
  lec: { g1: 320, g2: 160, g3: 70 },
  // R-LS: R ≥ 20 → 1; 9–16 → 2; 4–8 → 3; 1–3 → 4 (products of 1–5 never fall between 16 and 20).
  ls: { g1: 16, g2: 8, g3: 3 },
  // R-MES: R > 180 → 1; 90–180 → 2; 50–90 → 3; ≤ 50 → 4 (half-open bands: 90 is grade 3, 180 grade 2).
  mes: { g1: 180, g2: 90, g3: 50 },
  directConditions: [...DIRECT_CONDITIONS],
  controlLevel: { 1: 'company', 2: 'department', 3: 'workshop', 4: 'team' },
  reassessMonths: { 1: 6, 2: 12, 3: 12, 4: 24 },
};

export function gradeByBands(score: number, b: Bands): Grade {
  if (score > b.g1) return 1;
  if (score > b.g2) return 2;
  if (score > b.g3) return 3;
  return 4;
}

/** Products of decimals like 0.1 × 0.5 are kept exact to three places. */
const product = (...xs: number[]) => Math.round(xs.reduce((a, b) => a * b, 1) * 1000) / 1000;

export type MethodInput =
  | { method: 'LEC'; L: number; E: number; C: number }
  | { method: 'LS'; L: number; S: number }
  | { method: 'MES'; M: number; E: number; S: number }
  | { method: 'DIRECT'; conditions: DirectCondition[] };

export type MethodResult = { method: Method; score: number | null; grade: Grade };

export class InvalidRiskInput extends Error {
  constructor(readonly field: string) {
    super(`value not in the published list: ${field}`);
  }
}

function pick(list: readonly number[], v: number, field: string): number {
  if (!list.includes(v)) throw new InvalidRiskInput(field);
  return v;
}

export function gradeMethod(input: MethodInput, rules: RiskRuleSet): MethodResult {
  switch (input.method) {
    case 'LEC': {
      const d = product(pick(LEC_VALUES.L, input.L, 'L'), pick(LEC_VALUES.E, input.E, 'E'), pick(LEC_VALUES.C, input.C, 'C'));
      return { method: 'LEC', score: d, grade: gradeByBands(d, rules.lec) };
    }
    case 'LS': {
      const r = product(pick(LS_VALUES.L, input.L, 'L'), pick(LS_VALUES.S, input.S, 'S'));
      return { method: 'LS', score: r, grade: gradeByBands(r, rules.ls) };
    }
    case 'MES': {
      const r = product(pick(MES_VALUES.M, input.M, 'M'), pick(MES_VALUES.E, input.E, 'E'), pick(MES_VALUES.S, input.S, 'S'));
      return { method: 'MES', score: r, grade: gradeByBands(r, rules.mes) };
    }
    case 'DIRECT': {
      const hit = input.conditions.some((c) => rules.directConditions.includes(c));
      return { method: 'DIRECT', score: null, grade: hit ? 1 : 4 };
    }
  }
}

/** R-RISK-2 "从严从高": several methods on one point → the highest grade (the smallest number). */
export function combineGrades(results: MethodResult[]): Grade {
  if (results.length === 0) throw new Error('no assessment method');
  return Math.min(...results.map((r) => r.grade)) as Grade;
}

/** R-RISK-4: the level that controls a grade, and every level below it, each naming a responsible person. */
export function requiredControlLevels(grade: Grade, rules: RiskRuleSet): ControlLevel[] {
  const top = CONTROL_LEVELS.indexOf(rules.controlLevel[grade]);
  return CONTROL_LEVELS.slice(top);
}

/**
 * R-RISK-6: the next re-assessment, the grade's months after the local date of the assessment; a day past the end of
 * a shorter month is that month's last day (31 August + 6 months is 28 or 29 February).
 */
export function reassessDue(assessedAt: Date, grade: Grade, rules: RiskRuleSet): string {
  return addLocalMonths(localDay(assessedAt), rules.reassessMonths[grade]);
}
