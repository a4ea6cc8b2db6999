import type { MessageKey } from '../../../app/i18n';

/** The reasons the engine itself writes (a suspension, a cancelled record); a person's own reason is shown as typed. */
const SYSTEM_REASONS: Record<string, MessageKey> = {
  suspended: 'obligation.waivedReasonSuspended',
  cancelled: 'obligation.waivedReasonCancelled',
};

export function waivedReasonText(reason: string | null, t: (key: MessageKey) => string): string {
  if (!reason) return '';
  return Object.hasOwn(SYSTEM_REASONS, reason) ? t(SYSTEM_REASONS[reason]!) : reason;
}
