import { wholeEnterprise } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';
import { currentRules } from '../../../platform/rules';
import { localDay, localInstant, localYear } from '../../../platform/time';
import { emergencyFacts } from '../../emergency';
import { dutyCoverage } from '../../responsibility';
import { riskSummaryFor } from '../../risk';
import { REQUIRED_RULES } from '../documents/documents.rule-sets';
import { certificateFacts } from '../certificates/certificates.facts';
import { ppeFacts } from '../ppe/ppe.facts';
import { trainingFacts } from '../training/training.facts';
import { count, record as rec, share as pct, state, type EvidenceCode } from './standardisation.evidence';
import { prefillFacts } from './standardisation.repository';
import { STANDARDISATION_RULES, type Prefill, type StandardisationRules } from './standardisation.rule-sets';
import { ratioOf, scoreAssessment, type PrefillResult } from './standardisation.rules';

/** The instant the year's figures are read at: now for the current year, the last moment of a past year. */
export function assessmentInstant(year: number, now: Date): Date {
  return year < localYear(now) ? localInstant(year, 11, 31, 23) : now;
}

// The records are codes and figures, shown in the reader's language (standardisation.evidence.ts).
const notYet = (what: EvidenceCode): PrefillResult => ({ ratio: null, records: [rec(what, state('notAssessed'))] });

/**
 * Issue 13 §4: the automatic prefills of one enterprise's self-assessment for `year`, each a ratio (0..1) and the
 * records behind it. A handful of set-based statements: one for the SQL-side figures (standardisation.repository.ts),
 * the duty-list coverage and the risk summary through their modules' doors, and training's facts.
 */
