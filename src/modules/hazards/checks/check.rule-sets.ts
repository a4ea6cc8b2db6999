import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { CHECK_CYCLES, DEFAULT_DAY_START_HOUR, DEFAULT_REMIND_BEFORE_HOURS } from './check.rules';

const cycle = z.enum(CHECK_CYCLES);
const hours = (max: number) => z.number().int().min(0).max(max);

/**
 * R-HAZ-1 [cfg]: a checklist item's default frequency by checklist level (an item copied without its own cycle takes
 * it), the hour the production day's first of three eight-hour shifts starts, and how long before a task's due time
 * its assignee is reminded, by cycle: never longer than the period.
 */
export const CHECK_RULES = defineRuleSet({
  name: 'check-cycles',
  module: 'hazards',
  schema: z.object({
    defaultCycle: z.object({ post: cycle, workshop: cycle, enterprise: cycle }),
    shiftDayStartHour: z.number().int().min(0).max(12),
    remindBeforeHours: z.object({
      shift: hours(8), daily: hours(24), weekly: hours(7 * 24), monthly: hours(28 * 24), quarterly: hours(90 * 24), yearly: hours(365 * 24),
    }),
  }),
  defaults: {
    // The post card each shift, the workshop daily, the enterprise monthly.
    defaultCycle: { post: 'shift', workshop: 'daily', enterprise: 'monthly' },
    shiftDayStartHour: DEFAULT_DAY_START_HOUR,
    remindBeforeHours: DEFAULT_REMIND_BEFORE_HOURS,
  },
  rules: ['R-HAZ-1'],
  labels: {
    'zh-CN': {
      title: '排查周期与任务提醒',
      description: '检查表各层级检查项的默认排查周期（一岗一对照卡、一车间一表格、一企一清单），每班检查的班次时间，以及排查任务到期前多久提醒执行人。',
      fields: {
        defaultCycle: '默认排查周期', 'defaultCycle.post': '岗位对照卡', 'defaultCycle.workshop': '车间表格', 'defaultCycle.enterprise': '企业清单',
        shiftDayStartHour: '早班开始时刻（时，三班各 8 小时）',
        remindBeforeHours: '到期前提醒（小时）', 'remindBeforeHours.shift': '每班', 'remindBeforeHours.daily': '每日', 'remindBeforeHours.weekly': '每周',
        'remindBeforeHours.monthly': '每月', 'remindBeforeHours.quarterly': '每季度', 'remindBeforeHours.yearly': '每年',
        '@shift': '每班', '@daily': '每日', '@weekly': '每周', '@monthly': '每月', '@quarterly': '每季度', '@yearly': '每年',
      },
    },
    'en-US': {
      title: 'Check cycles and task reminders',
      description: 'The default frequency of checklist items by level (post card, workshop table, enterprise list), when the shifts of per-shift checks start, and how long before a check task is due its assignee is reminded.',
      fields: {
        defaultCycle: 'Default frequency', 'defaultCycle.post': 'Post card', 'defaultCycle.workshop': 'Workshop table', 'defaultCycle.enterprise': 'Enterprise list',
        shiftDayStartHour: 'Morning shift starts at (hour; three 8-hour shifts)',
        remindBeforeHours: 'Remind hours before due', 'remindBeforeHours.shift': 'Each shift', 'remindBeforeHours.daily': 'Daily', 'remindBeforeHours.weekly': 'Weekly',
        'remindBeforeHours.monthly': 'Monthly', 'remindBeforeHours.quarterly': 'Quarterly', 'remindBeforeHours.yearly': 'Yearly',
        '@shift': 'Each shift', '@daily': 'Daily', '@weekly': 'Weekly', '@monthly': 'Monthly', '@quarterly': 'Quarterly', '@yearly': 'Yearly',
      },
    },
  },
});
