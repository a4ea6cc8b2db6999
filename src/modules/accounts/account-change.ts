import type { Role } from '../../platform/db/schema';
import { txListeners, type TxListener } from '../../platform/tx-listeners';

/** What of an account other modules care for: its role and the enterprise and roster person it stands for. */
export type AccountPlace = { role: Role; enterpriseId: string | null; employeeId: string | null; disabled: boolean };
/** An account created (`before` null), re-roled, re-scoped, disabled or enabled. */
export type AccountChange = { userId: string; before: AccountPlace | null; after: AccountPlace };
export type AccountChangeListener = TxListener<AccountChange>;

/**
 * Told, inside the transaction that made it, that an account's role, scope or standing changed (R-TRN-2: an account
 * made an enterprise's principal or safety manager owes the safety qualification from that day, and the certificates
 * module opens the duty at once). Other modules register through accounts' index, so accounts never imports them.
 */
const listeners = txListeners<AccountChange>();
export const onAccountChange = listeners.on;
export const accountChanged = listeners.emit;

export const placeOf = (u: { role: Role; enterprise_id: string | null; employee_id: string | null; disabled: boolean }): AccountPlace => ({
  role: u.role, enterpriseId: u.enterprise_id, employeeId: u.employee_id, disabled: u.disabled,
});
