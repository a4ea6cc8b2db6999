/**
 * The annual risk report (R-RISK-9) and the subdistrict's aggregate: figures composed from ledger records, deadlines,
 * and the department's view of an aggregate. Pure: no I/O, so the API, the jobs and the tests compute them alike.
 */
import { localMonthIndex, startOfLocalYear } from '../../../platform/time';
import type { ControlLevel, Grade } from '../points/risk-grading';

export const REPORT_STATUSES = ['none', 'draft', 'confirmed', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** The steps of a report's history: `correct` opens a new version of a submitted report. */
export const REPORT_ACTIONS = ['create', 'confirm', 'reopen', 'submit', 'correct'] as const;
export const R8_ITEMS = ['warningSigns', 'monitoring', 'emergencyEquipment', 'escapeRoutes'] as const;
export type R8Item = (typeof R8_ITEMS)[number];
const KINDS = ['equipment', 'operation', 'place'] as const;
type RiskKind = (typeof KINDS)[number];
type MeasureCategory = 'engineering' | 'monitoring' | 'isolation' | 'ppe' | 'management' | 'training' | 'emergency';

export type GradeCounts = { 1: number; 2: number; 3: number; 4: number };
/** Counts over a set of risk points; the same shape for an enterprise, an industry and a subdistrict. */
export type PointFigures = {
  total: number; byGrade: GradeCounts; unassessed: number; overdue: number; missingR8: number; controlFailing: number; majorHazardSources: number;
};

export type ReportPoint = {
  id: string; code: string; name: string; kind: RiskKind; orgUnitId: string; orgUnitName: string;
  location: string; grade: Grade | null; controlLevel: ControlLevel | null; majorHazardSource: boolean; accidentTypes: string[];
  reassessDue: string | null; controlFailing: boolean; emergencyMeasures: string; r8: Record<R8Item, boolean>;
};
export type ReportMeasure = { riskPointId: string; category: MeasureCategory; content: string };
export type ReportController = { riskPointId: string; level: ControlLevel; name: string };
/** An assessment made in the report's year; `first` marks a point's initial grading, the others are re-assessments. */
export type ReportAssessment = {
  riskPointId: string; code: string; name: string; stage: 'inherent' | 'residual'; grade: number; previousGrade: number | null; reason: string; assessedAt: string; first: boolean;
};
/** An assessment as the report lists it: grades as the database checks them, 1–4. */
type ListedAssessment = Omit<ReportAssessment, 'first' | 'grade' | 'previousGrade'> & { grade: Grade; previousGrade: Grade | null };

type PointRef = { id: string; code: string; name: string; grade: Grade | null };
export type Grade1Item = {
  id: string; code: string; name: string; orgUnitName: string; controlLevel: ControlLevel | null; majorHazardSource: boolean;
  reassessDue: string | null; missingR8: R8Item[]; controlFailing: boolean;
};
export type ReportData = {
  year: number;
  /** The day the figures were taken: overdue re-assessments are counted against it. */
  asOf: string;
  totals: PointFigures;
  byKind: { kind: RiskKind; total: number; byGrade: GradeCounts }[];
  byUnit: { orgUnitId: string; orgUnitName: string; total: number; byGrade: GradeCounts }[];
  measuresByCategory: Record<MeasureCategory, number>;
  assessments: { inYear: number; initial: number; reassessments: ListedAssessment[] };
  grade1: Grade1Item[];
  overdue: (PointRef & { reassessDue: string })[];
  missingR8: (PointRef & { missing: R8Item[] })[];
  controlFailing: PointRef[];
  riskList: {
    id: string; code: string; name: string; kind: RiskKind; orgUnitName: string; location: string; grade: Grade | null; controlLevel: ControlLevel | null;
    majorHazardSource: boolean; accidentTypes: string[]; reassessDue: string | null; controllers: { level: ControlLevel; name: string }[];
    measures: { category: MeasureCategory; content: string }[]; emergencyMeasures: string;
  }[];
};

export const emptyGrades = (): GradeCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0 });
export const emptyFigures = (): PointFigures => ({ total: 0, byGrade: emptyGrades(), unassessed: 0, overdue: 0, missingR8: 0, controlFailing: 0, majorHazardSources: 0 });

