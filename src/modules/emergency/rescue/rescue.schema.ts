import { z } from 'zod';
import { listParams } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams } from '../../../platform/http/route';

/** Issue 14 §2, R-EMG-3: what the rescue routes take and answer. */

const text = (max: number) => z.string().trim().max(max);
const name = (max: number) => z.string().trim().min(1).max(max);
const phone = z.string().trim().max(30).regex(/^[0-9+\-() 转]*$/, { message: 'validation.phone' });
const version = z.number().int().min(1);

export const rescueItemParams = enterpriseParams.extend({ id: z.uuid() });

export const TEAM_KINDS = ['team', 'parttime'] as const;
export const EQUIPMENT_CATEGORIES = ['protection', 'firefighting', 'detection', 'rescue', 'medical', 'communication', 'lighting', 'spill', 'power', 'vehicle', 'other'] as const;
export const INSPECTION_RESULTS = ['ok', 'fixed', 'faulty'] as const;
export const CONTACT_KINDS = ['internal', 'rescue_team', 'hospital', 'fire', 'police', 'regulator', 'supplier', 'other'] as const;
export const EQUIPMENT_STATES = ['ok', 'due_soon', 'overdue', 'expired'] as const;
export const READINESS_REASONS = ['no_team', 'no_members', 'no_agreement', 'agreement_expired'] as const;

// ---- teams ----

const memberInput = z.object({
  employeeId: z.uuid().nullable().default(null),
  name: name(50),
  role: text(50).default(''),
  phone: phone.default(''),
  certificates: text(500).default(''),
}).strict();

export const rescueTeamInput = z.object({
  name: name(100),
  kind: z.enum(TEAM_KINDS),
  duties: text(2000).default(''),
  note: text(1000).default(''),
  members: z.array(memberInput).max(200).default([]),
}).strict();
export type RescueTeamInput = z.infer<typeof rescueTeamInput>;
export const rescueTeamUpdate = rescueTeamInput.extend({ version }).strict();
export type RescueTeamUpdate = z.infer<typeof rescueTeamUpdate>;

export const rescueTeamView = z.object({
  id: z.string(), name: z.string(), kind: z.enum(TEAM_KINDS), duties: z.string(), note: z.string(), version: z.number().int(),
  members: z.array(z.object({
    id: z.string(), employeeId: z.string().nullable(), name: z.string(), role: z.string(), phone: z.string(), certificates: z.string(),
  })),
});
export type RescueTeamView = z.infer<typeof rescueTeamView>;
export const rescueTeamList = z.object({ items: z.array(rescueTeamView) });

// ---- agreements ----

export const rescueAgreementInput = z.object({
  counterpart: name(200),
  contactName: text(50).default(''),
  contactPhone: phone.default(''),
  validFrom: calendarDate,
  validTo: calendarDate,
  note: text(1000).default(''),
  attachmentId: z.uuid().nullable().default(null),
}).strict();
export type RescueAgreementInput = z.infer<typeof rescueAgreementInput>;
export const rescueAgreementUpdate = rescueAgreementInput.extend({ version }).strict();
export type RescueAgreementUpdate = z.infer<typeof rescueAgreementUpdate>;

export const rescueAgreementView = z.object({
  id: z.string(), counterpart: z.string(), contactName: z.string(), contactPhone: z.string(), validFrom: z.string(), validTo: z.string(),
  note: z.string(), attachmentIds: z.array(z.string()), state: z.enum(['valid', 'expiring', 'expired', 'future']), version: z.number().int(),
});
export type RescueAgreementView = z.infer<typeof rescueAgreementView>;
export const rescueAgreementList = z.object({ items: z.array(rescueAgreementView) });

// ---- equipment ----

