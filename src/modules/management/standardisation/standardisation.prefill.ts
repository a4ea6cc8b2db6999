import { wholeEnterprise } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';
import { currentRules } from '../../../platform/rules';
import { localDay, localInstant, localYear } from '../../../platform/time';
import { dutyCoverage } from '../../responsibility';
import { riskSummaryFor } from '../../risk';
import { REQUIRED_RULES } from '../documents/documents.rule-sets';
import { certificateFacts } from '../certificates/certificates.facts';
import { ppeFacts } from '../ppe/ppe.facts';
import { trainingFacts } from '../training/training.facts';
import { prefillFacts } from './standardisation.repository';
import { STANDARDISATION_RULES, type Prefill, type StandardisationRules } from './standardisation.rule-sets';
import { ratioOf, scoreAssessment, type Evidence, type PrefillResult } from './standardisation.rules';

/** The instant the year's figures are read at: now for the current year, the last moment of a past year. */
export function assessmentInstant(year: number, now: Date): Date {
  return year < localYear(now) ? localInstant(year, 11, 31, 23) : now;
}

const pct = (done: number, all: number) => (all > 0 ? `${done}/${all}（${Math.round((done / all) * 100)}%）` : `${done}/${all}`);
const rec = (label: string, value: string | number, link: string | null = null): Evidence => ({ label, value: String(value), link });
const notYet = (what: string): PrefillResult => ({ ratio: null, records: [rec(what, '暂不评分（不计入已评满分）')] });

/**
 * Issue 13 §4: the automatic prefills of one enterprise's self-assessment for `year`, each a ratio (0..1) and the
 * records behind it. A handful of set-based statements: one for the SQL-side figures (standardisation.repository.ts),
 * the duty-list coverage and the risk summary through their modules' doors, and training's facts.
 */