/** R-RISK-8: the items a grade 1–2 point lacks; other grades need none of them. */
export function missingR8Items(p: Pick<ReportPoint, 'grade' | 'r8'>): R8Item[] {
  if (p.grade === null || p.grade > 2) return [];
  return R8_ITEMS.filter((k) => !p.r8[k]);
}

export function isOverdue(reassessDue: string | null, asOf: string): boolean {
  return reassessDue !== null && reassessDue < asOf;
}

/** R-RISK-9: the report is due by 31 December of its year. */
export function reportDueDate(year: number): string {
  return `${year}-12-31`;
}

/** Calendar days from `today` (the local date) to the due date: 0 on 31 December itself, negative once it has passed. */
export function daysUntilDue(year: number, today: string): number {
  return Math.round((Date.parse(reportDueDate(year)) - Date.parse(today)) / 86_400_000);
}

/** Submitted on or before the due date (the platform's local calendar day, as `today()` everywhere else). */
export function isOnTime(year: number, submittedAt: Date): boolean {
  return submittedAt.getTime() < reportDeadline(year).getTime();
}

/** The first instant after the due date: local midnight starting 1 January of the next year. */
export function reportDeadline(year: number): Date {
  return startOfLocalYear(year + 1);
}

/** R-RISK-9 reminders go out in (local) December of the report's year. */
export function inAnnualReminderWindow(now: Date): boolean {
  return localMonthIndex(now) === 11;
}

function addPoint(f: PointFigures, p: ReportPoint, asOf: string): void {
  f.total++;
  if (p.grade === null) f.unassessed++;
  else f.byGrade[p.grade]++;
  if (isOverdue(p.reassessDue, asOf)) f.overdue++;
  if (missingR8Items(p).length > 0) f.missingR8++;
  if (p.controlFailing) f.controlFailing++;
  if (p.majorHazardSource) f.majorHazardSources++;
}

/** Names in pinyin order and codes with their numbers in numeric order, whatever the server's locale. */
const compareText = new Intl.Collator('zh-CN', { numeric: true }).compare;
const byCode = <T extends { code: string }>(a: T, b: T) => compareText(a.code, b.code);

