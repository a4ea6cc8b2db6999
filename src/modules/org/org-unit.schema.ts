import { z } from 'zod';

export const orgUnitKind = z.enum(['company', 'department', 'workshop', 'team']);
export const unitParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });

export const orgUnitView = z.object({
  id: z.string(), parentId: z.string().nullable(), kind: orgUnitKind, name: z.string(), sort: z.number(),
  postCount: z.number(), employeeCount: z.number(), canManage: z.boolean(),
});
export const orgUnitCreate = z.object({ parentId: z.uuid(), kind: orgUnitKind.exclude(['company']), name: z.string().trim().min(1).max(100) });
export const orgUnitUpdate = z.object({ name: z.string().trim().min(1).max(100).optional(), parentId: z.uuid().optional(), sort: z.number().int().min(0).max(100000).optional() });

export const postView = z.object({
  id: z.string(), orgUnitId: z.string(),
  /** The unit's names below the company, "一车间 / 甲班", to tell same-named posts apart. */
  unitPath: z.string(),
  name: z.string(), keyPost: z.boolean(), specialOperation: z.boolean(),
  certificateType: z.string().nullable(), employeeCount: z.number(),
});
const certificate = z.string().trim().min(1).max(100).nullable();
export const postCreate = z.object({
  orgUnitId: z.uuid(), name: z.string().trim().min(1).max(100), keyPost: z.boolean().default(false),
  specialOperation: z.boolean().default(false), certificateType: certificate.default(null),
});
export const postUpdate = z.object({
  orgUnitId: z.uuid().optional(), name: z.string().trim().min(1).max(100).optional(), keyPost: z.boolean().optional(),
  specialOperation: z.boolean().optional(), certificateType: certificate.optional(),
});
export type PostCreate = z.infer<typeof postCreate>;
export type PostUpdate = z.infer<typeof postUpdate>;
