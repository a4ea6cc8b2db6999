import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { indicatorPage, type IndicatorView } from './overview.repository';
import { decidingWith, keyOf } from './overview.service';
import { STD_STATUSES, type CompetenceItem, type CompetenceList, type CompetenceProblem, type CompetenceQuery } from './competence.schema';

type Problem = Exclude<CompetenceProblem, 'any'>;

type CompetenceRow = {
  id: string; name: string; credit_code: string; subdistrict_name: string; industry_name: string;
  training_people: number; training_shortfall: number; legal_covered: number; unqualified_on_post: number; minors_on_hazardous: number;
  certs_expired: number; certs_expiring: number; certs_review_due: number; ppe_missing: number; ppe_overdue: number;
  std_required: boolean; std_status: string; std_score: string | null; std_intended: string | null; std_awarded: string | null; std_valid_until: string | null;
  p_training: boolean; p_certificates: boolean; p_ppe: boolean; p_standardisation: boolean;
};

/** Issue 13 §5 over the stored indicators (migration 0108): its problems, sorts and columns. */
const COMPETENCE_VIEW: IndicatorView<Problem, string> = {
  problems: { training: 'p_training', certificates: 'p_certificates', ppe: 'p_ppe', standardisation: 'p_standardisation' },
  problemCount: 'competence_problems',
  sorts: {
    shortfall: 'mi.training_shortfall', legalRate: 'case when mi.training_people = 0 then null else mi.legal_covered * 100 / mi.training_people end',
    unqualified: 'mi.unqualified_on_post', expiring: 'mi.certs_expiring + mi.certs_expired', ppeMissing: 'mi.ppe_missing', stdScore: 'mi.std_score',
  },
  narrow: ['competence_problems', 'p_training', 'p_certificates', 'p_ppe', 'p_standardisation'],
  detail: [
    'training_people', 'training_shortfall', 'legal_covered', 'unqualified_on_post', 'minors_on_hazardous', 'certs_expired', 'certs_expiring', 'certs_review_due',
    'ppe_missing', 'ppe_overdue', 'std_required', 'std_status', 'std_score', 'std_intended', 'std_awarded', 'std_valid_until',
  ],
  money: new Set(['std_score']),
};

const STATUS = new Set<string>(STD_STATUSES);

function item(r: CompetenceRow): CompetenceItem {
  const problems: Problem[] = [];
  if (r.p_training) problems.push('training');
  if (r.p_certificates) problems.push('certificates');
  if (r.p_ppe) problems.push('ppe');
  if (r.p_standardisation) problems.push('standardisation');
  const people = Number(r.training_people);
  return {
    enterpriseId: r.id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
    training: {
      people, shortfall: Number(r.training_shortfall), legalCovered: Number(r.legal_covered),
      legalRate: people === 0 ? null : Math.floor((Number(r.legal_covered) * 100) / people),
    },
    certificates: {
      unqualifiedOnPost: Number(r.unqualified_on_post), minorsOnHazardous: Number(r.minors_on_hazardous), expired: Number(r.certs_expired),
      expiringSoon: Number(r.certs_expiring), reviewDue: Number(r.certs_review_due),
    },
    ppe: { missing: Number(r.ppe_missing), overdue: Number(r.ppe_overdue) },
    standardisation: {
      required: r.std_required, status: (STATUS.has(r.std_status) ? r.std_status : 'none') as CompetenceItem['standardisation']['status'],
      score: r.std_score === null ? null : Number(r.std_score), intendedGrade: r.std_intended, awardedGrade: r.std_awarded, validUntil: r.std_valid_until,
    },
    problems,
  };
}

/**
 * Issue 13 §5: the regulators' competence view — for each active enterprise in scope (subdistrict by location,
 * department by industry), training shortfalls and legal-education coverage (R-TRN-1), unqualified people on posts and
 * certificates expiring (R-TRN-2), PPE gaps (R-PPE-1) and the self-assessment's status (R-STD-1); sortable,
 * filterable by problem, with the count of enterprises per problem. Read from the same stored rows as the management view.
 */
export async function competenceOverview(db: Db, ctx: Ctx, q: CompetenceQuery): Promise<CompetenceList> {
  const actor = requireActor(ctx);
  const at = await decidingWith(db, ctx, ctx.now);
  const { rows, total, counts } = await indicatorPage<Problem, string, CompetenceRow>(db, COMPETENCE_VIEW, actor.scope, q, at, keyOf(at), ctx.now);
  return { items: rows.map(item), total, page: q.page, pageSize: q.pageSize, today: at.today, year: at.year, counts };
}

/** The figures the training module's regulators' list ranks by (issue 13 §5), over the same stored rows. */
export type TrainingFigure = 'shortfall' | 'shortfallRate' | 'legalRate' | 'hours';

const TRAINING_RANK_VIEW: IndicatorView<Problem, TrainingFigure> = {
  problems: COMPETENCE_VIEW.problems,
  problemCount: COMPETENCE_VIEW.problemCount,
  sorts: {
    shortfall: 'mi.training_shortfall',
    shortfallRate: 'case when mi.training_people = 0 then null else mi.training_shortfall::numeric / mi.training_people end',
    legalRate: 'case when mi.training_people = 0 then null else mi.legal_covered::numeric / mi.training_people end',
    hours: 'mi.training_hours',
  },
  narrow: COMPETENCE_VIEW.narrow,
  detail: ['training_people'],
};

/**
 * R-TRN-1 for the training module's regulators' list: a page of the enterprises in scope (with the list's filters)
 * ranked by a training figure of the stored indicators (stale rows computed first, as for the competence view), ties
 * by name. The list shows each page's figures live from the training module; the stored ones only order it.
 */
export async function rankByTraining(db: Db, ctx: Ctx, q: {
  sort: TrainingFigure; order: 'asc' | 'desc'; page: number; pageSize: number; q?: string | undefined; subdistrictId?: string | undefined; industryCode?: string | undefined;
}): Promise<{ total: number; items: { id: string; name: string; subdistrictName: string; industryName: string }[] }> {
  const actor = requireActor(ctx);
  const at = await decidingWith(db, ctx, ctx.now);
  const { rows, total } = await indicatorPage<Problem, TrainingFigure, { id: string; name: string; subdistrict_name: string; industry_name: string }>(
    db, TRAINING_RANK_VIEW, actor.scope, q, at, keyOf(at), ctx.now);
  return { total, items: rows.map((r) => ({ id: r.id, name: r.name, subdistrictName: r.subdistrict_name, industryName: r.industry_name })) };
}
