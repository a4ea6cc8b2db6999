import type { Tx } from './db/database';
import { registerMessages, t, type Locale } from './i18n/messages';

/**
 * Kinds of notification, each with a name people read (the tag in the bell and the list). A kind not listed here
 * (e.g. written by an SQL job) is shown as 通知, never as its code.
 */
const KIND_NAMES = {
  account: ['账号', 'Account'],
  system: ['系统', 'System'],
  'employee.import': ['员工导入', 'Employee import'],
  risk: ['风险管控', 'Risk control'],
  check: ['隐患排查任务', 'Check task'],
  'hazard.reported': ['隐患上报', 'Hazard reported'],
  'hazard.assigned': ['整改指派', 'Rectification assigned'],
  'hazard.submitted': ['整改待验收', 'Awaiting acceptance'],
  'hazard.rejected': ['验收未通过', 'Rectification rejected'],
  'hazard.closed': ['隐患闭环', 'Hazard closed'],
  'hazard.extension': ['延期申请', 'Extension request'],
  'hazard.major': ['重大隐患', 'Major hazard'],
  'hazard.supervised': ['挂牌督办', 'Supervision'],
  'hazard.due': ['整改即将到期', 'Rectification due soon'],
  'hazard.overdue': ['整改逾期', 'Rectification overdue'],
  'hazard.report': ['双报告', 'Double report'],
} as const satisfies Record<string, readonly [string, string]>;
export type NotificationKind = keyof typeof KIND_NAMES;
export const NOTIFICATION_KINDS = Object.keys(KIND_NAMES) as NotificationKind[];
registerMessages({
  'zh-CN': { ...Object.fromEntries(Object.entries(KIND_NAMES).map(([k, v]) => [`notification.kind.${k}`, v[0]])), 'notification.kind.other': '通知' },
  'en-US': { ...Object.fromEntries(Object.entries(KIND_NAMES).map(([k, v]) => [`notification.kind.${k}`, v[1]])), 'notification.kind.other': 'Notice' },
});

/** The name of a kind in `locale`. */
export function notificationKindName(locale: Locale, kind: string): string {
  return t(locale, Object.hasOwn(KIND_NAMES, kind) ? `notification.kind.${kind}` : 'notification.kind.other');
}


/** A notification for one user, recorded in the business transaction and delivered by the job runner. */
export type NotifyPayload = { userId: string; kind: string; titleKey: string; bodyKey: string; params?: Record<string, string | number>; link?: string | null };

export type OutboxMessage = { topic: 'notify'; payload: NotifyPayload };

export async function enqueueOutbox(tx: Tx, msg: OutboxMessage | readonly OutboxMessage[]): Promise<void> {
  const msgs = Array.isArray(msg) ? msg : [msg as OutboxMessage];
  if (msgs.length === 0) return;
  // One statement for all of them: a notification to every manager costs one round trip, not one each.
  await tx.insertInto('outbox').values(msgs.map((m) => ({ topic: m.topic, payload: JSON.stringify(m.payload) }))).execute();
}
