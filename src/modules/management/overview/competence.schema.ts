import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { pageOf } from '../../../platform/http/route';

/** Issue 13 §5: the columns the competence view sorts by. */
export const COMPETENCE_SORT = {
  problems: true, name: true, subdistrict: true, shortfall: true, legalRate: true, unqualified: true, expiring: true, ppeMissing: true, stdScore: true,
};
export const COMPETENCE_PROBLEMS = ['any', 'training', 'certificates', 'ppe', 'standardisation'] as const;
export type CompetenceProblem = (typeof COMPETENCE_PROBLEMS)[number];

export const competenceQuery = z.object({
  ...listParams,
  sort: sortParam(COMPETENCE_SORT, 'problems'),
  order: z.enum(['asc', 'desc']).default('desc'),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().trim().min(1).max(50).optional(),
  /** Only the enterprises with this problem (`any`: with at least one). */
  problem: z.enum(COMPETENCE_PROBLEMS).optional(),
});
export type CompetenceQuery = z.infer<typeof competenceQuery>;

export const STD_STATUSES = ['none', 'draft', 'confirmed', 'submitted'] as const;

export const competenceItem = z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  /** R-TRN-1: people on the roster, people short of their hours, people with this year's legal education and its rate. */
  training: z.object({ people: z.number().int(), shortfall: z.number().int(), legalCovered: z.number().int(), legalRate: z.number().int().nullable() }),
  /** R-TRN-2: people on a post they are not qualified for, minors on hazardous posts, certificates expired, expiring, due for review. */
  certificates: z.object({ unqualifiedOnPost: z.number().int(), minorsOnHazardous: z.number().int(), expired: z.number().int(), expiringSoon: z.number().int(), reviewDue: z.number().int() }),
  /** R-PPE-1: people without the issue their post requires, replacements overdue. */
  ppe: z.object({ missing: z.number().int(), overdue: z.number().int() }),
  /** R-STD-1: whether the plan requires a self-assessment, this year's status, score and intended grade; the grade awarded by the last external review. */
  standardisation: z.object({
    required: z.boolean(), status: z.enum(STD_STATUSES), score: z.number().nullable(), intendedGrade: z.string().nullable(),
    awardedGrade: z.string().nullable(), validUntil: z.string().nullable(),
  }),
  problems: z.array(z.enum(COMPETENCE_PROBLEMS.filter((p) => p !== 'any') as ['training', 'certificates', 'ppe', 'standardisation'])),
});
export type CompetenceItem = z.infer<typeof competenceItem>;
export const competenceList = pageOf(competenceItem).extend({
  today: z.string(), year: z.number().int(),
  counts: z.object({
    total: z.number().int(), any: z.number().int(), training: z.number().int(), certificates: z.number().int(), ppe: z.number().int(), standardisation: z.number().int(),
  }),
});
export type CompetenceList = z.infer<typeof competenceList>;
