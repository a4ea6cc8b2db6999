import { z } from 'zod';
import { APPLIES_FLAGS, obligationDefinition, obligationDefinitions, type ObligationParams } from '../../platform/obligations';
import { defineRuleSet } from '../../platform/rules';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const steps = z.array(z.number().int().min(0).max(366)).max(6);

const cadence = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly']),
    graceDays: z.number().int().min(0).max(90),
    dueMonthDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).nullable().optional(),
  }),
  z.object({ kind: z.literal('event'), event: z.string().min(1).max(60), days: z.number().int().min(0).max(366), workingDays: z.boolean() }),
]);

export const obligationParamsSchema: z.ZodType<ObligationParams> = z.object({
  enabled: z.boolean(),
  effectiveFrom: day,
  cadence,
  applies: z.object({
    industryCategories: z.array(z.string().max(40)).max(20).optional(),
    keyIndustry: z.boolean().optional(),
    stateOwned: z.boolean().optional(),
    highRisk: z.boolean().optional(),
    hasWorkersCongress: z.boolean().optional(),
    hazardousGoodsCarrier: z.boolean().optional(),
    sizeClasses: z.array(z.enum(['large', 'medium', 'small', 'micro'])).max(4).optional(),
    anyOf: z.array(z.enum(APPLIES_FLAGS)).max(APPLIES_FLAGS.length).optional(),
    anyOfCategories: z.array(z.string().max(40)).max(20).optional(),
  }),
  remindDaysBefore: steps,
  escalateDaysAfter: steps,
});

/**
 * Issue 11 §1 [cfg]: the parameters of every obligation definition, by key — whether it is in force and from when, its
 * cadence or trigger, which enterprises owe it, and its reminder and escalation lead times. A key not saved reads the
 * module's declared defaults, so a module that adds a definition needs no migration. An edit applies to occurrences
 * created after it; each occurrence keeps the version that created it.
 */
export const OBLIGATION_RULES = defineRuleSet({
  name: 'obligations',
  module: 'obligations',
  // A definition keeps the kind it was declared with (the event that opens it, or a period): its module fulfils and
  // opens it on that assumption (fulfilByRecord, triggerEvent).
  schema: z.object({ definitions: z.record(z.string(), obligationParamsSchema) }).superRefine((v, ctx) => {
    for (const [key, params] of Object.entries(v.definitions)) {
      const declared = obligationDefinition(key)?.defaults.cadence;
      if (!declared) continue;
      const same = declared.kind === 'event' ? params.cadence.kind === 'event' && params.cadence.event === declared.event : params.cadence.kind !== 'event';
      if (!same) ctx.addIssue({ code: 'custom', message: 'obligation.rules.cadenceKind', path: ['definitions', key, 'cadence', 'kind'] });
    }
  }),
  defaults: {
    // The declared definitions, read when asked (modules register theirs at start, after this file loads).
    get definitions(): Record<string, ObligationParams> {
      return Object.fromEntries(obligationDefinitions().map((d) => [d.key, d.defaults]));
    },
  },
  rules: ['R-RESP-1', 'R-RESP-2', 'R-RESP-3', 'R-RESP-5', 'R-RESP-6', 'R-RESP-7', 'R-RESP-9', 'R-COM-1', 'R-HAZ-5', 'R-RISK-9', 'R-EMG-2'],
  labels: {
    'zh-CN': {
      title: '履职事项与提醒',
      description: '各项到期履职事项（如主要负责人“十个一”、年度责任书签订、年度风险报告）的周期或触发事件、适用企业、生效日期，以及到期前提醒和逾期后督促的天数。修改只影响此后生成的事项。',
      fields: {
        definitions: '履职事项', enabled: '启用', effectiveFrom: '生效日期', cadence: '周期', 'cadence.kind': '周期类型', 'cadence.graceDays': '期末后宽限天数',
        'cadence.dueMonthDay': '每年截止日（月-日）', 'cadence.event': '触发事件', 'cadence.days': '事件后天数', 'cadence.workingDays': '按工作日计算',
        applies: '适用企业', 'applies.anyOf': '满足其一即适用', '@highRisk': '高危行业', '@centralProvincial': '中央或省属企业', '@aboveScale': '规模以上企业',
        '@keyIndustry': '重点行业', '@stateOwned': '国有企业', '@hazardousGoodsCarrier': '危险货物运输企业', '@crowdedVenue': '人员密集场所',
        'applies.anyOfCategories': '或属于下列行业类别', remindDaysBefore: '到期前提醒（天）', escalateDaysAfter: '逾期后督促（天）',
        '@monthly': '每月', '@quarterly': '每季度', '@half_yearly': '每半年', '@yearly': '每年', '@event': '事件触发',
      },
    },
    'en-US': {
      title: 'Duties and reminders',
      description: 'For every duty that comes due (the principal\'s "ten ones", the yearly letter signing, the annual risk report…): its cadence or trigger, which enterprises owe it, when it takes effect, and how many days before the due date people are reminded and after it escalated. An edit applies to duties created after it.',
      fields: {
        definitions: 'Duties', enabled: 'Enabled', effectiveFrom: 'Effective from', cadence: 'Cadence', 'cadence.kind': 'Cadence', 'cadence.graceDays': 'Grace days after the period',
        'cadence.dueMonthDay': 'Yearly due day (MM-DD)', 'cadence.event': 'Trigger event', 'cadence.days': 'Days after the event', 'cadence.workingDays': 'Working days',
        applies: 'Applies to', 'applies.anyOf': 'Any of', '@highRisk': 'High-risk industry', '@centralProvincial': 'Central or provincial enterprise', '@aboveScale': 'Above designated size',
        '@keyIndustry': 'Key industry', '@stateOwned': 'State-owned', '@hazardousGoodsCarrier': 'Hazardous-goods carrier', '@crowdedVenue': 'Crowded venue',
        'applies.anyOfCategories': 'Or in these industry categories', remindDaysBefore: 'Remind days before', escalateDaysAfter: 'Escalate days after',
        '@monthly': 'Monthly', '@quarterly': 'Quarterly', '@half_yearly': 'Half-yearly', '@yearly': 'Yearly', '@event': 'On an event',
      },
    },
  },
});
