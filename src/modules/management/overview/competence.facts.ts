import type { Executor } from '../../../platform/db/database';
import { certificateFacts } from '../certificates/certificates.facts';
import { ppeFacts } from '../ppe/ppe.facts';
import { standardisationFacts } from '../standardisation/standardisation.facts';
import { trainingFacts } from '../training/training.facts';

/** One enterprise's competence indicators as stored beside its management-system ones (migration 0108). */
export type CompetenceRow = {
  id: string;
  training_people: number; training_shortfall: number; legal_covered: number; training_hours: number;
  unqualified_on_post: number; certs_expiring: number; certs_expired: number; certs_review_due: number; minors_on_hazardous: number;
  ppe_missing: number; ppe_overdue: number;
  std_required: boolean; std_status: string; std_score: number | null; std_intended: string | null; std_awarded: string | null; std_valid_until: string | null;
  p_training: boolean; p_certificates: boolean; p_ppe: boolean; p_standardisation: boolean; competence_problems: number;
};

/** The stored columns, in the order the refresh writes them. */
export const COMPETENCE_COLUMNS = [
  'training_people', 'training_shortfall', 'legal_covered', 'training_hours', 'unqualified_on_post', 'certs_expiring', 'certs_expired', 'certs_review_due', 'minors_on_hazardous',
  'ppe_missing', 'ppe_overdue', 'std_required', 'std_status', 'std_score', 'std_intended', 'std_awarded', 'std_valid_until',
  'p_training', 'p_certificates', 'p_ppe', 'p_standardisation', 'competence_problems',
] as const satisfies readonly (keyof CompetenceRow)[];

/** The SQL type of each column, for reading them back from the JSON the refresh passes in one parameter. */
export const COMPETENCE_TYPES: Record<(typeof COMPETENCE_COLUMNS)[number], string> = {
  training_people: 'int', training_shortfall: 'int', legal_covered: 'int', training_hours: 'numeric', unqualified_on_post: 'int', certs_expiring: 'int', certs_expired: 'int',
  certs_review_due: 'int', minors_on_hazardous: 'int', ppe_missing: 'int', ppe_overdue: 'int', std_required: 'boolean', std_status: 'text',
  std_score: 'numeric', std_intended: 'text', std_awarded: 'text', std_valid_until: 'date', p_training: 'boolean', p_certificates: 'boolean',
  p_ppe: 'boolean', p_standardisation: 'boolean', competence_problems: 'int',
};

/**
 * Issue 13 §5: each enterprise's competence, as each module decides it through its own facts (R-TRN-1 training
 * shortfalls and legal-education coverage, R-TRN-2 unqualified people on posts and certificates, R-PPE-1 issue gaps and
 * replacements overdue, R-STD-1 this year's self-assessment where the plan requires one), and which of them is a problem.
 */
export async function competenceFacts(db: Executor, ids: readonly string[], now: Date): Promise<CompetenceRow[]> {
  const [training, certificates, ppe, std] = await Promise.all([
    trainingFacts(db, ids, now), certificateFacts(db, ids, now), ppeFacts(db, ids, now), standardisationFacts(db, ids, now),
  ]);
  return ids.map((id) => {
    const tr = training.get(id);
    const ce = certificates.get(id);
    const pp = ppe.get(id);
    const st = std.get(id);
    const pTraining = (tr?.shortfallPeople ?? 0) > 0;
    // R-TRN-2: "unqualified on post" is everyone working a post he may not hold yet — without the special-operation
    // certificate it needs or before passing the pre-post training — each person once, as the certificates module lists them.
    const unqualified = ce?.uncertifiedOrUntrained ?? 0;
    const pCertificates = unqualified > 0 || (ce?.expired ?? 0) > 0 || (ce?.minorsOnHazardous ?? 0) > 0;
    const pPpe = (pp?.peopleMissingIssue ?? 0) > 0 || (pp?.replacementsOverdue ?? 0) > 0;
    const pStd = !!st?.required && st.status !== 'submitted';
    return {
      id,
      training_people: tr?.people ?? 0, training_shortfall: tr?.shortfallPeople ?? 0, legal_covered: tr?.legalEducationCovered ?? 0, training_hours: tr?.hoursThisYear ?? 0,
      unqualified_on_post: unqualified, certs_expiring: ce?.expiringSoon ?? 0, certs_expired: ce?.expired ?? 0,
      certs_review_due: ce?.reviewDue ?? 0, minors_on_hazardous: ce?.minorsOnHazardous ?? 0,
      ppe_missing: pp?.peopleMissingIssue ?? 0, ppe_overdue: pp?.replacementsOverdue ?? 0,
      std_required: st?.required ?? false, std_status: st?.status ?? 'none', std_score: st?.score ?? null, std_intended: st?.intendedGrade ?? null,
      std_awarded: st?.awardedGrade ?? null, std_valid_until: st?.validUntil ?? null,
      p_training: pTraining, p_certificates: pCertificates, p_ppe: pPpe, p_standardisation: pStd,
      competence_problems: Number(pTraining) + Number(pCertificates) + Number(pPpe) + Number(pStd),
    };
  });
}
