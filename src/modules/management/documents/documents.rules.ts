/*
 * R-DOC-1, issue 12 §2: the pure rules of the document library — which required written rules (制度) an enterprise
 * lacks, the line diff between two versions' texts, and acknowledgement rates. No I/O: the API, the regulators' list
 * and the plan's milestones read the same functions.
 */

/** One required written rule of the [cfg] catalogue (rule-set `required-rules`). */
export type RequiredRule = {
  code: string;
  name: string;
  nameEn: string;
  /** The RULES.md IDs that require it (shown to administrators, never to people). */
  ruleIds: string[];
  /** The industries that must have it; empty = every enterprise. */
  industries: string[];
};

/**
 * R-DOC-1 [cfg] default: the written rules every enterprise keeps (安全生产法 Art 21, 4; the district plan's 2020/2021
 * milestones name the hazard-investigation, risk-control and commitment systems), and the extra ones of the
 * hazardous-chemical, mining, construction and transport industries.
 */
export const DEFAULT_REQUIRED_RULES: readonly RequiredRule[] = [
  { code: 'responsibility', name: '安全生产责任制', nameEn: 'Safety responsibility system', ruleIds: ['R-RESP-1'], industries: [] },
  { code: 'hazard_investigation', name: '隐患排查治理制度', nameEn: 'Hidden-hazard investigation and remediation', ruleIds: ['R-HAZ-1', 'R-HAZ-3'], industries: [] },
  { code: 'risk_control', name: '安全风险分级管控制度', nameEn: 'Graded safety-risk control', ruleIds: ['R-RISK-1', 'R-RISK-4'], industries: [] },
  { code: 'risk_warning', name: '风险警示报告制度', nameEn: 'Risk warning and reporting', ruleIds: ['R-RISK-7', 'R-RISK-9'], industries: [] },
  { code: 'training', name: '教育培训和考核制度', nameEn: 'Safety training and assessment', ruleIds: ['R-TRN-1', 'R-TRN-2'], industries: [] },
  { code: 'safety_fee', name: '安全生产费用提取使用制度', nameEn: 'Safety fee accrual and use', ruleIds: ['R-INV-1'], industries: [] },
  { code: 'reward_penalty', name: '安全生产奖惩制度', nameEn: 'Safety rewards and penalties', ruleIds: ['R-RESP-2', 'R-HAZ-6'], industries: [] },
  { code: 'commitment', name: '安全承诺制度', nameEn: 'Safety commitment', ruleIds: ['R-COM-1', 'R-RESP-3'], industries: [] },
  { code: 'emergency_plan', name: '应急预案管理制度', nameEn: 'Emergency plan management', ruleIds: ['R-EMG-1', 'R-EMG-2'], industries: [] },
  { code: 'special_operators', name: '特种作业人员管理制度', nameEn: 'Special-operation personnel', ruleIds: ['R-TRN-2'], industries: [] },
  { code: 'ppe', name: '劳动防护用品管理制度', nameEn: 'Personal protective equipment', ruleIds: ['R-PPE-1'], industries: [] },
  { code: 'safety_inspection', name: '安全检查制度', nameEn: 'Safety inspections', ruleIds: ['R-HAZ-1', 'R-RESP-5'], industries: [] },
  { code: 'accident_reporting', name: '事故报告和调查处理制度', nameEn: 'Accident reporting and investigation', ruleIds: ['R-ACC-2'], industries: [] },
  { code: 'hazardous_work', name: '危险作业管理制度', nameEn: 'Hazardous work permits', ruleIds: ['R-DOC-1'], industries: [] },
  { code: 'major_hazard_source', name: '重大危险源管理制度', nameEn: 'Major hazard installations', ruleIds: ['R-DOC-1', 'R-HAZ-4'], industries: ['hazardous_chemicals', 'fireworks', 'civil_explosives', 'gas'] },
  { code: 'hazardous_goods', name: '危险化学品安全管理制度', nameEn: 'Hazardous chemicals management', ruleIds: ['R-DOC-1'], industries: ['hazardous_chemicals', 'fireworks', 'civil_explosives'] },
  { code: 'change_management', name: '变更管理制度', nameEn: 'Management of change', ruleIds: ['R-RISK-6'], industries: ['hazardous_chemicals', 'metal_smelting'] },
  { code: 'mine_leadership_shifts', name: '矿领导带班下井（入坑）制度', nameEn: 'Mine leaders on shift underground', ruleIds: ['R-RESP-6'], industries: ['non_coal_mining'] },
  { code: 'subcontractor', name: '分包单位安全管理制度', nameEn: 'Subcontractor safety management', ruleIds: ['R-DOC-1'], industries: ['construction'] },
  { code: 'driver_vehicle', name: '驾驶员和车辆安全管理制度', nameEn: 'Driver and vehicle safety', ruleIds: ['R-DOC-1'], industries: ['road_transport'] },
];

