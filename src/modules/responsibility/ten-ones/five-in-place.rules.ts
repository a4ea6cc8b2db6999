/**
 * R-RESP-4, the principal's "five in place" (五到位) as five indicators derived from records [cfg in RULES.md]:
 *   responsibility = duty-list coverage 100% and this year's letters signed;
 *   management = required rules current and staffing compliant (R-TEAM);
 *   investment = budget set and fee accrued per R-INV-1;
 *   training = no shortfall (R-TRN-1) and no unqualified person on a post (R-TRN-2);
 *   emergency = plans filed (R-EMG-1), drills done (R-EMG-2), rescue organisation in place (R-EMG-3).
 * Pure: the facts come in, each indicator says met, not met, or "not assessed" where its records cannot be read (never
 * a guess). Management and investment read the management system's own decisions (issue 12: R-DOC-1's required rules,
 * R-TEAM-1/2, the approved budget, R-INV-1's accrual); training reads issue 13's (R-TRN-1/2); emergency reads issue 14's
 * plans, drills and rescue organisation (R-EMG-1…3).
 */
import type { EmergencyFacts } from '../../emergency';

export type Indicator = { key: 'responsibility' | 'management' | 'investment' | 'training' | 'emergency'; state: 'met' | 'notMet' | 'notAssessed'; reasons: string[] };

export type FiveFacts = {
  coverage: { postsPercent: number | null; peoplePercent: number | null; complete: boolean };
  /** This year's all-staff letter campaign: null when none was started. */
  letters: { roster: number; done: number; complete: boolean } | null;
  /** The required rules not in force (R-DOC-1) and whether the staffing complies (R-TEAM-1/2). */
  management: { missingRules: readonly string[]; staffingCompliant: boolean };
  /**
   * This year's budget approved, and R-INV-1's accrual where the industry accrues the fee: `accrued` null when no fee
   * year is recorded, `shortfall` the required accrual not booked (decimal yuan).
   */
  investment: { budgetApproved: boolean; fee: { accrued: string | null; shortfall: string } | null };
  /**
   * Issue 13: people short of their training hours (R-TRN-1), people on a post they are not qualified for — no valid
   * certificate where the post needs one, or not trained before the post (R-TRN-2) — and minors on hazardous posts.
   */
  training: { shortfall: number; unqualifiedOnPost: number; minorsOnHazardous: number };
  /**
   * Issue 14: a comprehensive plan filed (R-EMG-1), a comprehensive or special drill within the year and, where owed, a
   * drill within the half-year (R-EMG-2), the rescue organisation where required (R-EMG-3). null: not known (never met).
   */
  emergency: EmergencyFacts | null;
};

const indicator = (key: Indicator['key'], reasons: string[]): Indicator => ({ key, state: reasons.length ? 'notMet' : 'met', reasons });

export function fiveInPlace(f: FiveFacts): Indicator[] {
  const reasons: string[] = [];
  if (!f.coverage.complete) reasons.push('coverageIncomplete');
  if (!f.letters) reasons.push('noCampaign');
  else if (!f.letters.complete) reasons.push('lettersPending');
  return [
    { key: 'responsibility', state: reasons.length ? 'notMet' : 'met', reasons },
    indicator('management', [
      ...(f.management.missingRules.length ? ['rulesMissing'] : []), ...(f.management.staffingCompliant ? [] : ['staffingShort']),
    ]),
    indicator('investment', [
      ...(f.investment.budgetApproved ? [] : ['noBudget']),
      ...(f.investment.fee === null ? [] : f.investment.fee.accrued === null ? ['feeNotRecorded'] : Number(f.investment.fee.shortfall) > 0 ? ['feeShort'] : []),
    ]),
    indicator('training', [
      ...(f.training.shortfall > 0 ? ['trainingShort'] : []),
      ...(f.training.unqualifiedOnPost > 0 || f.training.minorsOnHazardous > 0 ? ['unqualifiedOnPost'] : []),
    ]),
    f.emergency === null ? { key: 'emergency', state: 'notAssessed', reasons: ['moduleNotBuilt'] } : indicator('emergency', [
      ...(f.emergency.comprehensivePlanFiled ? [] : ['planNotFiled']),
      ...(f.emergency.mainDrillWithinYear && f.emergency.drillWithinHalfYear !== false ? [] : ['drillMissing']),
      ...(f.emergency.rescue.required && !f.emergency.rescue.met ? ['rescueMissing'] : []),
    ]),
  ];
}
