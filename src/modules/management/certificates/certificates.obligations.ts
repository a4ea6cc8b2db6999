import type { ObligationDefinition } from '../../../platform/obligations';

const MODULE = 'management.certificates';

/** The events that open a certificate's duties (`at`: the day due; subject: the certificate). */
export const EXPIRY_SCHEDULED = 'certificate.expiry_scheduled';
export const REVIEW_SCHEDULED = 'certificate.review_scheduled';
/** The records that fulfil them: a renewal (延期换证) recorded on the certificate, a review (复审) recorded on it. */
export const RENEWAL_RECORDED = 'certificate.renewed';
export const REVIEW_RECORDED = 'certificate.reviewed';
/** R-TRN-2: a principal's or safety manager's safety qualification falls due (`at`: the last day of his grace; subject: person and code). */
export const QUALIFICATION_DUE = 'certificate.qualification_due';
/** The record that fulfils it: a valid safety-qualification certificate of his code recorded for him. */
export const QUALIFICATION_RECORDED = 'certificate.qualification_recorded';

/** The subject of a person's qualification duty: the person and the code he needs (one duty each). */
export const qualificationSubject = (employeeId: string, code: string) => `${employeeId}:${code}`;

/**
 * R-TRN-2: a certificate's renewal before it expires and its review before the review day are duties of the enterprise,
 * opened when the certificate is recorded (and again by each renewal or review, for the next day) and fulfilled by the
 * renewal or review recorded, in the same transaction; reminders run before, escalation after.
 */
export const CERTIFICATE_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: 'certificate.renewal', module: MODULE, ruleId: 'R-TRN-2',
    names: { 'zh-CN': '证书到期换证', 'en-US': 'Certificate renewal before expiry' },
    hints: {
      'zh-CN': '证书有效期届满前安排持证人申请延期换证；在持证管理中登记换证（新的有效期）即完成。证书过期的人员不得在特种作业岗位作业。',
      'en-US': 'Have the holder renew the certificate before it expires; done when the renewal (new validity) is recorded. Nobody works a special operation on an expired certificate.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: [RENEWAL_RECORDED], evidence: false,
    link: '/certificates',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'event', event: EXPIRY_SCHEDULED, days: 0, workingDays: false }, applies: {},
      remindDaysBefore: [60, 30, 7], escalateDaysAfter: [1, 15],
    },
  },
  {
    key: 'certificate.review', module: MODULE, ruleId: 'R-TRN-2',
    names: { 'zh-CN': '特种作业操作证复审', 'en-US': 'Special-operation certificate review' },
    hints: {
      'zh-CN': '复审日前 60 日内由持证人向考核发证机关申请复审；在持证管理中登记复审结果即完成。未按期复审的证书失效。',
      'en-US': 'The holder applies for the review within 60 days before it is due; done when the review result is recorded. A certificate not reviewed in time is void.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: [REVIEW_RECORDED], evidence: false,
    link: '/certificates',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'event', event: REVIEW_SCHEDULED, days: 0, workingDays: false }, applies: {},
      remindDaysBefore: [60, 30, 7], escalateDaysAfter: [1, 15],
    },
  },
  {
    // R-TRN-2 (安全生产法 第二十七条, 安全生产培训管理办法): the principal and safety managers of the [cfg] industries pass the
    // assessment within six months of the appointment [cfg days]; opened with the last day of that grace, fulfilled by
    // the certificate recorded. The appointment itself is never refused.
    key: 'certificate.safety_qualification', module: MODULE, ruleId: 'R-TRN-2',
    names: { 'zh-CN': '主要负责人、安全管理人员取得安全资格证', 'en-US': 'Principal or safety manager passes the safety qualification' },
    hints: {
      'zh-CN': '主要负责人和安全生产管理人员应自任职之日起 6 个月内通过安全生产知识和管理能力考核；在持证管理中登记其安全生产知识和管理能力考核合格证即完成。逾期未取得的，列为不符合上岗条件人员。',
      'en-US': 'The principal and safety managers pass the safety knowledge and management assessment within six months of the appointment; done when the certificate is recorded. Past the deadline without one, the person is listed as unqualified.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: [QUALIFICATION_RECORDED], evidence: false,
    link: '/certificates',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'event', event: QUALIFICATION_DUE, days: 0, workingDays: false }, applies: {},
      remindDaysBefore: [60, 30, 7], escalateDaysAfter: [1, 15],
    },
  },
];
