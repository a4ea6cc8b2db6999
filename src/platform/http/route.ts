import type { FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../auth/permissions';

export type AppInstance = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * Who may call a route: anyone, any signed-in user, or a holder of one permission.
 * `passwordChange` routes stay open to a user who must still change the initial password.
 */
export type Access = 'public' | 'authenticated' | Permission;
export type RouteAccess = { access: Access; passwordChange?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    passwordChange?: boolean;
  }
}

/** One registered API route, as the authorisation-matrix test and the docs see it. */
export type RouteInfo = { method: string; url: string; access: Access };

// ---- shared schemas ----
export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });
export const enterpriseParams = z.object({ enterpriseId: z.uuid() });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(100).optional(),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const okResponse = z.object({ ok: z.literal(true) });
