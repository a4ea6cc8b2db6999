import type { Ctx } from '../../platform/auth/actor';
import type { Tx } from '../../platform/db/database';

/** An enterprise's supervision status (RULES §0): active, suspended (停产停业), closed. */
export type EnterpriseStatus = 'active' | 'suspended' | 'closed';
export type EnterpriseStatusChange = { enterpriseId: string; name: string; from: EnterpriseStatus; to: EnterpriseStatus };

/**
 * Told, inside the transaction that changed it, that an enterprise's status changed (issue 11 §9: leaving 'suspended'
 * is a resumption, a key moment the responsibility module opens). Other modules register through org's index, so org
 * never imports them; a listener that throws rolls the change back.
 */
export type EnterpriseStatusListener = (tx: Tx, ctx: Ctx, change: EnterpriseStatusChange) => Promise<void>;

const listeners = new Set<EnterpriseStatusListener>();

/** Registers a listener; returns the function that removes it. */
export function onEnterpriseStatusChange(listener: EnterpriseStatusListener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

/** Runs every listener, in registration order, in the caller's transaction. */
export async function enterpriseStatusChanged(tx: Tx, ctx: Ctx, change: EnterpriseStatusChange): Promise<void> {
  for (const listener of listeners) await listener(tx, ctx, change);
}