/** The required rules that apply to an enterprise of `industry`, in catalogue order. */
export function requiredFor(catalogue: readonly RequiredRule[], industry: string): RequiredRule[] {
  return catalogue.filter((r) => r.industries.length === 0 || r.industries.includes(industry));
}

/**
 * R-DOC-1: the required rules an enterprise lacks — those that apply to its industry and that no effective rule
 * document declares it satisfies. `satisfied` is the union of the codes of the enterprise's effective rule documents.
 */
export function missingRequiredRules(catalogue: readonly RequiredRule[], industry: string, satisfied: Iterable<string>): RequiredRule[] {
  const have = new Set(satisfied);
  return requiredFor(catalogue, industry).filter((r) => !have.has(r.code));
}

export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

/** Lines of a text, with Windows and old-Mac line ends read as one. */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/**
 * The change between two versions' bodies, line by line (longest common subsequence): the lines kept, deleted and
 * added, in reading order, deletions before additions where a line was replaced. Quadratic in lines; a rule's body is
 * bounded by its schema (20,000 characters), so at most a few thousand lines.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = linesOf(before);
  const b = linesOf(after);
  // Common head and tail need no table.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ma = a.slice(head, a.length - tail);
  const mb = b.slice(head, b.length - tail);
  const n = ma.length;
  const m = mb.length;
  // lcs[i][j] = length of the LCS of ma[i..] and mb[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = ma[i] === mb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ op: 'same', text }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ma[i] === mb[j]) { out.push({ op: 'same', text: ma[i]! }); i++; j++; }
    else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) { out.push({ op: 'del', text: ma[i]! }); i++; }
    else { out.push({ op: 'add', text: mb[j]! }); j++; }
  }
  for (const text of a.slice(a.length - tail)) out.push({ op: 'same', text });
  return out;
}

/** Counts of a diff, for the version list ("+3 −1"). */
export function diffStats(d: readonly DiffLine[]): { added: number; deleted: number } {
  return { added: d.filter((l) => l.op === 'add').length, deleted: d.filter((l) => l.op === 'del').length };
}

/**
 * R-DOC-1 "人人知晓": acknowledged ÷ asked, as a whole percentage rounded down (99.6% is not everyone), null when
 * nobody was asked.
 */
export function ackRate(acknowledged: number, asked: number): number | null {
  if (asked <= 0) return null;
  return Math.floor((Math.min(acknowledged, asked) * 100) / asked);
}

/** One question of a version's quiz (R-DOC-1's optional short quiz): `correct` is the index of the right option. */
export type QuizQuestion = { text: string; options: readonly string[]; correct: number };

/**
 * Judges a person's answers to a version's quiz: null when there is no quiz or every answer is right; `unanswered`
 * when the answers do not match the questions one for one; else the (0-based) positions answered wrongly.
 */
export function quizMistakes(quiz: readonly QuizQuestion[], answers: readonly number[] | undefined): null | { unanswered: true } | { unanswered: false; wrong: number[] } {
  if (quiz.length === 0) return null;
  if (!answers || answers.length !== quiz.length) return { unanswered: true };
  const wrong = quiz.flatMap((q, i) => (answers[i] === q.correct ? [] : [i]));
  return wrong.length ? { unanswered: false, wrong } : null;
}
