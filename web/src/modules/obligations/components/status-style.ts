import type { Meaning } from '../../../app/palette';
import type { OccurrenceStatus } from '../api/obligations.api';

/**
 * A duty's status by what it means (app/palette.ts): overdue and fulfilled late are red (late is a failure even when
 * made good), due is orange (waiting on someone), not yet due blue, fulfilled on time the only green, waived grey.
 */
export const STATUS_MEANING: Record<OccurrenceStatus, Meaning> = {
  overdue: 'danger', late_fulfilled: 'danger', due: 'warning', upcoming: 'normal', fulfilled: 'done', waived: 'none',
};

/** Open: still to be fulfilled. */
export function isOpen(status: OccurrenceStatus): boolean {
  return status === 'upcoming' || status === 'due' || status === 'overdue';
}
