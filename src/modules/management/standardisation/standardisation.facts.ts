import type { Executor } from '../../../platform/db/database';
import { localDay, localYear } from '../../../platform/time';
import { factsRows } from './standardisation.repository';

/**
 * R-STD-1, the door other modules use (the regulators' competence view, R-RESP-4 figures): per enterprise, whether the
 * district plan requires it to self-assess (central/provincial, high-risk, above designated size), where this year's
 * self-assessment stands — `submitted` once any version of the year was submitted, even while a correction is in
 * progress — with the latest submitted score and intended grade, and the grade awarded by the latest external review
 * whose certificate holds at `at`. One statement for all the enterprises given.
 */
export type StandardisationFacts = {
  required: boolean;
  status: 'none' | 'draft' | 'confirmed' | 'submitted';
  score: number | null;
  intendedGrade: string | null;
  awardedGrade: string | null;
  validUntil: string | null;
};

export async function standardisationFacts(db: Executor, enterpriseIds: readonly string[], at: Date): Promise<Map<string, StandardisationFacts>> {
  const rows = await factsRows(db, enterpriseIds, localYear(at), localDay(at));
  return new Map(rows.map((r) => [r.enterprise_id, {
    required: r.required,
    status: r.submitted_version !== null ? 'submitted' : (r.status ?? 'none'),
    score: r.score === null ? null : Number(r.score),
    intendedGrade: r.intended_grade,
    awardedGrade: r.awarded_grade,
    validUntil: r.valid_until,
  } satisfies StandardisationFacts]));
}
