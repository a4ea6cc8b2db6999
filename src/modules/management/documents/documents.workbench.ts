import { can } from '../../../platform/auth/actor';
import type { WorkbenchSource } from '../../../platform/workbench';
import { pendingCount } from './documents.service';

/**
 * R-DOC-1 on the to-do workbench: the rules and procedures the caller has been asked to read and acknowledge.
 */
export const documentsWorkbench: WorkbenchSource = async (db, ctx) => {
  if (ctx.actor.scope.kind !== 'enterprise' || !can(ctx.actor, 'documents.acknowledge')) return [];
  const n = await pendingCount(db, ctx);
  return n ? [{ key: 'documents.pending', count: n, to: '/documents/mine', tone: 'warning' }] : [];
};
