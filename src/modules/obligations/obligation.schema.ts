import { z } from 'zod';
import { OCCURRENCE_STATUSES } from '../../platform/obligations';
import { calendarDate } from '../../platform/http/route';
import { listParams } from '../../platform/db/list-query';
import { wholeNumber } from '../../platform/http/whole-number';

const status = z.enum(OCCURRENCE_STATUSES);
const owner = z.enum(['enterprise', 'principal', 'safety_manager', 'person', 'regulator']);
const reportedTo = z.enum(['internal', 'subdistrict', 'department', 'regulators', 'congress']);
const year = wholeNumber(2000, 2100);
const definitionKey = z.string().trim().min(1).max(80).regex(/^[a-z0-9_.-]+$/, { message: 'validation.invalid' });

export const occurrenceParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });

export const occurrenceListQuery = z.object({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  status: z.union([status, z.array(status).max(6)]).optional(),
  rule: definitionKey.optional(),
  owner: owner.optional(),
});

const abilities = z.object({ evidence: z.boolean(), confirm: z.boolean(), waive: z.boolean() });

export const occurrence = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), definitionKey: z.string(), name: z.string(), hint: z.string(),
  ruleId: z.string(), ruleSetVersion: z.number(), periodKey: z.string(), subjectLabel: z.string(), owner, reportedTo,
  startsOn: z.string(), dueOn: z.string(), dueProvisional: z.boolean(), status,
  fulfilledAt: z.date().nullable(), fulfilment: z.enum(['record', 'evidence']).nullable(), recordType: z.string().nullable(), recordId: z.string().nullable(),
  evidenceNote: z.string().nullable(), awaitingPrincipal: z.boolean(), waivedReason: z.string().nullable(), waivedAt: z.date().nullable(),
  principalOnly: z.boolean(), evidenceAllowed: z.boolean(), link: z.string().nullable(), version: z.number(), abilities,
});

export const occurrenceList = z.object({ items: z.array(occurrence) });

export const occurrenceDetail = occurrence.extend({
  history: z.array(z.object({
    at: z.date(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), note: z.string().nullable(),
    actor: z.string().nullable(), recordType: z.string().nullable(),
  })),
  files: z.array(z.object({ id: z.string(), kind: z.string(), mime: z.string(), size: z.number(), name: z.string(), createdAt: z.date() })),
});

export const myDuties = z.object({
  thisMonth: z.array(occurrence), overdue: z.array(occurrence), upcoming: z.array(occurrence), scopeOverdue: z.number(),
});

export const waiveBody = z.object({ reason: z.string().trim().min(2, { message: 'obligation.waive.reason' }).max(500) });

const rate = {
  due: z.number(), fulfilled: z.number(), onTime: z.number(), late: z.number(), overdue: z.number(), waived: z.number(),
  rate: z.number().nullable(), onTimeRate: z.number().nullable(),
};
export const rateSchema = z.object(rate);

export const yearQuery = z.object({ year });

export const enterpriseRates = z.object({
  year: z.number(), overall: rateSchema, principal: rateSchema,
  byRule: z.array(z.object({ definitionKey: z.string(), name: z.string(), ruleId: z.string(), ...rate })),
  byOwner: z.array(z.object({ owner, ...rate })),
  byPerson: z.array(z.object({ employeeId: z.string(), name: z.string(), ...rate })),
});

export const boardSchema = z.object({
  year: z.number(), total: rateSchema,
  byRule: z.array(z.object({ key: z.string(), name: z.string(), ruleId: z.string(), ...rate })),
  bySubdistrict: z.array(z.object({ key: z.string(), name: z.string(), ...rate })),
  byIndustry: z.array(z.object({ key: z.string(), name: z.string(), ...rate })),
});

export const boardEnterpriseQuery = z.object({
  year, subdistrictId: z.uuid().optional(), industryCode: z.string().trim().max(40).optional(), rule: definitionKey.optional(),
  overdueOnly: z.enum(['true', 'false']).optional(), sort: z.enum(['name', 'overdue', 'rate']).default('overdue'),
  page: listParams.page, pageSize: listParams.pageSize, order: z.enum(['asc', 'desc']).default('desc'), q: listParams.q,
});

export const boardEnterprisePage = z.object({
  items: z.array(z.object({
    enterpriseId: z.string(), name: z.string(), subdistrictId: z.string(), subdistrict: z.string(), industryCode: z.string(), industry: z.string(),
    overdue: z.number(), due: z.number(), fulfilled: z.number(), late: z.number(), waived: z.number(),
    rate: z.number().nullable(), principalRate: z.number().nullable(),
  })),
  total: z.number(), page: z.number(), pageSize: z.number(),
});

export const urgeBody = z.object({ definitionKey, periodKey: z.string().trim().min(4).max(40).regex(/^[0-9A-Z-]+$/, { message: 'validation.invalid' }) });

export const definitionList = z.object({
  version: z.number(),
  items: z.array(z.object({
    key: z.string(), ruleId: z.string(), name: z.string(), hint: z.string(), owner, reportedTo,
    cadence: z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly', 'event']), enabled: z.boolean(), evidence: z.boolean(), principalOnly: z.boolean(),
  })),
});
