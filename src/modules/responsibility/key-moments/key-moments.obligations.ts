import type { ObligationDefinition } from '../../../platform/obligations';
import { KEY_MOMENTS_DEFAULTS } from './key-moments.rule-sets';

const MODULE = 'responsibility.key-moments';
const EFFECTIVE = '2026-01-01';

/**
 * The duties of issue 11 §9. Record kinds this module reports to the engine: `key_moment.covered` (every day of a key
 * moment has its on-duty check-in; subject = the moment), `resp.pay_link_recorded` (a state-owned enterprise recorded
 * the year's pay–safety link) and `mentorship.started` (a new hire was given a mentor; subject = the employee).
 */
export const KEY_MOMENT_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    // R-RESP-6: one occurrence per moment, opened when the moment is (event `key_moment.opened`, counted from the
    // moment's last day, so it falls due when the moment ends); each day's check-in is the module's own check.
    key: 'resp.key_moment', module: MODULE, ruleId: 'R-RESP-6',
    names: { 'zh-CN': '关键时段主要负责人带班值班', 'en-US': 'The principal on duty at a key moment' },
    hints: {
      'zh-CN': '节假日、复产复工、检维修等关键时段的每一天，由主要负责人或指定的带班领导现场打卡（照片、地点、说明）；每天都有打卡即完成。',
      'en-US': 'On every day of a holiday, resumption or maintenance window, the principal or the named on-duty leader checks in on site (photo, place, note); done when every day has a check-in.',
    },
    owner: 'principal', reportedTo: 'internal', fulfilledBy: ['key_moment.covered'], evidence: false,
    link: '/enterprises/{enterpriseId}/key-moments',
    defaults: {
      enabled: true, effectiveFrom: EFFECTIVE, cadence: { kind: 'event', event: 'key_moment.opened', days: 0, workingDays: false }, applies: {},
      remindDaysBefore: [1], escalateDaysAfter: [1, 7],
    },
  },
  {
    key: 'resp.pay_link', module: MODULE, ruleId: 'R-RESP-7',
    names: { 'zh-CN': '国有企业领导人员薪酬与安全生产挂钩', 'en-US': 'State-owned: leaders\' pay linked to safety performance' },
    hints: {
      'zh-CN': '每年记录企业领导人员薪酬与安全生产业绩挂钩的情况并上传佐证材料（考核办法、兑现记录）即完成。',
      'en-US': 'Done when the year\'s link between the leaders\' pay and safety performance is recorded with its evidence (the assessment rules, the payments).',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: ['resp.pay_link_recorded'], evidence: true,
    link: '/enterprises/{enterpriseId}/pay-links',
    defaults: {
      enabled: true, effectiveFrom: EFFECTIVE, cadence: { kind: 'yearly', graceDays: 0, dueMonthDay: null }, applies: { stateOwned: true },
      remindDaysBefore: [30, 7], escalateDaysAfter: [1, 30],
    },
  },
  {
    key: 'resp.mentoring', module: MODULE, ruleId: 'R-RESP-9',
    names: { 'zh-CN': '重点行业新入职人员以师带徒', 'en-US': 'A mentor for each new hire in a key industry' },
    hints: {
      'zh-CN': '为新入职人员确定师傅、岗位和带徒期限（以师带徒记录）即完成。',
      'en-US': 'Done when the new hire is given a mentor, a post and a period (a mentoring record).',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: ['mentorship.started'], evidence: false,
    link: '/enterprises/{enterpriseId}/mentoring?tab=newHires',
    defaults: {
      enabled: true, effectiveFrom: EFFECTIVE,
      cadence: { kind: 'event', event: 'employee.hired', days: KEY_MOMENTS_DEFAULTS.mentorNoticeDays, workingDays: false }, applies: { keyIndustry: true },
      remindDaysBefore: [7, 1], escalateDaysAfter: [1, 15],
    },
  },
];