/** The figures, lists and risk list of an enterprise's annual report, from its ledger and the year's assessments. */
export function composeReportData(input: {
  year: number; asOf: string; points: ReportPoint[]; measures: ReportMeasure[]; controllers: ReportController[]; assessments: ReportAssessment[];
}): ReportData {
  const { year, asOf } = input;
  const points = [...input.points].sort(byCode);
  const totals = emptyFigures();
  const kinds = new Map<RiskKind, { kind: RiskKind; total: number; byGrade: GradeCounts }>(KINDS.map((k) => [k, { kind: k, total: 0, byGrade: emptyGrades() }]));
  const units = new Map<string, { orgUnitId: string; orgUnitName: string; total: number; byGrade: GradeCounts }>();
  for (const p of points) {
    addPoint(totals, p, asOf);
    const k = kinds.get(p.kind)!;
    k.total++;
    if (p.grade !== null) k.byGrade[p.grade]++;
    const u = units.get(p.orgUnitId) ?? { orgUnitId: p.orgUnitId, orgUnitName: p.orgUnitName, total: 0, byGrade: emptyGrades() };
    u.total++;
    if (p.grade !== null) u.byGrade[p.grade]++;
    units.set(p.orgUnitId, u);
  }
  const live = new Set(points.map((p) => p.id));
  const measuresByCategory: Record<MeasureCategory, number> = { engineering: 0, monitoring: 0, isolation: 0, ppe: 0, management: 0, training: 0, emergency: 0 };
  for (const m of input.measures) if (live.has(m.riskPointId)) measuresByCategory[m.category]++;
  const measuresOf = groupBy(input.measures, (m) => m.riskPointId);
  const controllersOf = groupBy(input.controllers, (c) => c.riskPointId);
  const ref = (p: ReportPoint): PointRef => ({ id: p.id, code: p.code, name: p.name, grade: p.grade });
  const assessments = [...input.assessments].sort((a, b) => compareText(a.assessedAt, b.assessedAt) || compareText(a.code, b.code));
  return {
    year,
    asOf,
    totals,
    byKind: [...kinds.values()],
    byUnit: [...units.values()].sort((a, b) => b.total - a.total || compareText(a.orgUnitName, b.orgUnitName)),
    measuresByCategory,
    assessments: {
      inYear: assessments.length,
      initial: assessments.filter((a) => a.first).length,
      // The database checks an assessment's grade (1–4); the repository reads it as a plain number.
      reassessments: assessments.filter((a) => !a.first).map(({ first: _first, ...a }) => ({ ...a, grade: a.grade as Grade, previousGrade: a.previousGrade as Grade | null })),
    },
    grade1: points.filter((p) => p.grade === 1).map((p) => ({
      id: p.id, code: p.code, name: p.name, orgUnitName: p.orgUnitName, controlLevel: p.controlLevel, majorHazardSource: p.majorHazardSource,
      reassessDue: p.reassessDue, missingR8: missingR8Items(p), controlFailing: p.controlFailing,
    })),
    overdue: points.filter((p) => isOverdue(p.reassessDue, asOf)).map((p) => ({ ...ref(p), reassessDue: p.reassessDue! })),
    missingR8: points.filter((p) => missingR8Items(p).length > 0).map((p) => ({ ...ref(p), missing: missingR8Items(p) })),
    controlFailing: points.filter((p) => p.controlFailing).map(ref),
    riskList: points.map((p) => ({
      id: p.id, code: p.code, name: p.name, kind: p.kind, orgUnitName: p.orgUnitName, location: p.location, grade: p.grade, controlLevel: p.controlLevel,
      majorHazardSource: p.majorHazardSource, accidentTypes: p.accidentTypes, reassessDue: p.reassessDue,
      controllers: (controllersOf.get(p.id) ?? []).map((c) => ({ level: c.level, name: c.name })),
      measures: (measuresOf.get(p.id) ?? []).map((m) => ({ category: m.category, content: m.content })),
      emergencyMeasures: p.emergencyMeasures,
    })),
  };
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

// ---- the subdistrict's aggregate ----

/** What the aggregate reads of one enterprise: its report status and, when submitted, the figures it locked. */
export type EnterpriseReportFacts = {
  enterpriseId: string; enterpriseName: string; creditCode: string; industryCode: string; industryName: string;
  status: ReportStatus; submittedAt: Date | null; totals: PointFigures | null; grade1: Grade1Item[];
};
type Attendance = { enterprises: number; submitted: number; onTime: number; late: number; notSubmitted: number };
export type IndustryAggregate = Attendance & { industryCode: string; industryName: string; points: PointFigures };
export type SubdistrictAggregate = {
  year: number;
  totals: Attendance & { points: PointFigures };
  byIndustry: IndustryAggregate[];
  grade1: (Grade1Item & { enterpriseId: string; enterpriseName: string; industryCode: string })[];
  reports: { enterpriseId: string; enterpriseName: string; creditCode: string; industryCode: string; submittedAt: string; onTime: boolean; points: PointFigures }[];
  nonSubmitters: { enterpriseId: string; enterpriseName: string; creditCode: string; industryCode: string; status: ReportStatus }[];
};

function addFigures(into: PointFigures, f: PointFigures): void {
  into.total += f.total;
  for (const g of [1, 2, 3, 4] as const) into.byGrade[g] += f.byGrade[g];
  into.unassessed += f.unassessed;
  into.overdue += f.overdue;
  into.missingR8 += f.missingR8;
  into.controlFailing += f.controlFailing;
  into.majorHazardSources += f.majorHazardSources;
}

function totalsOf(byIndustry: IndustryAggregate[]): SubdistrictAggregate['totals'] {
  const t = { enterprises: 0, submitted: 0, onTime: 0, late: 0, notSubmitted: 0, points: emptyFigures() };
  for (const i of byIndustry) {
    t.enterprises += i.enterprises;
    t.submitted += i.submitted;
    t.onTime += i.onTime;
    t.late += i.late;
    t.notSubmitted += i.notSubmitted;
    addFigures(t.points, i.points);
  }
  return t;
}

/**
 * R-RISK-9: the subdistrict sums the SUBMITTED reports of its enterprises, by industry so each district department
 * can take the part it supervises, and lists who has not submitted. Figures come from the locked snapshots only.
 */
export function aggregateSubdistrict(year: number, facts: EnterpriseReportFacts[], owing?: ReadonlySet<string>): SubdistrictAggregate {
  const industries = new Map<string, IndustryAggregate>();
  const sorted = [...facts].sort((a, b) => compareText(a.enterpriseName, b.enterpriseName) || compareText(a.enterpriseId, b.enterpriseId));
  const out: SubdistrictAggregate = { year, totals: totalsOf([]), byIndustry: [], grade1: [], reports: [], nonSubmitters: [] };
  for (const f of sorted) {
    // Issue 11 §1: who owes the year's report is the obligations engine's (its open occurrences); an enterprise that
    // has not submitted and does not owe it (onboarded later, waived) is neither a report nor missing.
    if (owing && f.status !== 'submitted' && !owing.has(f.enterpriseId)) continue;
    const ind = industries.get(f.industryCode)
      ?? { industryCode: f.industryCode, industryName: f.industryName, enterprises: 0, submitted: 0, onTime: 0, late: 0, notSubmitted: 0, points: emptyFigures() };
    industries.set(f.industryCode, ind);
    ind.enterprises++;
    if (f.status === 'submitted' && f.submittedAt && f.totals) {
      const onTime = isOnTime(year, f.submittedAt);
      ind.submitted++;
      if (onTime) ind.onTime++;
      else ind.late++;
      addFigures(ind.points, f.totals);
      out.reports.push({ enterpriseId: f.enterpriseId, enterpriseName: f.enterpriseName, creditCode: f.creditCode, industryCode: f.industryCode, submittedAt: f.submittedAt.toISOString(), onTime, points: f.totals });
      for (const g of f.grade1) out.grade1.push({ ...g, enterpriseId: f.enterpriseId, enterpriseName: f.enterpriseName, industryCode: f.industryCode });
    } else {
      ind.notSubmitted++;
      out.nonSubmitters.push({ enterpriseId: f.enterpriseId, enterpriseName: f.enterpriseName, creditCode: f.creditCode, industryCode: f.industryCode, status: f.status });
    }
  }
  out.byIndustry = [...industries.values()].sort((a, b) => compareText(a.industryCode, b.industryCode));
  out.totals = totalsOf(out.byIndustry);
  return out;
}

/** The part of an aggregate a department supervises ("三个必须"); null when none of its industries appear. */
export function restrictToIndustries(agg: SubdistrictAggregate, industries: ReadonlySet<string>): SubdistrictAggregate | null {
  const byIndustry = agg.byIndustry.filter((i) => industries.has(i.industryCode));
  if (byIndustry.length === 0) return null;
  return {
    year: agg.year,
    totals: totalsOf(byIndustry),
    byIndustry,
    grade1: agg.grade1.filter((g) => industries.has(g.industryCode)),
    reports: agg.reports.filter((r) => industries.has(r.industryCode)),
    nonSubmitters: agg.nonSubmitters.filter((n) => industries.has(n.industryCode)),
  };
}

/**
 * What makes two forwarded aggregates the same: the reports summed (their figures and grade-1 points) and the
 * enterprises that had not submitted. How far a non-submitter has got with its draft is not a new fact for the
 * departments, so it alone never makes a new version.
 */
export function aggregateFacts(agg: SubdistrictAggregate) {
  return { ...agg, nonSubmitters: agg.nonSubmitters.map(({ status: _status, ...n }) => n) };
}
