import { z } from 'zod';
import { calendarDate, pageOf, pageQuery } from '../../../platform/http/route';
import { HAZARD_OPS, HAZARD_STATES } from './hazard-workflow';

export const HAZARD_SOURCES = ['self_check', 'employee_report', 'regulator', 'tip_off', 'insurer', 'service'] as const;
export const HAZARD_CLASSES = ['thing', 'behaviour', 'management'] as const;
export const HAZARD_LEVELS = ['general', 'major'] as const;
export const PHOTO_STAGES = ['before', 'after', 'evidence'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];
export const hazardParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
const text = (max: number) => z.string().trim().max(max);
const day = calendarDate;
const photoIds = z.array(z.uuid()).max(10).default([]);
/** A workflow step may name the version the client decided on (the detail's `version`): a stale one is refused 409. */
const version = z.number().int().min(1).optional();

export const hazardReport = z.object({
  title: text(200).min(1),
  description: text(2000).default(''),
  source: z.enum(HAZARD_SOURCES).optional(),
  hazardClass: z.enum(HAZARD_CLASSES).optional(),
  level: z.enum(['general', 'major']).default('general'),
  majorCriterion: text(200).optional(),
  riskPointId: z.uuid().optional(),
  orgUnitId: z.uuid().optional(),
  postId: z.uuid().optional(),
  location: text(200).default(''),
  photoIds,
});
export type HazardReportInput = z.infer<typeof hazardReport>;

export const hazardConfirm = z.object({
  level: z.enum(['general', 'major']),
  hazardClass: z.enum(HAZARD_CLASSES),
  majorCriterion: text(200).optional(),
  title: text(200).min(1).optional(),
  /** The confirmer corrects where the hazard is: its unit, location and risk point (null: none). Omitted: unchanged. */
  orgUnitId: z.uuid().optional(),
  location: text(200).optional(),
  riskPointId: z.uuid().nullable().optional(),
  note: text(1000).default(''),
  version,
});
export type HazardConfirmInput = z.infer<typeof hazardConfirm>;
export const hazardAssign = z.object({ rectifierId: z.uuid(), measures: text(2000).min(1), deadline: day, funds: z.number().min(0).max(1e12).optional(), note: text(1000).default(''), version });
export const hazardSubmit = z.object({ note: text(1000).default(''), photoIds, version });
export const hazardNote = z.object({ note: text(1000).default(''), version });
export const hazardVoid = z.object({ reason: text(1000).min(1), version });
export const hazardExtension = z.object({ newDeadline: day, reason: text(1000).min(1), version });
export const extensionDecision = z.object({ approve: z.boolean(), note: text(1000).default(''), version });
export const fiveInPlacePlan = z.object({
  responsiblePerson: text(100).min(1), measures: text(4000).min(1), funds: z.number().min(0).max(1e12), timeLimit: day, contingencyPlan: text(4000).min(1),
});
export const supervisionInput = z.object({ deadline: day, note: text(1000).default('') });

export const hazardListQuery = z.object({
  ...pageQuery,
  sort: z.enum(['reportedAt', 'deadline', 'code', 'level']).default('reportedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum([...HAZARD_STATES, 'open']).optional(),
  level: z.enum(['general', 'major']).optional(),
  source: z.enum(HAZARD_SOURCES).optional(),
  orgUnitId: z.uuid().optional(),
  riskPointId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** The workbench's lists (issue 10 §1): mine to rectify, reported by me, an extension to decide, due within the reminder days. */
  assignedToMe: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  reportedByMe: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  extensionPending: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  dueSoon: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type HazardListQuery = z.infer<typeof hazardListQuery>;

export const hazardSummary = z.object({
  id: z.string(), code: z.string(), title: z.string(), source: z.enum(HAZARD_SOURCES), hazardClass: z.enum(HAZARD_CLASSES).nullable(), level: z.enum(HAZARD_LEVELS),
  status: z.enum(HAZARD_STATES), orgUnitId: z.string(), orgUnitName: z.string(), riskPointId: z.string().nullable(), riskPointName: z.string().nullable(),
  location: z.string(), reportedAt: z.date(), reporterName: z.string().nullable(), rectifierId: z.string().nullable(), rectifierName: z.string().nullable(),
  deadline: z.string().nullable(), overdue: z.boolean(), escalationLevel: z.number(), supervised: z.boolean(), closedAt: z.date().nullable(),
});
export const hazardPage = pageOf(hazardSummary);

/**
 * The units a hazard may be placed in, for the report and confirm forms: those the caller sees in full, each with the
 * names on its path from the root, and the unit the caller's own reports go to when they name none.
 */
export const hazardUnits = z.object({
  defaultUnitId: z.string(),
  units: z.array(z.object({ id: z.string(), name: z.string(), pathNames: z.array(z.string()) })),
});
export type HazardUnits = z.infer<typeof hazardUnits>;

export const hazardDetail = hazardSummary.extend({
  enterpriseId: z.string(), description: z.string(), majorCriterion: z.string().nullable(), measures: z.string(), funds: z.number().nullable(),
  acceptanceNote: z.string(), voidReason: z.string().nullable(), onSpot: z.boolean(), version: z.number(),
  photos: z.array(z.object({ id: z.string(), stage: z.enum(PHOTO_STAGES), url: z.string() })),
  events: z.array(z.object({ op: z.string(), from: z.string().nullable(), to: z.string(), actorName: z.string().nullable(), at: z.date(), note: z.string(), photoIds: z.array(z.string()) })),
  extensions: z.array(z.object({ id: z.string(), oldDeadline: z.string(), newDeadline: z.string(), reason: z.string(), status: z.enum(['pending', 'approved', 'rejected']), requestedAt: z.date(), decidedAt: z.date().nullable(), decisionNote: z.string() })),
  plan: fiveInPlacePlan.nullable(),
  supervision: z.object({ deadline: z.string(), note: z.string(), status: z.enum(['listed', 'delisted']), listedAt: z.date(), delistedAt: z.date().nullable() }).nullable(),
  abilities: z.object(Object.fromEntries(HAZARD_OPS.map((op) => [op, z.boolean()])) as Record<(typeof HAZARD_OPS)[number], z.ZodBoolean>)
    .extend({ editPlan: z.boolean(), supervise: z.boolean(), delist: z.boolean() }),
});
export type HazardDetail = z.infer<typeof hazardDetail>;