export async function computePrefills(db: Executor, enterpriseId: string, year: number, now: Date): Promise<Map<Prefill, PrefillResult>> {
  const at = assessmentInstant(year, now);
  const today = localDay(at);
  const catalogue = (await currentRules(db, { enterpriseId }, REQUIRED_RULES)).value.rules;
  const [facts, coverage, risk, training, certificates, ppe] = await Promise.all([
    prefillFacts(db, enterpriseId, { year, today, catalogue }),
    dutyCoverage(db, wholeEnterprise(enterpriseId), enterpriseId),
    riskSummaryFor(db, wholeEnterprise(enterpriseId), enterpriseId, today),
    trainingFacts(db, [enterpriseId], at),
    certificateFacts(db, [enterpriseId], at),
    ppeFacts(db, [enterpriseId], at),
  ]);
  const out = new Map<Prefill, PrefillResult>();
  if (!facts) return out;
  const f = facts;

  // 5.1.2 R-RESP-1: duty lists cover every person (of every employment form) and post.
  out.set('resp.coverage', {
    ratio: ratioOf(coverage.people.covered, coverage.people.total, 0),
    records: [rec('责任清单覆盖人员', pct(coverage.people.covered, coverage.people.total), '/duty-coverage'), rec('责任清单覆盖岗位', pct(coverage.posts.covered, coverage.posts.total), '/duty-coverage')],
  });
  // 5.1.3 R-RESP-5: the principal's 履职率 in the year (fulfilled ÷ due, waived left out).
  out.set('resp.principalRate', {
    ratio: ratioOf(f.principal_done, f.principal_due, null),
    records: [rec('主要负责人本年度履职（已完成/应完成）', pct(f.principal_done, f.principal_due), '/duties/rates')],
  });
  // 5.1.4 R-INV-1: the fee accrued against the required accrual; where no accrual is required, the approved budget.
  const required = f.fee_required === null ? null : Number(f.fee_required);
  const accrued = Number(f.fee_accrued ?? 0);
  out.set('investment.fee', required !== null && required > 0
    ? { ratio: ratioOf(accrued, required, 1), records: [rec('安全生产费用已提取/应提取（元）', `${accrued.toFixed(2)}/${required.toFixed(2)}`, '/investment')] }
    : { ratio: f.budget_approved ? 1 : 0, records: [rec('本年度安全投入预算已批准', f.budget_approved ? '是' : '否', '/investment')] });
  // 5.2.1: the laws adopted, and how many of them a document implements.
  out.set('documents.laws', {
    ratio: ratioOf(f.laws_linked, f.laws_adopted, 0),
    records: [rec('已识别适用的法律法规标准', f.laws_adopted, '/laws'), rec('其中已转化为本单位制度', pct(f.laws_linked, f.laws_adopted), '/laws')],
  });
  // 5.2.2 R-DOC-1: the required rules in force against the catalogue for the industry.
  const owed = catalogue.filter((c) => c.industries.length === 0 || c.industries.includes(f.industry_code)).length;
  out.set('documents.required', {
    ratio: ratioOf(owed - f.missing_rules.length, owed, 1),
    records: [rec('必备规章制度已建立/应建立', pct(owed - f.missing_rules.length, owed), '/documents'),
      ...(f.missing_rules.length ? [rec('尚缺', f.missing_rules.join('、'), '/documents')] : [])],
  });
  // 5.2.3 R-DOC-1: the latest versions acknowledged by the people asked.
  out.set('documents.acks', {
    ratio: ratioOf(f.acks_done, f.acks_asked, 0),
    records: [rec('制度规程阅知确认（已确认/应确认）', pct(f.acks_done, f.acks_asked), '/documents')],
  });
  // 5.3 R-TRN-1/2: training's and certificates' facts (their modules' doors). 5.3.2 is the mean of the people whose
  // hours are met and the people not working a post uncertified or on a lapsed certificate, of those that answer.
  const tr = training.get(enterpriseId);
  const ce = certificates.get(enterpriseId);
  const quarters = year < localYear(now) ? 4 : Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  out.set('training.plan', tr && tr.people > 0 && quarters > 0
    ? { ratio: ratioOf(tr.planReviewedQuarters, quarters, 1), records: [rec('主要负责人已检查培训计划的季度/已过季度', pct(tr.planReviewedQuarters, quarters), '/training')] }
    : notYet(tr && tr.people > 0 ? '本年度尚无已结束的季度' : '培训记录'));
  const people = f.headcount;
  const trained = tr && tr.people > 0 ? ratioOf(tr.people - tr.shortfallPeople, tr.people, 0) : null;
  const certified = ce && people > 0 ? ratioOf(Math.max(0, people - ce.unqualifiedOnPost - ce.expired), people, 1) : null;
  const parts53 = [trained, certified].filter((x): x is number => x !== null);
  out.set('training.people', parts53.length ? {
    ratio: parts53.reduce((a, b) => a + b, 0) / parts53.length,
    records: [
      ...(tr && tr.people > 0 ? [rec('培训学时达标人员', pct(tr.people - tr.shortfallPeople, tr.people), '/training'), rec('本年度培训总学时', tr.hoursThisYear, '/training'),
        rec('学法培训覆盖人员', pct(tr.legalEducationCovered, tr.people), '/training')] : []),
      ...(ce ? [rec('无证或证书过期在岗人员', ce.unqualifiedOnPost, '/certificates'), rec('证书已过期', ce.expired, '/certificates'),
        rec('未成年人在危险岗位', ce.minorsOnHazardous, '/certificates')] : []),
    ],
  } : notYet('培训与持证记录'));
  // 5.4.1: special equipment inspected on time (none kept: nothing overdue).
  out.set('equipment.special', {
    ratio: ratioOf(f.special_total - f.special_overdue, f.special_total, 1),
    records: [rec('特种设备（未超期/全部）', pct(f.special_total - f.special_overdue, f.special_total), '/equipment'), rec('检验超期', f.special_overdue, '/equipment')],
  });
  // 5.4.3 R-PPE-1: people on a post with every item their post's standard requires (the PPE module's door).
  const pp = ppe.get(enterpriseId);
  out.set('ppe.issue', pp && people > 0 ? {
    ratio: ratioOf(Math.max(0, people - pp.peopleMissingIssue), people, 1),
    records: [rec('劳动防护用品足额发放人员', pct(Math.max(0, people - pp.peopleMissingIssue), people), '/ppe'), rec('到期未更换', pp.replacementsOverdue, '/ppe')],
  } : notYet('劳动防护用品发放记录'));
  // 5.4.4 R-RISK-8: grade 1–2 points with warning signs, monitoring, emergency equipment and escape routes.
  const high = risk.byGrade[1] + risk.byGrade[2];
  out.set('risk.r8', {
    ratio: ratioOf(high - risk.missingR8, high, 1),
    records: [rec('一、二级风险点“四个到位”', pct(high - risk.missingR8, high), '/risk')],
  });
  // 5.5.1 R-RISK-1/6: points assessed and not overdue for re-assessment; an empty ledger scores nothing.
  const judged = Math.max(0, risk.total - risk.unassessed - risk.overdue);
  out.set('risk.ledger', {
    ratio: ratioOf(judged, risk.total, 0),
    records: [rec('风险点总数', risk.total, '/risk'), rec('已评估且未超期复评', pct(judged, risk.total), '/risk'), rec('管控失效', risk.controlFailing, '/risk')],
  });
  // 5.5.3 R-HAZ-1/3: check tasks done on time, hazards closed by their deadline; the mean of those that have any.
  const parts = [ratioOf(f.tasks_done, f.tasks_due, null), ratioOf(f.hazards_on_time, f.hazards_due, null)].filter((x): x is number => x !== null);
  out.set('hazards.loop', {
    ratio: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null,
    records: [rec('检查任务按时完成', pct(f.tasks_done, f.tasks_due), '/check-tasks'), rec('隐患按期整改销号', pct(f.hazards_on_time, f.hazards_due), '/hazards')],
  });
  out.set('emergency', notYet('应急预案与演练'));
  out.set('accidents', notYet('事故报告与调查'));
  // 5.8.1 R-RESP-5: the year's signed reviews of the duties, the rules and the safety investment.
  const reviews = [f.duty_review, f.rules_review, f.investment_check];
  out.set('reviews.yearly', {
    ratio: reviews.filter(Boolean).length / 3,
    records: [rec('责任制年度评审', f.duty_review ? '已完成' : '未完成', '/duty-reviews'), rec('规章制度年度评审', f.rules_review ? '已完成' : '未完成', '/documents'),
      rec('安全投入年度检查', f.investment_check ? '已签署' : '未签署', '/investment')],
  });
  return out;
}

/** The prefilled self-assessment of one enterprise (issue 13 §4, the benchmark's unit): the element table scored. */
export async function prefilledAssessment(db: Executor, enterpriseId: string, year: number, now: Date, rules?: StandardisationRules) {
  const r = rules ?? (await currentRules(db, { enterpriseId }, STANDARDISATION_RULES)).value;
  return scoreAssessment(r, await computePrefills(db, enterpriseId, year, now), []);
}
