import { sql } from 'kysely';
import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';
import { DECIMAL_PATTERN, INSPECTION_STATES, SPECIAL_TYPES } from './equipment.rules';

const text = (max: number) => z.string().trim().max(max);
/** Money in yuan as exact decimal text (never a float): "1280000" or "1280000.50". */
export const money = z.string().trim().regex(DECIMAL_PATTERN, { message: 'equipment.money' });
const version = z.number().int().min(1);

export const equipmentParams = enterpriseParams.extend({ id: z.uuid() });
export const EQUIPMENT_STATUSES = ['in_use', 'idle', 'retired'] as const;

/** A point on a floor plan, as risk points are drawn (coordinates 0..1 of the plan). */
const marker = z.object({ type: z.literal('marker'), x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).strict();

const equipmentFields = z.object({
  code: text(50).min(1),
  name: text(100).min(1),
  type: text(100).default(''),
  model: text(100).default(''),
  orgUnitId: z.uuid(),
  location: text(200).default(''),
  floorPlanId: z.uuid().nullable().default(null),
  position: marker.nullable().default(null),
  riskPointIds: z.array(z.uuid()).max(50).default([]),
  monitoringMeasures: text(2000).default(''),
  specialType: z.enum(SPECIAL_TYPES).nullable().default(null),
  registrationNo: text(100).default(''),
  registrationCertNo: text(100).default(''),
  /** Special equipment: the last periodic inspection on record (the next due day follows from the type's interval). */
  lastInspectedOn: calendarDate.nullable().default(null),
  /** Special equipment: the next due day as the certificate states it (overrides the interval, e.g. a pressure vessel's safety grade). */
  nextInspectionDue: calendarDate.nullable().default(null),
  inspectionCertNo: text(100).default(''),
  obsoleteItem: z.string().regex(/^[a-z0-9-]{2,50}$/).nullable().default(null),
  status: z.enum(EQUIPMENT_STATUSES).default('in_use'),
});
export const equipmentCreate = equipmentFields;
export type EquipmentCreate = z.infer<typeof equipmentCreate>;
/** An edit: any field but the inspection dates (those move by recording an inspection); the version the client saw. */
export const equipmentPatch = z.object({
  code: text(50).min(1), name: text(100).min(1), type: text(100), model: text(100), orgUnitId: z.uuid(), location: text(200),
  floorPlanId: z.uuid().nullable(), position: marker.nullable(), riskPointIds: z.array(z.uuid()).max(50), monitoringMeasures: text(2000),
  registrationNo: text(100), registrationCertNo: text(100), obsoleteItem: z.string().regex(/^[a-z0-9-]{2,50}$/).nullable(), status: z.enum(EQUIPMENT_STATUSES),
}).partial().extend({ version });
export type EquipmentPatch = z.infer<typeof equipmentPatch>;

export const inspectionInput = z.object({
  inspectedOn: calendarDate,
  result: z.enum(['pass', 'conditional', 'fail']),
  /** The next due day as the report states it; absent: the type's interval from the inspection day. */
  nextDue: calendarDate.optional(),
  inspector: text(100).default(''),
  certificateNo: text(100).default(''),
  note: text(1000).default(''),
  version,
});
export type InspectionInput = z.infer<typeof inspectionInput>;

const riskPointRef = z.object({ id: z.string(), code: z.string(), name: z.string(), grade: z.number().int().nullable() });
const obsoleteRef = z.object({ code: z.string(), name: z.string(), kind: z.enum(['process', 'equipment']), source: z.string() });

export const equipmentSummary = z.object({
  id: z.string(), code: z.string(), name: z.string(), type: z.string(), model: z.string(), orgUnitId: z.string(), orgUnitName: z.string(),
  location: z.string(), status: z.enum(EQUIPMENT_STATUSES), specialType: z.enum(SPECIAL_TYPES).nullable(), registrationNo: z.string(),
  lastInspectedOn: z.string().nullable(), nextInspectionDue: z.string().nullable(), inspectionState: z.enum(INSPECTION_STATES), daysOverdue: z.number().int(),
  /** The catalogue item it matches (flagged for phasing out), null when none; `obsoleteItem` kept even if the item left the catalogue. */
  obsolete: obsoleteRef.nullable(), obsoleteItem: z.string().nullable(),
  overdueHazardId: z.string().nullable(), riskPointCount: z.number().int(), version: z.number().int(),
});
export type EquipmentSummary = z.infer<typeof equipmentSummary>;

export const equipmentDetail = equipmentSummary.extend({
  floorPlanId: z.string().nullable(), position: marker.nullable(), monitoringMeasures: z.string(), registrationCertNo: z.string(), inspectionCertNo: z.string(),
  riskPoints: z.array(riskPointRef),
  inspections: z.array(z.object({
    id: z.string(), inspectedOn: z.string(), nextDue: z.string(), result: z.enum(['pass', 'conditional', 'fail']), inspector: z.string(), certificateNo: z.string(),
    note: z.string(), recordedByName: z.string().nullable(), createdAt: z.date(),
  })),
  createdAt: z.date(), updatedAt: z.date(),
  abilities: z.object({ canEdit: z.boolean(), canRecordInspection: z.boolean() }),
});
export type EquipmentDetail = z.infer<typeof equipmentDetail>;

export const EQUIPMENT_SORT = { code: 'q.code', name: 'q.name', nextInspectionDue: { by: 'q.next_inspection_due', nulls: 'last' as const }, updatedAt: 'q.updated_at' };
export const equipmentListQuery = z.object({
  ...listParams,
  sort: sortParam(EQUIPMENT_SORT, 'code'),
  special: z.enum(['yes', 'no']).optional(),
  specialType: z.enum(SPECIAL_TYPES).optional(),
  inspection: z.enum(['overdue', 'due_soon']).optional(),
  obsolete: z.enum(['yes']).optional(),
  orgUnitId: z.uuid().optional(),
  status: z.enum(EQUIPMENT_STATUSES).optional(),
});
export type EquipmentListQuery = z.infer<typeof equipmentListQuery>;

export const equipmentList = pageOf(equipmentSummary).extend({
  today: z.string(),
  counts: z.object({ total: z.number().int(), special: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), obsolete: z.number().int() }),
  /** What the form offers: the special types with their intervals and the obsolete catalogue (rule-set `equipment`). */
  catalogue: z.object({
    specialTypes: z.array(z.object({ code: z.enum(SPECIAL_TYPES), intervalMonths: z.number().int() })),
    obsolete: z.array(obsoleteRef.extend({ verified: z.boolean() })),
    dueSoonDays: z.number().int(),
  }),
  abilities: z.object({ canCreate: z.boolean() }),
});

