import { txListeners, type TxListener } from '../../platform/tx-listeners';

/** An enterprise's supervision status (RULES §0): active, suspended (停产停业), closed. */
export type EnterpriseStatus = 'active' | 'suspended' | 'closed';
export type EnterpriseStatusChange = { enterpriseId: string; name: string; from: EnterpriseStatus; to: EnterpriseStatus };

/**
 * Told, inside the transaction that changed it, that an enterprise's status changed (issue 11 §9: leaving 'suspended'
 * is a resumption, a key moment the responsibility module opens). Other modules register through org's index, so org
 * never imports them; a listener that throws rolls the change back.
 */
export type EnterpriseStatusListener = TxListener<EnterpriseStatusChange>;

const listeners = txListeners<EnterpriseStatusChange>();

/** Registers a listener; returns the function that removes it. */
export const onEnterpriseStatusChange = listeners.on;

/** Runs every listener, in registration order, in the caller's transaction. */
export const enterpriseStatusChanged = listeners.emit;