export async function computePrefills(db: Executor, enterpriseId: string, year: number, now: Date): Promise<Map<Prefill, PrefillResult>> {
  const at = assessmentInstant(year, now);
  const today = localDay(at);
  const catalogue = (await currentRules(db, { enterpriseId }, REQUIRED_RULES)).value.rules;
  const [facts, coverage, risk, training, certificates, ppe, emergency, accidents] = await Promise.all([
    prefillFacts(db, enterpriseId, { year, today, catalogue }),
    dutyCoverage(db, wholeEnterprise(enterpriseId), enterpriseId),
    riskSummaryFor(db, wholeEnterprise(enterpriseId), enterpriseId, today),
    trainingFacts(db, [enterpriseId], at),
    certificateFacts(db, [enterpriseId], at),
    ppeFacts(db, [enterpriseId], at),
    emergencyFacts(db, enterpriseId, at),
    // Loaded when first asked: the accidents module reaches back into this one (the insurer of its 安责险 notices), and a
    // static import would tie the two modules' start-up order in a cycle.
    import('../../accidents').then((m) => m.accidentFacts(db, enterpriseId, year, at)),
  ]);
  const out = new Map<Prefill, PrefillResult>();
  if (!facts) return out;
  const f = facts;

  // 5.1.2 R-RESP-1: duty lists cover every person (of every employment form) and post.
  out.set('resp.coverage', {
    ratio: ratioOf(coverage.people.covered, coverage.people.total, 0),
    records: [rec('duty.people', pct(coverage.people.covered, coverage.people.total), '/duty-coverage'), rec('duty.posts', pct(coverage.posts.covered, coverage.posts.total), '/duty-coverage')],
  });
  // 5.1.3 R-RESP-5: the principal's 履职率 in the year (fulfilled ÷ due, waived left out).
  out.set('resp.principalRate', {
    ratio: ratioOf(f.principal_done, f.principal_due, null),
    records: [rec('principal.duties', pct(f.principal_done, f.principal_due), '/duties/rates')],
  });
  // 5.1.4 R-INV-1: the fee accrued against the required accrual; where no accrual is required, the approved budget.
  const required = f.fee_required === null ? null : Number(f.fee_required);
  const accrued = Number(f.fee_accrued ?? 0);
  out.set('investment.fee', required !== null && required > 0
    ? { ratio: ratioOf(accrued, required, 1), records: [rec('fee.accrued', { kind: 'money', done: accrued, all: required }, '/investment')] }
    : { ratio: f.budget_approved ? 1 : 0, records: [rec('budget.approved', state(f.budget_approved ? 'yes' : 'no'), '/investment')] });
  // 5.2.1: the laws adopted, and how many of them a document implements.
  out.set('documents.laws', {
    ratio: ratioOf(f.laws_linked, f.laws_adopted, 0),
    records: [rec('laws.adopted', count(f.laws_adopted), '/laws'), rec('laws.linked', pct(f.laws_linked, f.laws_adopted), '/laws')],
  });
  // 5.2.2 R-DOC-1: the required rules in force against the catalogue for the industry.
  const owed = catalogue.filter((c) => c.industries.length === 0 || c.industries.includes(f.industry_code)).length;
  const nameEn = new Map(catalogue.map((c) => [c.name, c.nameEn]));
  out.set('documents.required', {
    ratio: ratioOf(owed - f.missing_rules.length, owed, 1),
    records: [rec('rules.inForce', pct(owed - f.missing_rules.length, owed), '/documents'),
      ...(f.missing_rules.length ? [rec('rules.missing', { kind: 'names', zh: f.missing_rules, en: f.missing_rules.map((n) => nameEn.get(n) ?? n) }, '/documents')] : [])],
  });
  // 5.2.3 R-DOC-1: the latest versions acknowledged by the people asked.
  out.set('documents.acks', {
    ratio: ratioOf(f.acks_done, f.acks_asked, 0),
    records: [rec('acks', pct(f.acks_done, f.acks_asked), '/documents')],
  });
  // 5.3 R-TRN-1/2: training's and certificates' facts (their modules' doors). 5.3.2 is the mean of the people whose
  // hours are met and the people not working a post uncertified or on a lapsed certificate, of those that answer.
  const tr = training.get(enterpriseId);
  const ce = certificates.get(enterpriseId);
  const quarters = year < localYear(now) ? 4 : Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  out.set('training.plan', tr && tr.people > 0 && quarters > 0
    ? { ratio: ratioOf(tr.planReviewedQuarters, quarters, 1), records: [rec('training.planQuarters', pct(tr.planReviewedQuarters, quarters), '/training')] }
    : notYet(tr && tr.people > 0 ? 'training.noQuarterYet' : 'training.records'));
  const people = f.headcount;
  const trained = tr && tr.people > 0 ? ratioOf(tr.people - tr.shortfallPeople, tr.people, 0) : null;
  const certified = ce && people > 0 ? ratioOf(Math.max(0, people - ce.unqualifiedOnPost - ce.expired), people, 1) : null;
  const parts53 = [trained, certified].filter((x): x is number => x !== null);
  out.set('training.people', parts53.length ? {
    ratio: parts53.reduce((a, b) => a + b, 0) / parts53.length,
    records: [
      ...(tr && tr.people > 0 ? [rec('training.hoursMet', pct(tr.people - tr.shortfallPeople, tr.people), '/training'), rec('training.hoursTotal', count(tr.hoursThisYear), '/training'),
        rec('training.legal', pct(tr.legalEducationCovered, tr.people), '/training')] : []),
      ...(ce ? [rec('certificates.unqualified', count(ce.unqualifiedOnPost), '/certificates'), rec('certificates.expired', count(ce.expired), '/certificates'),
        rec('certificates.minors', count(ce.minorsOnHazardous), '/certificates')] : []),
    ],
  } : notYet('competence.records'));
  // 5.4.1: special equipment inspected on time (none kept: nothing overdue).
  out.set('equipment.special', {
    ratio: ratioOf(f.special_total - f.special_overdue, f.special_total, 1),
    records: [rec('equipment.special', pct(f.special_total - f.special_overdue, f.special_total), '/equipment'), rec('equipment.overdue', count(f.special_overdue), '/equipment')],
  });
  // 5.4.3 R-PPE-1: people on a post with every item their post's standard requires (the PPE module's door).
  const pp = ppe.get(enterpriseId);
  out.set('ppe.issue', pp && people > 0 ? {
    ratio: ratioOf(Math.max(0, people - pp.peopleMissingIssue), people, 1),
    records: [rec('ppe.issued', pct(Math.max(0, people - pp.peopleMissingIssue), people), '/ppe'), rec('ppe.overdue', count(pp.replacementsOverdue), '/ppe')],
  } : notYet('ppe.records'));
  // 5.4.4 R-RISK-8: grade 1–2 points with warning signs, monitoring, emergency equipment and escape routes.
  const high = risk.byGrade[1] + risk.byGrade[2];
  out.set('risk.r8', {
    ratio: ratioOf(high - risk.missingR8, high, 1),
    records: [rec('risk.r8', pct(high - risk.missingR8, high), '/risk')],
  });
  // 5.5.1 R-RISK-1/6: points assessed and not overdue for re-assessment; an empty ledger scores nothing.
  const judged = Math.max(0, risk.total - risk.unassessed - risk.overdue);
  out.set('risk.ledger', {
    ratio: ratioOf(judged, risk.total, 0),
    records: [rec('risk.total', count(risk.total), '/risk'), rec('risk.judged', pct(judged, risk.total), '/risk'), rec('risk.failing', count(risk.controlFailing), '/risk')],
  });
  // 5.5.3 R-HAZ-1/3: check tasks done on time, hazards closed by their deadline; the mean of those that have any.
  const parts = [ratioOf(f.tasks_done, f.tasks_due, null), ratioOf(f.hazards_on_time, f.hazards_due, null)].filter((x): x is number => x !== null);
  out.set('hazards.loop', {
    ratio: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null,
    records: [rec('hazards.tasks', pct(f.tasks_done, f.tasks_due), '/check-tasks'), rec('hazards.onTime', pct(f.hazards_on_time, f.hazards_due), '/hazards')],
  });
  // 5.6 R-EMG-1…3 (issue 14): a comprehensive plan filed, the drills held as often as required, the rescue organisation
  // where required; each a third of the elements' score.
  if (emergency) {
    const drills = emergency.mainDrillWithinYear && emergency.drillWithinHalfYear !== false;
    const rescue = !emergency.rescue.required || emergency.rescue.met;
    const base = `/enterprises/${enterpriseId}`;
    out.set('emergency', {
      ratio: ratioOf([emergency.comprehensivePlanFiled, drills, rescue].filter(Boolean).length, 3, 0),
      records: [
        rec('emergency.planFiled', state(emergency.comprehensivePlanFiled ? 'yes' : 'no'), `${base}/emergency-plans`),
        rec('emergency.drills', state(drills ? 'done' : 'notDone'), `${base}/drills`),
        rec('emergency.rescue', state(rescue ? 'yes' : 'no'), '/rescue'),
      ],
    });
  } else out.set('emergency', notYet('emergency.records'));
  // 5.7 R-ACC-2 (issue 14): the year's accidents reported to the regulators in time and investigated to a conclusion,
  // half each; a year without an accident scores in full (near misses are not accidents).
  const acc = accidents;
  out.set('accidents', acc.accidents === 0
    ? { ratio: 1, records: [rec('accidents.none', count(0), `/enterprises/${enterpriseId}/accidents`)] }
    : {
      ratio: ((acc.reportedInTime / acc.accidents) + (acc.investigated / acc.accidents)) / 2,
      records: [
        rec('accidents.reportedInTime', pct(acc.reportedInTime, acc.accidents), `/enterprises/${enterpriseId}/accidents`),
        rec('accidents.investigated', pct(acc.investigated, acc.accidents), `/enterprises/${enterpriseId}/accidents`),
      ],
    });
  // 5.8.1 R-RESP-5: the year's signed reviews of the duties, the rules and the safety investment.
  const reviews = [f.duty_review, f.rules_review, f.investment_check];
  out.set('reviews.yearly', {
    ratio: reviews.filter(Boolean).length / 3,
    records: [rec('reviews.duties', state(f.duty_review ? 'done' : 'notDone'), '/duty-reviews'), rec('reviews.rules', state(f.rules_review ? 'done' : 'notDone'), '/documents'),
      rec('reviews.investment', state(f.investment_check ? 'signed' : 'notSigned'), '/investment')],
  });
  return out;
}

/** The prefilled self-assessment of one enterprise (issue 13 §4, the benchmark's unit): the element table scored. */
export async function prefilledAssessment(db: Executor, enterpriseId: string, year: number, now: Date, rules?: StandardisationRules) {
  const r = rules ?? (await currentRules(db, { enterpriseId }, STANDARDISATION_RULES)).value;
  return scoreAssessment(r, await computePrefills(db, enterpriseId, year, now), []);
}
