/**
 * R-HAZ-5, the double report (双报告): what an enterprise reports for a month, quarter or year to the regulator and
 * to its workers' congress — risk control status and hidden-hazard figures — composed without I/O from the figures
 * the repositories count.
 */
import { localDay } from '../../../platform/time';
import type { Rate, ReportPeriod } from '../stats/hazard-stats.rules';

export type RiskStatus = {
  total: number; byGrade: Record<'1' | '2' | '3' | '4', number>; unassessed: number; overdue: number; controlFailing: number; missingR8: number;
};

export type ReportFigures = {
  totals: { found: number; foundMajor: number; closed: number; closedOnTime: number; voided: number; open: number; overdue: number; majorOpen: number };
  byLevel: { key: string; count: number }[];
  byClass: { key: string; count: number }[];
  bySource: { key: string; count: number }[];
  rectificationRate: Rate;
  onTimeRate: Rate;
};

export type ReportData = {
  period: { type: string; key: string; firstDay: string; lastDay: string };
  asOf: string;
  risk: RiskStatus;
  hazards: {
    found: number; foundMajor: number; fixed: number; fixedOnTime: number; voided: number;
    openAtEnd: number; overdueAtEnd: number; majorOpenAtEnd: number;
    byLevel: { key: string; count: number }[]; byClass: { key: string; count: number }[]; bySource: { key: string; count: number }[];
    rectificationRate: Rate; onTimeRate: Rate;
  };
};

/**
 * The moment the report describes: the end of the period, or now while the period runs. Open and overdue
 * hazards are counted as they stood then (an extension granted later is not undone: deadlines keep no history).
 */
export function reportCut(period: ReportPeriod, now: Date): { at: Date; day: string; asOf: string } {
  const at = period.end.getTime() <= now.getTime() ? period.end : now;
  return { at, day: localDay(at), asOf: at === period.end ? period.lastDay : localDay(now) };
}

export function composeReportData(period: ReportPeriod, asOf: string, risk: { total: number; byGrade: Record<number, number>; unassessed: number; overdue: number; controlFailing: number; missingR8: number }, f: ReportFigures): ReportData {
  return {
    period: { type: period.type, key: period.key, firstDay: period.firstDay, lastDay: period.lastDay },
    asOf,
    risk: {
      total: risk.total, byGrade: { 1: risk.byGrade[1] ?? 0, 2: risk.byGrade[2] ?? 0, 3: risk.byGrade[3] ?? 0, 4: risk.byGrade[4] ?? 0 },
      unassessed: risk.unassessed, overdue: risk.overdue, controlFailing: risk.controlFailing, missingR8: risk.missingR8,
    },
    hazards: {
      found: f.totals.found, foundMajor: f.totals.foundMajor, fixed: f.totals.closed, fixedOnTime: f.totals.closedOnTime, voided: f.totals.voided,
      openAtEnd: f.totals.open, overdueAtEnd: f.totals.overdue, majorOpenAtEnd: f.totals.majorOpen,
      byLevel: f.byLevel, byClass: f.byClass, bySource: f.bySource,
      rectificationRate: f.rectificationRate, onTimeRate: f.onTimeRate,
    },
  };
}

export type ReportStatus = 'draft' | 'confirmed' | 'submitted';
