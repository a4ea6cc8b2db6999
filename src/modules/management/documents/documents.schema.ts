import { z } from 'zod';
import { listParams, sortParam } from '../../../platform/db/list-query';
import { calendarDate, enterpriseParams, pageOf } from '../../../platform/http/route';
import { ownSignatureBody, versionedSignatureBody } from '../../../platform/signatures';
import { wholeNumber } from '../../../platform/http/whole-number';

export const DOCUMENT_KINDS = ['rule', 'procedure', 'post_procedure'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
const code = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const documentParams = enterpriseParams.extend({ id: z.uuid() });
export const versionParams = documentParams.extend({ versionId: z.uuid() });
export const ackParams = z.object({ versionId: z.uuid() });
export const ackFileParams = ackParams.extend({ fileId: z.uuid() });
export const fileParams = enterpriseParams.extend({ fileId: z.uuid() });
export const uploadedFiles = z.object({ ids: z.array(z.string()) });
const fileView = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });

/**
 * R-DOC-1, the optional quiz: a single-choice question of 2–4 options with the index of the correct one. A version
 * carries 0 (no quiz) to 5 of them; they are signed with the version on approval.
 */
export const QUIZ_MAX_QUESTIONS = 5;
export const QUIZ_MAX_OPTIONS = 4;
const quizQuestion = z.object({
  text: z.string().trim().min(1).max(200),
  options: z.array(z.string().trim().min(1).max(100)).min(2).max(QUIZ_MAX_OPTIONS),
  correct: z.number().int().min(0).max(QUIZ_MAX_OPTIONS - 1),
}).strict().refine((q) => q.correct < q.options.length, { path: ['correct'], message: 'documents.quiz.correctOutOfRange' });
export const quizInput = z.array(quizQuestion).max(QUIZ_MAX_QUESTIONS);
export type QuizInput = z.infer<typeof quizInput>;

const versionFields = {
  body: z.string().max(20_000),
  effectiveOn: calendarDate,
  changeNote: z.string().trim().max(1000).default(''),
  quiz: quizInput.default([]),
};

/** A new document with its first (draft) version. */
export const documentInput = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string().trim().min(1).max(200),
  requiredCodes: z.array(code).max(20).default([]),
  processes: z.string().trim().max(2000).default(''),
  postIds: z.array(z.uuid()).max(500).default([]),
  ...versionFields,
}).strict().refine((d) => d.kind === 'rule' || d.requiredCodes.length === 0, { path: ['requiredCodes'], message: 'documents.codesOnlyForRules' });
/** The quiz may be left out by callers inside the server (the demo seed): no quiz. */
export type DocumentInput = Omit<z.infer<typeof documentInput>, 'quiz'> & { quiz?: QuizInput };

export const documentPatch = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  requiredCodes: z.array(code).max(20).optional(),
  processes: z.string().trim().max(2000).optional(),
  postIds: z.array(z.uuid()).max(500).optional(),
  archived: z.boolean().optional(),
  version: z.number().int(),
}).strict();
export type DocumentPatch = z.infer<typeof documentPatch>;

export const versionInput = z.object(versionFields).strict();
export type VersionInput = Omit<z.infer<typeof versionInput>, 'quiz'> & { quiz?: QuizInput };
export const versionPatch = z.object({
  body: versionFields.body.optional(), effectiveOn: calendarDate.optional(), changeNote: z.string().trim().max(1000).optional(), quiz: quizInput.optional(),
  rowVersion: z.number().int(),
}).strict();
export type VersionPatch = z.infer<typeof versionPatch>;

export const approveBody = versionedSignatureBody;
export type ApproveBody = z.infer<typeof approveBody>;

/** R-RESP-5: the yearly review of the rules, changed or not with the reason, signed by the principal. */
export const reviewBody = ownSignatureBody.and(z.object({ changed: z.boolean(), reason: z.string().trim().min(1).max(2000) }));
export type ReviewBody = z.infer<typeof reviewBody>;

export const versionQuery = z.object({ against: wholeNumber(1, 100_000).optional() });

const ackCounts = z.object({ asked: z.number().int(), acknowledged: z.number().int(), rate: z.number().int().nullable() });

const versionSummary = z.object({
  id: z.string(), number: z.number().int(), status: z.enum(['draft', 'approved', 'published']), effectiveOn: z.string(), changeNote: z.string(),
  approvedByName: z.string().nullable(), approvedAt: z.date().nullable(), publishedAt: z.date().nullable(), acks: ackCounts,
});

const documentSummary = z.object({
  id: z.string(), kind: z.enum(DOCUMENT_KINDS), title: z.string(), requiredCodes: z.array(z.string()), requiredNames: z.array(z.string()),
  processes: z.string(), posts: z.array(z.object({ id: z.string(), name: z.string() })), archived: z.boolean(),
  /** The version in force: the latest published one whose effective date has come. */
  current: z.object({ id: z.string(), number: z.number().int(), effectiveOn: z.string(), acks: ackCounts }).nullable(),
  /** The version being drafted or awaiting publication. */
  open: z.object({ id: z.string(), number: z.number().int(), status: z.enum(['draft', 'approved']) }).nullable(),
});