// ---- renovation projects (机械化换人、自动化减人) ----

export const RENOVATION_KINDS = ['mechanisation', 'automation'] as const;
export const RENOVATION_STATUSES = ['planned', 'in_progress', 'completed'] as const;
export const renovationParams = enterpriseParams.extend({ id: z.uuid() });
const year = z.number().int().min(2000).max(2100);
export const renovationInput = z.object({
  name: text(200).min(1), year, kind: z.enum(RENOVATION_KINDS), investment: money, peopleReduced: z.number().int().min(0).max(100_000),
  status: z.enum(RENOVATION_STATUSES), note: text(1000).default(''),
});
export type RenovationInput = z.infer<typeof renovationInput>;
export const renovationPatch = renovationInput.partial().extend({ version });
export type RenovationPatch = z.infer<typeof renovationPatch>;
export const renovationView = z.object({
  id: z.string(), name: z.string(), year: z.number().int(), kind: z.enum(RENOVATION_KINDS), investment: z.string(), peopleReduced: z.number().int(),
  status: z.enum(RENOVATION_STATUSES), note: z.string(), version: z.number().int(), createdAt: z.date(), updatedAt: z.date(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type RenovationView = z.infer<typeof renovationView>;
export const renovationList = z.object({
  items: z.array(renovationView),
  totals: z.object({ count: z.number().int(), investment: z.string(), peopleReduced: z.number().int() }),
  abilities: z.object({ canCreate: z.boolean() }),
});

// ---- the regulators' view ----

/** The regulators' sort keys: by name, by special equipment overdue, by renovation investment (the grouped subqueries s and r). */
export const OVERVIEW_SORT = {
  name: 'e.name',
  overdue: [sql`coalesce(s.overdue, 0)`, 'e.name'],
  investment: [sql`coalesce(r.investment, 0)`, 'e.name'],
};
export const equipmentOverviewQuery = z.object({
  ...listParams,
  sort: sortParam(OVERVIEW_SORT, 'overdue'),
  order: z.enum(['asc', 'desc']).default('desc'),
  overdue: z.enum(['yes']).optional(),
  subdistrictId: z.uuid().optional(),
});
export type EquipmentOverviewQuery = z.infer<typeof equipmentOverviewQuery>;
export const equipmentOverview = pageOf(z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  special: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), earliestOverdue: z.string().nullable(), obsolete: z.number().int(),
  renovations: z.number().int(), investment: z.string(), peopleReduced: z.number().int(),
})).extend({
  today: z.string(),
  totals: z.object({ enterprises: z.number().int(), withOverdue: z.number().int(), overdue: z.number().int(), renovations: z.number().int(), investment: z.string(), peopleReduced: z.number().int() }),
});
