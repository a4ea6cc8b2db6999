import type { FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../auth/permissions';
import { listParams, type Page } from '../db/list-query';

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

/**
 * A real calendar date written YYYY-MM-DD, its year within [minYear, maxYear]. `2026-02-30` and `2026-13-01` match
 * the pattern but are not dates (D7).
 */
export function isCalendarDate(value: string, minYear = 1900, maxYear = 2100): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < minYear || y > maxYear) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** D7: the one date type of every date field in a request (deadlines, plan periods, time limits). */
export const calendarDate = z.string().refine((v) => isCalendarDate(v), { message: 'validation.date' })
  .meta({ format: 'date', example: '2026-03-01' });

/** Paging, order and search of every list route (platform/db/list-query.ts). */
export const pageQuery = listParams;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
export type { Page };

export const okResponse = z.object({ ok: z.literal(true) });
