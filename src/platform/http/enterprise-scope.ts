import type { FastifyRequest } from 'fastify';
import { requireEnterpriseInScope } from '../auth/policy';
import type { Executor } from '../db/database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The enterprise a route is about: `:enterpriseId` in its path, or `:id` of `/enterprises/:id` itself. */
function enterpriseOf(req: FastifyRequest): string | undefined {
  const params = req.params as Record<string, string | undefined>;
  if (params.enterpriseId !== undefined) return params.enterpriseId;
  return req.routeOptions.url === '/api/v1/enterprises/:id' ? params.id : undefined;
}

/**
 * Issue 8 §6: every enterprise-scoped route answers 404 to a caller whose scope does not hold the enterprise, before its
 * body is validated, so a manager of another enterprise learns nothing of this one (not even which fields a write
 * expects) — on every route, present and future. The services check the scope again with the records they load.
 * A malformed id is left to the route's validation (400).
 */
export function enterpriseScopeHook(db: Executor) {
  return async (req: FastifyRequest): Promise<void> => {
    const enterpriseId = enterpriseOf(req);
    if (!req.actor || enterpriseId === undefined || !UUID.test(enterpriseId)) return;
    await requireEnterpriseInScope(db, req.actor, enterpriseId);
  };
}
