import type { ObligationDefinition } from '../../../platform/obligations';

const MODULE = 'emergency.plans';

/** The events the plans module opens duties with, and the records that fulfil them (subject: the plan id). */
export const PLAN_ISSUED = 'emergency.plan.issued';
/** Opened by a drill that showed problems (drills/) or by a revision for another cause (law, organisation…). */
export const PLAN_REVISION_NEEDED = 'emergency.plan.revision_needed';
/** Opened on the day the plan's 3-year evaluation falls due (its first issue, then each evaluation, + 3 years). */
export const PLAN_EVALUATION_DUE = 'emergency.plan.evaluation_due';
export const PLAN_FILED = 'emergency.plan_filed';
export const PLAN_REVISED = 'emergency.plan_revised';
export const PLAN_EVALUATED = 'emergency.plan_evaluated';
/** The ten-ones item (responsibility/ten-ones) this module fulfils with a yearly review signed by the principal. */
export const PLAN_REVIEWED = 'emergency.plan_reviewed';

/**
 * R-EMG-1: the duties around a plan. Filing within 20 working days of issue on the official calendar, reported to the
 * regulators; a revision when a drill or a change (law, organisation, risks, resources) calls for one, fulfilled when
 * the revised version is issued; the 3-year evaluation where the emergency rules ask for it (the plans module opens it
 * only for those enterprises, from emergency.profile.ts).
 */
export const PLAN_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: 'emergency.plan.filing', module: MODULE, ruleId: 'R-EMG-1',
    names: { 'zh-CN': '应急预案发布后 20 个工作日内备案', 'en-US': 'File the emergency plan within 20 working days of issue' },
    hints: {
      'zh-CN': '预案签署发布后，向区应急管理局和行业主管部门提交备案，提交即完成。',
      'en-US': 'After the plan is signed and issued, file it with the district emergency management department and the supervising departments; done when submitted.',
    },
    owner: 'enterprise', reportedTo: 'regulators', fulfilledBy: [PLAN_FILED], evidence: false,
    link: '/enterprises/{enterpriseId}/emergency-plans',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'event', event: PLAN_ISSUED, days: 20, workingDays: true }, applies: {},
      remindDaysBefore: [7, 2], escalateDaysAfter: [1, 10],
    },
  },
  {
    key: 'emergency.plan.revision', module: MODULE, ruleId: 'R-EMG-1',
    names: { 'zh-CN': '应急预案修订', 'en-US': 'Revise the emergency plan' },
    hints: {
      'zh-CN': '法律法规、组织机构、风险或应急资源发生变化，或演练发现问题时，修订预案；修订版本签署发布即完成。',
      'en-US': 'When laws, the organisation, risks or resources change, or a drill shows problems, revise the plan; done when the revised version is issued.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: [PLAN_REVISED], evidence: false,
    link: '/enterprises/{enterpriseId}/emergency-plans',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'event', event: PLAN_REVISION_NEEDED, days: 60, workingDays: false }, applies: {},
      remindDaysBefore: [14, 3], escalateDaysAfter: [1, 15],
    },
  },
  {
    key: 'emergency.plan.evaluation', module: MODULE, ruleId: 'R-EMG-1',
    names: { 'zh-CN': '应急预案每三年评估一次', 'en-US': 'Evaluate the emergency plan every three years' },
    hints: {
      'zh-CN': '组织对应急预案进行评估，形成主要负责人签字的评估记录。',
      'en-US': 'Evaluate the emergency plan; the evaluation record is signed by the principal.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: [PLAN_EVALUATED], evidence: false,
    link: '/enterprises/{enterpriseId}/emergency-plans',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'event', event: PLAN_EVALUATION_DUE, days: 0, workingDays: false }, applies: {},
      remindDaysBefore: [90, 30, 7], escalateDaysAfter: [1, 30],
    },
  },
];
