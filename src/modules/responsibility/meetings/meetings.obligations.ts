import type { ObligationDefinition } from '../../../platform/obligations';

const MODULE = 'responsibility.meetings';

/**
 * R-RESP-5, the principal's "ten ones": the duties a confirmed meeting fulfils. Both are the principal's own: only a
 * meeting he chairs and confirms himself counts (`principalOnly`); evidence uploaded by anyone else waits for him.
 */
export const MEETING_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: 'resp.ten.meeting', module: MODULE, ruleId: 'R-RESP-5',
    names: { 'zh-CN': '每季度主持召开一次安全生产专题会议', 'en-US': 'Chair a safety meeting each quarter' },
    hints: {
      'zh-CN': '主要负责人主持召开安全生产专题会议或安委会会议，会后由本人确认会议纪要。',
      'en-US': 'The principal chairs a safety meeting or safety committee meeting and confirms its minutes himself.',
    },
    owner: 'principal', reportedTo: 'internal', fulfilledBy: ['meeting.safety_topic'], evidence: true, principalOnly: true,
    link: '/enterprises/{enterpriseId}/meetings?record=safety_topic',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'quarterly', graceDays: 0 }, applies: {},
      remindDaysBefore: [14, 3], escalateDaysAfter: [1, 15],
    },
  },
  {
    key: 'resp.ten.congress_report', module: MODULE, ruleId: 'R-RESP-5',
    names: { 'zh-CN': '每年向职代会（职工大会）报告安全生产工作', 'en-US': 'Report on safety to the workers\' congress each year' },
    hints: {
      'zh-CN': '在职工代表大会（未设职代会的，在职工大会）上作安全生产工作报告：记录会议并附报告，由主要负责人确认。',
      'en-US': 'Present the safety work report at the workers\' congress (or the staff assembly where there is none): record the session with the report attached, confirmed by the principal.',
    },
    owner: 'principal', reportedTo: 'congress', fulfilledBy: ['meeting.congress_report'], evidence: true, principalOnly: true,
    link: '/enterprises/{enterpriseId}/meetings?record=congress',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'yearly', graceDays: 0, dueMonthDay: null }, applies: {},
      remindDaysBefore: [30, 7], escalateDaysAfter: [1, 15],
    },
  },
];
