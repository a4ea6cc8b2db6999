import { sql } from 'kysely';
import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, idParams, pageOf } from '../../../platform/http/route';

export const LAW_LEVELS = ['national', 'provincial', 'city', 'district'] as const;
export const LAW_KINDS = ['law', 'regulation', 'rule', 'standard', 'normative'] as const;

export const lawParams = idParams;
export const enterpriseLawParams = enterpriseParams.extend({ lawId: z.uuid() });

export const lawInput = z.object({
  level: z.enum(LAW_LEVELS), kind: z.enum(LAW_KINDS), title: z.string().trim().min(1).max(300),
  docNumber: z.string().trim().max(100).default(''), issuer: z.string().trim().max(200).default(''), effectiveOn: calendarDate.nullable().default(null),
}).strict();
export type LawInput = z.infer<typeof lawInput>;
export const lawPatch = z.object({
  level: z.enum(LAW_LEVELS).optional(), kind: z.enum(LAW_KINDS).optional(), title: z.string().trim().min(1).max(300).optional(),
  docNumber: z.string().trim().max(100).optional(), issuer: z.string().trim().max(200).optional(), effectiveOn: calendarDate.nullable().optional(),
  repealed: z.boolean().optional(), version: z.number().int(),
}).strict();
export type LawPatch = z.infer<typeof lawPatch>;

export const lawView = z.object({
  id: z.string(), level: z.enum(LAW_LEVELS), kind: z.enum(LAW_KINDS), title: z.string(), docNumber: z.string(), issuer: z.string(),
  effectiveOn: z.string().nullable(), repealed: z.boolean(), version: z.number().int(),
});
/** National first, the district's own last. */
export const LAW_LEVEL_ORDER = sql`array_position(array['national', 'provincial', 'city', 'district'], l.level)`;
export const LAW_SORT = { title: 'l.title', level: [LAW_LEVEL_ORDER, 'l.title'], effectiveOn: { by: 'l.effective_on', nulls: 'last' as const } };
export const lawQuery = z.object({
  ...listParams, sort: sortParam(LAW_SORT, 'level'), level: z.enum(LAW_LEVELS).optional(), repealed: z.enum(['yes', 'no']).optional(),
});
export type LawQuery = z.infer<typeof lawQuery>;
export const lawPage = pageOf(lawView).extend({ abilities: z.object({ canManage: z.boolean() }) });

export const adoptBody = z.object({ documentIds: z.array(z.uuid()).max(100).default([]) }).strict();
export type AdoptBody = z.infer<typeof adoptBody>;
export const enterpriseLawsView = z.object({
  items: z.array(lawView.extend({ adoptedAt: z.date(), documents: z.array(z.object({ id: z.string(), title: z.string() })) })),
  abilities: z.object({ canAdopt: z.boolean() }),
});
