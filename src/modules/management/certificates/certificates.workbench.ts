import { can } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { listCertificates, listUnqualified } from './certificates.service';

/**
 * R-TRN-2 on the to-do workbench of an enterprise's managers: the people on posts they do not qualify for (kept on the
 * post, so the safety manager is told until it is put right) and the certificates expiring or due for review.
 */
export const certificatesWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind !== 'enterprise' || !can(actor, 'certificate.manage') || !isEnterpriseManager(actor, scope.enterpriseId)) return [];
  const [unqualified, list] = await Promise.all([
    listUnqualified(db, ctx, scope.enterpriseId),
    listCertificates(db, ctx, scope.enterpriseId, { page: 1, pageSize: 1, order: 'asc', sort: 'validUntil' }),
  ]);
  const items: WorkbenchItem[] = [];
  if (unqualified.items.length) items.push({ key: 'certificates.unqualified', count: unqualified.items.length, to: '/certificates?tab=unqualified', tone: 'danger' });
  const due = list.counts.expiring + list.counts.reviewDue + list.counts.reviewOverdue;
  if (due) items.push({ key: 'certificates.expiring', count: due, to: '/certificates', tone: 'warning' });
  return items;
};
