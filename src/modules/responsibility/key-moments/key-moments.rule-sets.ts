import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';

/**
 * R-RESP-6, R-RESP-9 [cfg] defaults. RULES.md names no figures: a shutdown of a week or more makes its end a
 * resumption, the first three days back are the key moment, holiday moments open a month ahead, a new hire in a key
 * industry has 30 days to be given a mentor, and someone hired within the last year counts as a new hire.
 */
export const KEY_MOMENTS_DEFAULTS = { shutdownDays: 7, resumptionDays: 3, holidayLeadDays: 30, mentorNoticeDays: 30, newHireWindowDays: 365 } as const;

export const KEY_MOMENT_RULES = defineRuleSet({
  name: 'key-moments',
  module: 'responsibility.key-moments',
  schema: z.object({
    shutdownDays: z.number().int().min(1).max(365),
    resumptionDays: z.number().int().min(1).max(30),
    holidayLeadDays: z.number().int().min(1).max(120),
    mentorNoticeDays: z.number().int().min(1).max(365),
    newHireWindowDays: z.number().int().min(30).max(1095),
  }),
  defaults: { ...KEY_MOMENTS_DEFAULTS },
  rules: ['R-RESP-6', 'R-RESP-9'],
  labels: {
    'zh-CN': {
      title: '关键时段带班与以师带徒',
      description: '停产停业多少天以上恢复生产算作复产复工；复产复工关键时段持续几天；节假日关键时段提前多少天生成；重点行业新入职人员须在多少天内确定师傅；入职多少天以内算新入职人员。',
      fields: {
        shutdownDays: '停产停业天数下限（天）',
        resumptionDays: '复产复工关键时段（天）',
        holidayLeadDays: '节假日关键时段提前生成（天）',
        mentorNoticeDays: '新入职人员确定师傅期限（天）',
        newHireWindowDays: '新入职人员认定范围（入职天数）',
      },
    },
    'en-US': {
      title: 'Key moments and mentoring',
      description: 'How many days a shutdown must last for the restart to be a resumption; how many days a resumption lasts as a key moment; how many days ahead holiday moments open; within how many days a new hire in a key industry gets a mentor; for how many days after hiring someone counts as a new hire.',
      fields: {
        shutdownDays: 'Shortest shutdown (days)',
        resumptionDays: 'Resumption moment (days)',
        holidayLeadDays: 'Holiday moments open ahead (days)',
        mentorNoticeDays: 'Days a new hire has to get a mentor',
        newHireWindowDays: 'Counts as a new hire for (days)',
      },
    },
  },
});
