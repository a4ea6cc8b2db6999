import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { DEFAULT_ESCALATION } from './hazard-workflow';

const days = (max: number) => z.number().int().min(0).max(max);

/**
 * R-HAZ-3 [cfg]: reminders before the rectification deadline and escalation after it (hazard-escalation.ts). A hazard
 * raised to a level keeps the version that raised it (hazards.escalation_rule_version).
 */
export const HAZARD_ESCALATION_RULES = defineRuleSet({
  name: 'hazard-escalation',
  module: 'hazards',
  schema: z.object({ remindBeforeDays: days(30), principalAfterDays: days(365), regulatorAfterDays: days(365) })
    .refine((r) => r.regulatorAfterDays > r.principalAfterDays, { message: 'hazard.rules.escalationOrder', path: ['regulatorAfterDays'] }),
  defaults: DEFAULT_ESCALATION,
  rules: ['R-HAZ-3'],
  labels: {
    'zh-CN': {
      title: '隐患整改提醒与逾期升级',
      description: '整改期限前几天提醒整改人；逾期次日起告知所在单位负责人，逾期超过所设天数分别升级到企业主要负责人和监管部门。',
      fields: { remindBeforeDays: '期限前提醒（天）', principalAfterDays: '逾期超过几天升级到主要负责人', regulatorAfterDays: '逾期超过几天升级到监管部门' },
    },
    'en-US': {
      title: 'Hazard reminders and overdue escalation',
      description: 'How many days before the deadline the rectifier is reminded; from the day after it the unit leaders hear, and past the days set here the principal and then the regulators.',
      fields: { remindBeforeDays: 'Remind days before the deadline', principalAfterDays: 'Days overdue before the principal hears', regulatorAfterDays: 'Days overdue before the regulators hear' },
    },
  },
});

const points = z.number().int().min(0).max(1000);

/** R-HAZ-6 [cfg]: points for a confirmed report by level; each award keeps the version that set it (hazard_points.rule_set_version). */
export const HAZARD_POINTS_RULES = defineRuleSet({
  name: 'hazard-points',
  module: 'hazards',
  schema: z.object({ general: points, major: points }),
  defaults: { general: 1, major: 5 },
  rules: ['R-HAZ-6'],
  labels: {
    'zh-CN': {
      title: '隐患报告积分（人人都是安全员）',
      description: '本企业员工报告的隐患经他人确认后获得的积分，按隐患等级。已获得的积分不随规则修改而变化。',
      fields: { general: '一般隐患（分）', major: '重大隐患（分）' },
    },
    'en-US': {
      title: 'Hazard report points (everyone a safety officer)',
      description: 'Points an employee earns when someone else confirms the hazard they reported, by level. Points already awarded do not change with the rules.',
      fields: { general: 'General hazard (points)', major: 'Major hazard (points)' },
    },
  },
});

export const hazardRulesMessages = {
  'zh-CN': { 'hazard.rules.escalationOrder': '升级到监管部门的天数须大于升级到主要负责人的天数' },
  'en-US': { 'hazard.rules.escalationOrder': 'The regulators must hear later than the principal' },
};