export const libraryQuery = z.object({ ...listParams, sort: sortParam({ title: 'd.title', kind: 'd.kind' }, 'kind'), kind: z.enum(DOCUMENT_KINDS).optional(), archived: z.enum(['yes', 'no']).optional() });
export type LibraryQuery = z.infer<typeof libraryQuery>;

export const libraryView = pageOf(documentSummary).extend({
  missingRequired: z.array(z.object({ code: z.string(), name: z.string() })),
  required: z.array(z.object({ code: z.string(), name: z.string(), satisfied: z.boolean() })),
  postsWithoutProcedure: z.array(z.object({ id: z.string(), name: z.string(), orgUnitName: z.string() })),
  ratesByUnit: z.array(z.object({ orgUnitId: z.string(), name: z.string(), asked: z.number().int(), acknowledged: z.number().int(), rate: z.number().int().nullable() })),
  review: z.object({ year: z.number().int(), reviewedOn: z.string(), changed: z.boolean(), reason: z.string(), signedByName: z.string() }).nullable(),
  abilities: z.object({ canManage: z.boolean(), canApprove: z.boolean(), canReview: z.boolean() }),
});

export const documentView = documentSummary.extend({
  versions: z.array(versionSummary), version: z.number().int(),
  abilities: z.object({ canEdit: z.boolean(), canNewVersion: z.boolean() }),
});
export type DocumentView = z.infer<typeof documentView>;

/** A quiz question as a reader sees it: the correct option only for those who keep the library. */
const quizQuestionView = z.object({ text: z.string(), options: z.array(z.string()), correct: z.number().int().nullable() });
/** A quiz question as the person asked to acknowledge sees it: never the correct option. */
const quizQuestionAsked = z.object({ text: z.string(), options: z.array(z.string()) });

export const versionView = versionSummary.extend({
  documentId: z.string(), documentTitle: z.string(), kind: z.enum(DOCUMENT_KINDS), body: z.string(), files: z.array(fileView), contentSha256: z.string().nullable(), rowVersion: z.number().int(),
  quiz: z.array(quizQuestionView),
  /** The line diff against `againstNumber` (the previous version unless asked otherwise); null for a first version. */
  againstNumber: z.number().int().nullable(),
  diff: z.array(z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() })),
  abilities: z.object({ canEdit: z.boolean(), canApprove: z.boolean(), canPublish: z.boolean(), canProxyAck: z.boolean() }),
});
export type VersionView = z.infer<typeof versionView>;

export const myAckItem = z.object({
  versionId: z.string(), documentId: z.string(), title: z.string(), kind: z.enum(DOCUMENT_KINDS), number: z.number().int(), effectiveOn: z.string(),
  askedAt: z.date(), acknowledgedAt: z.date().nullable(),
});
export const myAcks = z.object({ pending: z.array(myAckItem), done: z.array(myAckItem) });
export const myAckView = myAckItem.extend({ body: z.string(), changeNote: z.string(), files: z.array(fileView), quiz: z.array(quizQuestionAsked) });
/** The answers to the version's quiz, one option index per question in order (none when it has no quiz). */
const quizAnswers = z.array(z.number().int().min(0).max(QUIZ_MAX_OPTIONS - 1)).max(QUIZ_MAX_QUESTIONS);
export const ackBody = z.object({ answers: quizAnswers.optional() }).strict();
export type AckBody = z.infer<typeof ackBody>;
export const ackDone = z.object({ versionId: z.string(), acknowledgedAt: z.date() });

export const reviewView = z.object({ id: z.string(), year: z.number().int(), reviewedOn: z.string(), changed: z.boolean(), reason: z.string(), contentSha256: z.string(), fulfilled: z.number().int() });

export const OVERVIEW_SORT = { name: 'e.name', missing: 'missing', rate: { by: 'rate', nulls: 'first' as const } };
export const overviewQuery = z.object({
  ...listParams, sort: sortParam(OVERVIEW_SORT, 'name'), subdistrictId: z.uuid().optional(), missing: z.enum(['yes', 'no']).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;
export const overviewView = pageOf(z.object({
  enterpriseId: z.string(), name: z.string(), creditCode: z.string(), subdistrictName: z.string(), industryName: z.string(),
  required: z.number().int(), missing: z.number().int(), missingNames: z.array(z.string()), documents: z.number().int(),
  asked: z.number().int(), acknowledged: z.number().int(), rate: z.number().int().nullable(), reviewedThisYear: z.boolean(),
}));

/** A person without an account acknowledges on the shared device: drawn signature and the last four of the ID number. */
export const proxyAckBody = z.object({
  employeeId: z.uuid(), idLast4: z.string().trim().max(4), imageAttachmentId: z.uuid(), device: z.string().trim().max(200).optional(),
  answers: quizAnswers.optional(),
}).strict();
export type ProxyAckBody = z.infer<typeof proxyAckBody>;
export const pendingPeopleView = z.array(z.object({ employeeId: z.string(), name: z.string(), orgUnitName: z.string() }));