const quantity = z.number().min(0).max(9_999_999_999)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'rescue.quantity' });
// A point on one of the enterprise's floor plans, as risk points and equipment are drawn (0..1 of the plan).
const position = z.object({ type: z.literal('marker'), x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).strict();

export const rescueEquipmentInput = z.object({
  name: name(100),
  category: z.enum(EQUIPMENT_CATEGORIES),
  quantity,
  unit: text(20).default(''),
  location: text(200).default(''),
  floorPlanId: z.uuid().nullable().default(null),
  position: position.nullable().default(null),
  keeper: text(50).default(''),
  inspectionCycleDays: z.number().int().min(1).max(3650).nullable().default(null),
  lastInspectedOn: calendarDate.nullable().default(null),
  expiresOn: calendarDate.nullable().default(null),
  note: text(1000).default(''),
}).strict();
export type RescueEquipmentInput = z.infer<typeof rescueEquipmentInput>;
export const rescueEquipmentUpdate = rescueEquipmentInput.extend({ version }).strict();
export type RescueEquipmentUpdate = z.infer<typeof rescueEquipmentUpdate>;

export const rescueEquipmentQuery = z.object({
  state: z.enum(['all', 'attention']).default('all'),
  category: z.enum(EQUIPMENT_CATEGORIES).optional(),
}).strict();
export type RescueEquipmentQuery = z.infer<typeof rescueEquipmentQuery>;

export const rescueEquipmentView = z.object({
  id: z.string(), name: z.string(), category: z.enum(EQUIPMENT_CATEGORIES), quantity: z.number(), unit: z.string(), location: z.string(),
  floorPlanId: z.string().nullable(), position: position.nullable(), keeper: z.string(), inspectionCycleDays: z.number().int().nullable(),
  lastInspectedOn: z.string().nullable(), nextInspectionDue: z.string().nullable(), expiresOn: z.string().nullable(), note: z.string(),
  /** The worst of its inspection and expiry states on the day. */
  state: z.enum(EQUIPMENT_STATES), version: z.number().int(),
});
export type RescueEquipmentView = z.infer<typeof rescueEquipmentView>;
export const rescueEquipmentList = z.object({ today: z.string(), items: z.array(rescueEquipmentView) });

export const rescueInspectionInput = z.object({
  inspectedOn: calendarDate,
  result: z.enum(INSPECTION_RESULTS),
  note: text(1000).default(''),
}).strict();
export type RescueInspectionInput = z.infer<typeof rescueInspectionInput>;

// ---- contacts ----

export const emergencyContactInput = z.object({
  kind: z.enum(CONTACT_KINDS),
  name: name(100),
  organisation: text(100).default(''),
  role: text(50).default(''),
  phone: phone.refine((v) => v.length >= 3, { message: 'validation.phone' }),
  note: text(500).default(''),
  sort: z.number().int().min(0).max(10_000).default(0),
}).strict();
export type EmergencyContactInput = z.infer<typeof emergencyContactInput>;
export const emergencyContactUpdate = emergencyContactInput.extend({ version }).strict();
export type EmergencyContactUpdate = z.infer<typeof emergencyContactUpdate>;

export const emergencyContactView = z.object({
  id: z.string(), kind: z.enum(CONTACT_KINDS), name: z.string(), organisation: z.string(), role: z.string(), phone: z.string(), note: z.string(),
  sort: z.number().int(), version: z.number().int(),
});
export type EmergencyContactView = z.infer<typeof emergencyContactView>;
export const emergencyContactList = z.object({ enterpriseName: z.string(), items: z.array(emergencyContactView) });

// ---- overview ----

export const rescueReadinessView = z.object({
  required: z.boolean(),
  requirement: z.enum(['team', 'team_or_parttime', 'not_required']),
  met: z.boolean(),
  reasons: z.array(z.enum(READINESS_REASONS)),
});
export type RescueReadinessView = z.infer<typeof rescueReadinessView>;

export const rescueOverview = z.object({
  today: z.string(),
  requirements: z.object({
    rescueOrganisation: z.enum(['team', 'team_or_parttime', 'not_required']), halfYearlyDrills: z.boolean(), reportDrills: z.boolean(),
    threeYearEvaluation: z.boolean(), planReview: z.enum(['review', 'demonstration']), sizeClass: z.enum(['large', 'medium', 'small', 'micro']).nullable(),
    ruleSetVersion: z.number().int(),
  }),
  readiness: rescueReadinessView,
  counts: z.object({
    teams: z.number().int(), members: z.number().int(), agreementsValid: z.number().int(), agreementsExpiring: z.number().int(),
    equipment: z.number().int(), equipmentDue: z.number().int(), contacts: z.number().int(),
  }),
  abilities: z.object({ canManage: z.boolean() }),
});
export type RescueOverview = z.infer<typeof rescueOverview>;

// ---- the regulators' list (district-wide) ----

const flag = z.enum(['true', 'false']).transform((v) => v === 'true').optional();
export const RESCUE_SUPERVISION_SORTS = ['name', 'overdue'] as const;
export const rescueSupervisionQuery = z.object({
  ...listParams,
  sort: z.enum(RESCUE_SUPERVISION_SORTS).default('name'),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().trim().max(50).optional(),
  /** R-EMG-3: only the enterprises that must have a rescue organisation and have none in place. */
  missing: flag,
  /** Only those whose latest rescue agreement has ended. */
  agreementExpired: flag,
  /** Only those with emergency equipment whose inspection is overdue. */
  inspectionOverdue: flag,
});
export type RescueSupervisionQuery = z.infer<typeof rescueSupervisionQuery>;
export const rescueSupervisionRow = z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  requirement: z.enum(['team', 'team_or_parttime', 'not_required']),
  /** R-EMG-3 readiness: met (or not required), and what is missing. */
  met: z.boolean(), reasons: z.array(z.enum(READINESS_REASONS)),
  teams: z.number().int(), members: z.number().int(),
  agreements: z.number().int(), agreementValidTo: z.string().nullable(), agreementExpired: z.boolean(),
  equipment: z.number().int(), inspectionsOverdue: z.number().int(), expired: z.number().int(),
});
export type RescueSupervisionRow = z.infer<typeof rescueSupervisionRow>;
export const rescueSupervisionPage = z.object({
  items: z.array(rescueSupervisionRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), today: z.string(),
  /** Over every enterprise of the scope and filters (before the three flags narrow the list). */
  counts: z.object({ enterprises: z.number().int(), required: z.number().int(), missing: z.number().int(), agreementExpired: z.number().int(), inspectionOverdue: z.number().int() }),
});
export type RescueSupervisionPage = z.infer<typeof rescueSupervisionPage>;
