import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';
import { CERTIFICATE_KINDS, CERTIFICATE_STATUSES } from './certificates.rules';

const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(1);

export const certificateParams = enterpriseParams.extend({ id: z.uuid() });

export const certificateCreate = z.object({
  employeeId: z.uuid(),
  kind: z.enum(CERTIFICATE_KINDS),
  /** A code of the catalogue (rule-set `certificates`). */
  typeCode: z.string().trim().min(1).max(50),
  number: text(100).min(1),
  issuer: text(200).default(''),
  issuedOn: calendarDate,
  /** Absent: the issue day plus the kind's validity [cfg]. */
  validUntil: calendarDate.optional(),
  /** Absent: the issue day plus the kind's review cycle [cfg]. */
  nextReviewOn: calendarDate.nullable().optional(),
  /** The start of continuous compliant work in the trade (absent: the issue day). */
  compliantSince: calendarDate.optional(),
  extendedReview: z.boolean().default(false),
  attachmentId: z.uuid().nullable().default(null),
  note: text(1000).default(''),
});
export type CertificateCreate = z.infer<typeof certificateCreate>;

export const certificatePatch = z.object({
  number: text(100).min(1), issuer: text(200), note: text(1000), attachmentId: z.uuid().nullable(), extendedReview: z.boolean(),
  compliantSince: calendarDate, status: z.enum(['active', 'revoked']),
}).partial().extend({ version });
export type CertificatePatch = z.infer<typeof certificatePatch>;

/** A review (复审) or a renewal (延期换证) recorded on a certificate. */
export const reviewInput = z.object({
  kind: z.enum(['review', 'renewal']),
  reviewedOn: calendarDate,
  result: z.enum(['pass', 'fail']),
  /** A renewal's new end of validity (absent: the renewal day plus the kind's validity). */
  validUntil: calendarDate.optional(),
  /** A renewal's new number, when the certificate was reissued under another. */
  number: text(100).default(''),
  note: text(1000).default(''),
  version,
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const certificateSummary = z.object({
  id: z.string(), employeeId: z.string(), employeeName: z.string(), employeeLeft: z.boolean(), orgUnitId: z.string(), orgUnitName: z.string(),
  kind: z.enum(CERTIFICATE_KINDS), typeCode: z.string(), typeName: z.string(), number: z.string(), issuer: z.string(), issuedOn: z.string(),
  validUntil: z.string(), nextReviewOn: z.string().nullable(), extendedReview: z.boolean(), state: z.enum(CERTIFICATE_STATUSES),
  attachmentId: z.string().nullable(), version: z.number().int(),
});
export type CertificateSummary = z.infer<typeof certificateSummary>;

export const certificateDetail = certificateSummary.extend({
  compliantSince: z.string(), note: z.string(), mayExtendReview: z.boolean(),
  reviews: z.array(z.object({
    id: z.string(), kind: z.enum(['review', 'renewal']), reviewedOn: z.string(), result: z.enum(['pass', 'fail']), validUntil: z.string(),
    nextReviewOn: z.string().nullable(), number: z.string(), note: z.string(), recordedByName: z.string().nullable(), createdAt: z.date(),
  })),
  createdAt: z.date(), updatedAt: z.date(),
  abilities: z.object({ canEdit: z.boolean(), canReview: z.boolean() }),
});
export type CertificateDetail = z.infer<typeof certificateDetail>;

export const CERTIFICATE_SORT = {
  validUntil: ['c.valid_until', 'e.name'], nextReviewOn: [{ by: 'c.next_review_on', nulls: 'last' as const }, 'e.name'], employee: ['e.name', 'c.type_code'],
  number: 'c.number', updatedAt: 'c.updated_at',
};
export const certificateListQuery = z.object({
  ...listParams,
  sort: sortParam(CERTIFICATE_SORT, 'validUntil'),
  kind: z.enum(CERTIFICATE_KINDS).optional(),
  typeCode: z.string().trim().min(1).max(50).optional(),
  status: z.enum(CERTIFICATE_STATUSES).optional(),
  employeeId: z.uuid().optional(),
});
export type CertificateListQuery = z.infer<typeof certificateListQuery>;
/** The export takes the list's filters and sort, without paging. */
export const certificateExportQuery = certificateListQuery.omit({ page: true, pageSize: true });

const catalogueType = z.object({ code: z.string(), kind: z.enum(CERTIFICATE_KINDS), name: z.string(), aliases: z.array(z.string()) });

export const certificateList = pageOf(certificateSummary).extend({
  today: z.string(),
  counts: z.object({
    total: z.number().int(), valid: z.number().int(), expiring: z.number().int(), reviewDue: z.number().int(), reviewOverdue: z.number().int(),
    expired: z.number().int(), revoked: z.number().int(),
  }),
  /** What the form offers: the catalogue and the "due soon" window (rule-set `certificates`). */
  catalogue: z.object({ types: z.array(catalogueType), soonDays: z.number().int() }),
  abilities: z.object({ canCreate: z.boolean() }),
});

export const UNQUALIFIED_REASONS = ['no_certificate', 'minor', 'untrained', 'no_qualification'] as const;
export const unqualifiedList = z.object({
  today: z.string(),
  items: z.array(z.object({
    reason: z.enum(UNQUALIFIED_REASONS), employeeId: z.string(), employeeName: z.string(), orgUnitId: z.string(), orgUnitName: z.string(),
    postId: z.string().nullable(), postName: z.string().nullable(), certificateType: z.string().nullable(), hazardId: z.string().nullable(),
    /** `no_qualification`: the last day of the months after the appointment, passed without the certificate (R-TRN-2). */
    dueOn: z.string().nullable(),
  })),
  counts: z.object({ noCertificate: z.number().int(), minor: z.number().int(), untrained: z.number().int(), noQualification: z.number().int() }),
});
export type UnqualifiedList = z.infer<typeof unqualifiedList>;
export const unqualifiedQuery = z.object({ reason: z.enum(UNQUALIFIED_REASONS).optional() });

/** The post types a post editor offers (the catalogue, to pick from; free text still accepted). */
export const certificateCatalogue = z.object({ types: z.array(catalogueType) });

export const importQuery = z.object({ mode: z.enum(['strict', 'valid']).default('strict') });
export const importReport = z.object({
  total: z.number().int(), validCount: z.number().int(), errorCount: z.number().int(), imported: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })), message: z.string(),
});
export type ImportReport = z.infer<typeof importReport>;
