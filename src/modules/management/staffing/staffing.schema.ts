import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';

/** 专业类别 of 注册安全工程师分类管理办法 (2017). */
export const ENGINEER_SPECIALTIES = ['coal_mine', 'metal_nonmetal_mine', 'chemical', 'metal_smelting', 'construction', 'road_transport', 'other'] as const;
export const STAFF_KINDS = ['full_time', 'part_time'] as const;

export const staffingItemParams = enterpriseParams.extend({ id: z.uuid() });
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);

export const departmentInput = z.object({
  name: z.string().trim().min(1).max(100),
  documentNo: text(100).optional(),
  establishedOn: calendarDate.nullable().optional(),
  note: text(500).optional(),
  /** The version read, when one exists (a stale one is 409). */
  version: version.optional(),
});
export type DepartmentInput = z.infer<typeof departmentInput>;

export const staffInput = z.object({
  employeeId: z.uuid(),
  kind: z.enum(STAFF_KINDS),
  appointmentNo: text(100).optional(),
  appointedOn: calendarDate.nullable().optional(),
  duties: text(500).optional(),
});
export type StaffInput = z.infer<typeof staffInput>;
export const staffPatch = staffInput.omit({ employeeId: true }).partial().extend({ version });
export type StaffPatch = z.infer<typeof staffPatch>;

export const engineerInput = z.object({
  employeeId: z.uuid(),
  certificateNo: z.string().trim().min(1).max(50),
  specialty: z.enum(ENGINEER_SPECIALTIES),
  validUntil: calendarDate,
});
export type EngineerInput = z.infer<typeof engineerInput>;
export const engineerPatch = engineerInput.omit({ employeeId: true }).partial().extend({ version });
export type EngineerPatch = z.infer<typeof engineerPatch>;

const engagementFields = z.object({
  institutionName: z.string().trim().min(1).max(200),
  services: text(500).optional(),
  contractNo: text(100).optional(),
  startsOn: calendarDate,
  endsOn: calendarDate.nullable().optional(),
});
const endsAfterStart = (v: { startsOn?: string; endsOn?: string | null }) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
const endsIssue = { message: 'staffing.endsBeforeStart', path: ['endsOn'] };
export const engagementInput = engagementFields.refine(endsAfterStart, endsIssue);
export type EngagementInput = z.infer<typeof engagementInput>;
export const engagementPatch = engagementFields.partial().extend({ version }).refine(endsAfterStart, endsIssue);
export type EngagementPatch = z.infer<typeof engagementPatch>;

const shortfall = z.object({
  code: z.enum(['DEPARTMENT_OR_FULL_TIME', 'SAFETY_STAFF', 'FULL_TIME_STAFF', 'ENGINEER']),
  count: z.number().int(),
  severity: z.enum(['required', 'advised']),
  rule: z.enum(['R-TEAM-1', 'R-TEAM-2']),
  /** The sentence for people, in the caller's language ("还需配备 1 名专职安全生产管理人员"). */
  text: z.string(),
});

export const staffingCheck = z.object({
  compliant: z.boolean(),
  teamBasis: z.enum(['industry', 'carrier', 'size', 'small']),
  /** What R-TEAM-1/2 ask of this enterprise, in one sentence for people. */
  basisText: z.string(),
  required: z.object({ departmentOrFullTime: z.boolean(), anySafetyStaff: z.boolean(), fullTime: z.number().int(), engineers: z.number().int(), engineersAdvised: z.number().int() }),
  counted: z.object({ department: z.boolean(), fullTime: z.number().int(), partTime: z.number().int(), engineers: z.number().int() }),
  shortfalls: z.array(shortfall),
  ruleSetVersion: z.number().int(),
});

/** A document of the organisation (set-up document, appointment document, service contract). */
export const staffingFile = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });
export const STAFFING_FILE_OWNER_KINDS = ['department', 'staff', 'engagement'] as const;
export const uploadedStaffingFiles = z.object({ ids: z.array(z.string()) });

const employeeRef = { employeeId: z.string(), employeeName: z.string(), orgUnitName: z.string(), employeeActive: z.boolean() };

export const staffView = z.object({
  id: z.string(), ...employeeRef, kind: z.enum(STAFF_KINDS), appointmentNo: z.string(), appointedOn: z.string().nullable(), duties: z.string(), files: z.array(staffingFile),
  /** Counted by the check: the person is still an active employee. */
  counted: z.boolean(), version: z.number().int(),
});
export const engineerView = z.object({
  id: z.string(), ...employeeRef, certificateNo: z.string(), specialty: z.enum(ENGINEER_SPECIALTIES), validUntil: z.string(),
  /** Counted by the check: an active employee whose certificate is valid today. */
  counted: z.boolean(), expired: z.boolean(), version: z.number().int(),
});
export const engagementView = z.object({
  id: z.string(), institutionName: z.string(), services: z.string(), contractNo: z.string(), startsOn: z.string(), endsOn: z.string().nullable(), files: z.array(staffingFile),
  /** In force today. Never counted by the check (R-TEAM-1). */
  current: z.boolean(), version: z.number().int(),
});
export const departmentView = z.object({ name: z.string(), documentNo: z.string(), establishedOn: z.string().nullable(), note: z.string(), files: z.array(staffingFile), version: z.number().int() });

export const staffingView = z.object({
  enterprise: z.object({ id: z.string(), name: z.string(), industryCode: z.string(), industryName: z.string(), hazardousGoodsCarrier: z.boolean() }),
  /** The roster's active employees of every employment form (R-TEAM-1). */
  headcount: z.number().int(),
  /** The figure the enterprise declared on its record, shown beside the roster's when they differ. */
  declaredHeadcount: z.number().int(),
  department: departmentView.nullable(),
  staff: z.array(staffView),
  engineers: z.array(engineerView),
  engagements: z.array(engagementView),
  check: staffingCheck,
  abilities: z.object({ canManage: z.boolean() }),
});
export type StaffingView = z.infer<typeof staffingView>;

export const STAFFING_OVERVIEW_SORT = { name: 'name', headcount: 'headcount', subdistrict: ['subdistrict_name', 'name'] };
export const staffingOverviewQuery = z.object({
  ...listParams,
  sort: sortParam(STAFFING_OVERVIEW_SORT, 'name'),
  compliant: z.enum(['yes', 'no']).optional(),
  subdistrictId: z.uuid().optional(),
  industryCode: z.string().trim().min(1).max(40).optional(),
});
export type StaffingOverviewQuery = z.infer<typeof staffingOverviewQuery>;
export const staffingOverview = pageOf(z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  headcount: z.number().int(), declaredHeadcount: z.number().int(),
  department: z.boolean(), fullTime: z.number().int(), partTime: z.number().int(), engineers: z.number().int(),
  compliant: z.boolean(), shortfalls: z.array(shortfall),
})).extend({
  counts: z.object({ total: z.number().int(), compliant: z.number().int(), nonCompliant: z.number().int() }),
  ruleSetVersion: z.number().int(),
});
export type StaffingOverview = z.infer<typeof staffingOverview>;
