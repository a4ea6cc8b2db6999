import {
  combineGrades, gradeMethod, type DirectCondition, type Grade, type Method, type MethodInput, type MethodResult, type RiskRuleSet,
} from '../api/risk-grading';
import type { AssessmentInput } from '../api/risk.api';

/** The assessment part of a form: the methods ticked and the values picked from each published list. */
export type AssessmentValues = {
  stage: 'inherent' | 'residual';
  methods: Method[];
  LEC?: { L?: number; E?: number; C?: number };
  LS?: { L?: number; S?: number };
  MES?: { M?: number; E?: number; S?: number };
  DIRECT?: { conditions?: DirectCondition[] };
  reason: string;
};

export const METHODS: readonly Method[] = ['LEC', 'LS', 'MES', 'DIRECT'];

export function emptyAssessment(stage: AssessmentValues['stage'], reason = ''): AssessmentValues {
  return { stage, methods: ['LEC'], LEC: {}, LS: {}, MES: {}, DIRECT: { conditions: [] }, reason };
}

/** One method's input, or null while a value is still missing. */
export function methodInput(method: Method, v: Partial<AssessmentValues> | undefined): MethodInput | null {
  switch (method) {
    case 'LEC': {
      const { L, E, C } = v?.LEC ?? {};
      return L !== undefined && E !== undefined && C !== undefined ? { method, L, E, C } : null;
    }
    case 'LS': {
      const { L, S } = v?.LS ?? {};
      return L !== undefined && S !== undefined ? { method, L, S } : null;
    }
    case 'MES': {
      const { M, E, S } = v?.MES ?? {};
      return M !== undefined && E !== undefined && S !== undefined ? { method, M, E, S } : null;
    }
    case 'DIRECT':
      return { method, conditions: v?.DIRECT?.conditions ?? [] };
  }
}

export type Preview = { results: (MethodResult & { formula: string })[]; grade: Grade | null; complete: boolean };

function formula(input: MethodInput, score: number | null): string {
  switch (input.method) {
    case 'LEC': return `D = ${input.L} × ${input.E} × ${input.C} = ${score}`;
    case 'LS': return `R = ${input.L} × ${input.S} = ${score}`;
    case 'MES': return `R = ${input.M} × ${input.E} × ${input.S} = ${score}`;
    case 'DIRECT': return '';
  }
}

/** The grade the server will compute, with the same functions and the rule-set in force ("从严从高" across methods). */
export function previewAssessment(v: Partial<AssessmentValues> | undefined, rules: RiskRuleSet | undefined): Preview {
  const methods = v?.methods ?? [];
  if (!rules || methods.length === 0) return { results: [], grade: null, complete: false };
  const results: Preview['results'] = [];
  let complete = true;
  for (const m of METHODS.filter((x) => methods.includes(x))) {
    const input = methodInput(m, v);
    if (!input) {
      complete = false;
      continue;
    }
    const r = gradeMethod(input, rules);
    results.push({ ...r, formula: formula(input, r.score) });
  }
  return { results, grade: results.length ? combineGrades(results) : null, complete };
}

export function toAssessmentInput(v: AssessmentValues): AssessmentInput {
  const methods = METHODS.filter((m) => v.methods.includes(m)).map((m) => methodInput(m, v)).filter((x): x is MethodInput => x !== null);
  return { stage: v.stage, methods, reason: v.reason.trim() };
}
