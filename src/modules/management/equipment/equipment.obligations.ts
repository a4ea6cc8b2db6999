import type { ObligationDefinition } from '../../../platform/obligations';

const MODULE = 'management.equipment';

/** The event that opens a special equipment's next inspection (its `at` is the due day; subject = the equipment). */
export const INSPECTION_SCHEDULED = 'equipment.inspection_scheduled';
/** The record that fulfils it: the periodic inspection recorded on that equipment. */
export const INSPECTION_RECORDED = 'equipment.special_inspected';

/**
 * Issue 12 §5 (no RULES.md id: the rule is 特种设备安全法 Art 40 and TSG 08, named as the rule id): every special equipment's periodic inspection (特种设备安全法 Art 40: apply for it a month before it is
 * due). One occurrence per equipment and due day, opened when a due day is recorded (registering the equipment or
 * recording its last inspection) and due on that day; reminders run before it, escalation after; recording the next
 * inspection fulfils it in the same transaction.
 */
export const EQUIPMENT_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: 'equipment.special_inspection', module: MODULE, ruleId: 'TSG 08',
    names: { 'zh-CN': '特种设备定期检验', 'en-US': 'Periodic inspection of special equipment' },
    hints: {
      'zh-CN': '在检验有效期届满前一个月向检验机构申请定期检验；在设备台账中登记本次检验（日期、结论、检验报告编号）即完成。',
      'en-US': 'Apply to the inspection body a month before the inspection expires; done when the inspection (date, result, report number) is recorded on the equipment.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: [INSPECTION_RECORDED], evidence: false,
    link: '/equipment?tab=special',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'event', event: INSPECTION_SCHEDULED, days: 0, workingDays: false }, applies: {},
      remindDaysBefore: [30, 7], escalateDaysAfter: [1, 15],
    },
  },
];
