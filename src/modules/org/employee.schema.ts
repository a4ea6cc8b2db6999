import { z } from 'zod';
import type { EmploymentForm } from '../../platform/db/schema';
import { enterpriseParams, isCalendarDate, pageOf, pageQuery } from '../../platform/http/route';
import { isValidIdNumber, PHONE } from './id-number';

export const EMPLOYMENT_FORMS = ['regular', 'dispatched', 'temporary', 'migrant', 'intern'] as const satisfies readonly EmploymentForm[];
export const employmentForm = z.enum(EMPLOYMENT_FORMS);
export const employeeStatus = z.enum(['active', 'left']);
export type EmployeeStatus = z.infer<typeof employeeStatus>;

export const employeeParams = enterpriseParams.extend({ id: z.uuid() });

const filters = {
  q: pageQuery.q,
  orgUnitId: z.uuid().optional(),
  employmentForm: employmentForm.optional(),
  status: employeeStatus.optional(),
};

export const employeeListQuery = z.object({
  ...pageQuery,
  ...filters,
  sort: z.enum(['name', 'hireDate', 'createdAt']).default('name'),
});
export type EmployeeListQuery = z.infer<typeof employeeListQuery>;

/** The export takes the list's filters and sort, without paging. */
export const employeeExportQuery = z.object({
  ...filters,
  order: pageQuery.order,
  sort: z.enum(['name', 'hireDate', 'createdAt']).default('name'),
});
export type EmployeeExportQuery = z.infer<typeof employeeExportQuery>;

export const importQuery = z.object({ mode: z.enum(['strict', 'valid']).default('strict') });
export type ImportMode = z.infer<typeof importQuery>['mode'];

export const employeeSummary = z.object({
  id: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phone: z.string(),
  employmentForm,
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  posts: z.array(z.object({ id: z.string(), name: z.string() })),
  hireDate: z.string().nullable(),
  status: employeeStatus,
  version: z.number().int(),
});
export type EmployeeSummary = z.infer<typeof employeeSummary>;

export const employeePage = pageOf(employeeSummary).extend({
  abilities: z.object({ canManage: z.boolean(), canImport: z.boolean(), canExport: z.boolean() }),
});
export type EmployeePage = z.infer<typeof employeePage>;

export const employeeDetail = employeeSummary.extend({
  enterpriseId: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type EmployeeDetail = z.infer<typeof employeeDetail>;

/** A hire date: a calendar date (D7: the shared check) with the year kept to a plausible range. */
export const isHireDate = (value: string): boolean => isCalendarDate(value, 1950, 2100);

const name = z.string().trim().min(1, { message: 'validation.required' }).max(50);
const idNumber = z.string().trim().max(30).refine(isValidIdNumber, { message: 'validation.idNumber' });
const phone = z.string().trim().refine((v) => v === '' || PHONE.test(v), { message: 'validation.phone' });
const hireDate = z.string().refine(isHireDate, { message: 'validation.date' }).nullable();
const postIds = z.array(z.uuid()).max(20).transform((ids) => [...new Set(ids)]);

/**
 * R-TRN-2: nobody is put on a post before passing the pre-post training, unless he was trained before joining (入职前
 * 已培训) and the evidence is given: a scan (an uploaded attachment) or a description.
 */
const priorTraining = {
  trainedBeforeJoining: z.boolean().default(false),
  priorTrainingAttachmentId: z.uuid().nullable().default(null),
  priorTrainingNote: z.string().trim().max(500).default(''),
};

export const employeeCreate = z.object({
  name,
  idNumber,
  phone: phone.default(''),
  employmentForm,
  orgUnitId: z.uuid(),
  postIds: postIds.default([]),
  hireDate: hireDate.default(null),
  ...priorTraining,
});
export type EmployeeCreate = z.infer<typeof employeeCreate>;

export const employeeUpdate = z.object({
  name: name.optional(),
  idNumber: idNumber.optional(),
  phone: phone.optional(),
  employmentForm: employmentForm.optional(),
  orgUnitId: z.uuid().optional(),
  postIds: postIds.optional(),
  hireDate: hireDate.optional(),
  // Reinstating someone who left is an update: their ID number stays unique within the enterprise.
  status: employeeStatus.optional(),
  ...priorTraining,
  version: z.number().int(),
});
export type EmployeeUpdate = z.infer<typeof employeeUpdate>;

export const importError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const importReport = z.object({
  total: z.number().int(),
  validCount: z.number().int(),
  errorCount: z.number().int(),
  imported: z.number().int(),
  errors: z.array(importError),
  /** Rows imported as written that deserve a second look (a hire date in the future). */
  warnings: z.array(importError),
  message: z.string(),
});
export type ImportReport = z.infer<typeof importReport>;
