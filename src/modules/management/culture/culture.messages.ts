import type { AuditNames } from '../../../platform/audit/audit-names';
import { defineMessages } from '../../../platform/i18n/messages';

/** Safety culture and incentives (issue 12 §6): messages for people, zh-CN first, en-US with the same keys. */
export const cultureMessages = defineMessages(
  {
    'culture.amount': '金额格式不正确，应为不超过两位小数的非负数（单位：元）',
    'culture.amountOrMeasure': '请填写奖惩金额或奖惩措施（至少一项）',
    'culture.futureActivity': '活动日期不能晚于今天',
    'culture.unknownUnit': '所选部门不存在',
    'culture.unknownEmployee': '所选人员不存在或已离职',
    'culture.unknownHazard': '所选隐患不存在或您无权查看',
    'culture.refused.notManager': '只有主要负责人或安全管理人员可以登记安全文化活动和奖惩',
    'culture.refused.notYet': '活动当天才能签到',
  },
  {
    'culture.amount': 'Invalid amount: a non-negative number of yuan with at most two decimals',
    'culture.amountOrMeasure': 'Give an amount or a measure (at least one)',
    'culture.futureActivity': 'The activity cannot be later than today',
    'culture.unknownUnit': 'The unit does not exist',
    'culture.unknownEmployee': 'The person does not exist or has left',
    'culture.unknownHazard': 'The hazard does not exist or you may not see it',
    'culture.refused.notManager': 'Only the principal or a safety manager records culture activities and rewards',
    'culture.refused.notYet': 'Sign-in opens on the day of the activity',
  },
);

export const cultureAuditNames = {
  entities: {
    culture_activity: ['安全文化活动', 'Safety culture activity'],
    reward_penalty: ['安全奖惩', 'Reward or penalty'],
  },
  actions: {
    'culture.activity.create': ['登记安全文化活动', 'Culture activity recorded'],
    'culture.activity.signIn': ['安全文化活动签到', 'Signed in to a culture activity'],
    'culture.reward.create': ['登记安全奖惩', 'Reward or penalty recorded'],
  },
} as const satisfies { entities: AuditNames; actions: AuditNames };
