import { z } from 'zod';
import { listParams } from '../../../platform/db/list-query';
import { calendarDate, pageOf } from '../../../platform/http/route';
import { wholeNumber } from '../../../platform/http/whole-number';

const text = (max: number) => z.string().trim().max(max);
/** A step may name the version the client decided on: a stale one is refused 409. */
const version = z.number().int().min(1).optional();
const instant = z.iso.datetime({ offset: true }).meta({ example: '2026-11-20T09:30:00+08:00' });

export const accidentParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
export const recordParams = accidentParams;

export const CONDUCTORS = ['district', 'enterprise', 'higher'] as const;
export const ACTION_KINDS = ['corrective', 'preventive'] as const;
export const FINDING_KINDS = ['omitted', 'false', 'concealed'] as const;
export const GRADES = ['general', 'larger', 'major', 'especially_major'] as const;

const person = z.object({ name: text(50).min(1), role: text(100).default(''), organisation: text(100).default('') });

// ---- interviews ----

export const interviewCreate = z.object({
  /** The accidents of the enterprise the interview covers: more than one is an explicit merge. */
  accidentIds: z.array(z.uuid()).min(1).max(20),
  heldAt: instant,
  place: text(200).default(''),
  principalName: text(100).min(1),
  participants: z.array(person).max(50).default([]),
  record: text(20000).min(1),
  commitments: text(4000).default(''),
  followUp: text(4000).default(''),
  followUpDue: calendarDate.nullable().default(null),
});
export type InterviewCreate = z.infer<typeof interviewCreate>;
export const followUpDone = z.object({ note: text(2000).min(1), version });
/** A correction of a recorded interview: the whole record as it should read, why, and the version corrected. */
export const interviewCorrect = interviewCreate.extend({ reason: text(1000).min(1), version: z.number().int().min(1) });
export type InterviewCorrect = z.infer<typeof interviewCorrect>;
/** The fields of an interview a correction may change (its history names them). */
export const INTERVIEW_FIELDS = ['accidentIds', 'heldAt', 'place', 'principalName', 'participants', 'record', 'commitments', 'followUp', 'followUpDue'] as const;
export type InterviewField = (typeof INTERVIEW_FIELDS)[number];
export const interviewCorrectionView = z.object({
  version: z.number().int(), at: z.date(), byName: z.string().nullable(), reason: z.string(),
  /** Each field changed, before and after, as text (an instant in ISO form, a list joined). */
  changes: z.array(z.object({ field: z.enum(INTERVIEW_FIELDS), before: z.string(), after: z.string() })),
});

export const interviewView = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), accidentIds: z.array(z.string()), merged: z.boolean(),
  heldAt: z.date(), place: z.string(), principalName: z.string(), participants: z.array(z.object({ name: z.string(), role: z.string(), organisation: z.string() })),
  record: z.string(), commitments: z.string(), followUp: z.string(), followUpDue: z.string().nullable(), followUpDoneAt: z.date().nullable(), followUpNote: z.string(),
  followUpOverdue: z.boolean(), departmentName: z.string().nullable(), recordedByName: z.string().nullable(), version: z.number().int(),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() })),
  /** The corrections made since it was recorded, oldest first. */
  corrections: z.array(interviewCorrectionView),
  abilities: z.object({ followUpDone: z.boolean(), upload: z.boolean(), correct: z.boolean() }),
});
export type InterviewView = z.infer<typeof interviewView>;

export const periodQuery = z.object({
  /** The local year whose accidents (and interviews) are counted; the current one by default. */
  year: wholeNumber(2000, 2100).optional(),
});
export const dueItem = z.object({
  enterpriseId: z.string(), enterpriseName: z.string(), accidentId: z.string(), summary: z.string(), grade: z.enum(GRADES).nullable(),
  occurredAt: z.date(), receivedAt: z.date(), dueOn: z.string(), overdue: z.boolean(),
});
export const rateRow = z.object({
  departmentId: z.string(), departmentName: z.string(), withAccidents: z.number().int(), interviewed: z.number().int(),
  /** Interviewed ÷ with accidents, 0–1; null when no enterprise had an accident. Target 1 (100%). */
  rate: z.number().nullable(),
});
export const interviewBoard = z.object({
  year: z.number().int(), days: z.number().int(),
  due: z.array(dueItem), done: z.array(interviewView.omit({ files: true, abilities: true, corrections: true })), rates: z.array(rateRow),
});
export type InterviewBoard = z.infer<typeof interviewBoard>;

// ---- investigation ----

export const investigationOpen = z.object({
  /** `district` for a 一般 accident; `higher` for 较大 and above (the higher level's report is then recorded). */
  conductedBy: z.enum(['district', 'higher']),
});
export const entrustInput = z.object({ note: text(1000).default('') });

const dutyRef = z.object({ listId: z.uuid(), version: z.number().int().min(1), items: z.array(z.number().int().min(0).max(999)).max(100).default([]) });
export const personFinding = z.object({
  name: text(50).min(1),
  employeeId: z.uuid().nullable().default(null),
  role: text(100).default(''),
  finding: text(2000).min(1),
  /** The duty items breached, in the list versions in force on the accident's day. */
  duties: z.array(dutyRef).max(20).default([]),
});
export const investigationUpdate = z.object({
  team: z.array(person).max(50).default([]),
  causeDirect: text(4000).default(''),
  causeIndirect: text(4000).default(''),
  causeManagement: text(4000).default(''),
  fiveWhys: z.array(text(500).min(1)).max(5).default([]),
  responsibilityAccident: z.boolean().nullable().default(null),
  personFindings: z.array(personFinding).max(50).default([]),
  higherReport: text(20000).default(''),
  lessons: text(20000).default(''),
  version,
});
export type InvestigationUpdate = z.infer<typeof investigationUpdate>;
export const concludeInput = z.object({ version });
/** A correction of a concluded investigation's responsibility finding (责任认定): the finding as it should read, and why. */
export const findingCorrect = z.object({
  responsibilityAccident: z.boolean(),
  personFindings: z.array(personFinding).max(50).default([]),
  reason: text(1000).min(1),
  version: z.number().int().min(1),
});
export type FindingCorrect = z.infer<typeof findingCorrect>;

export const HISTORY_OPS = ['open', 'entrust', 'update', 'action_add', 'action_done', 'conclude', 'correct'] as const;
/** The parts of an investigation an edit or a correction changed. */
export const INVESTIGATION_PARTS = ['team', 'causes', 'fiveWhys', 'responsibility', 'personFindings', 'higherReport', 'lessons'] as const;
export type InvestigationPart = (typeof INVESTIGATION_PARTS)[number];
export const historyEntry = z.object({
  op: z.enum(HISTORY_OPS), at: z.date(), byName: z.string().nullable(),
  /** A correction's reason, an entrusting note, what was done of an action. */
  note: z.string(),
  parts: z.array(z.enum(INVESTIGATION_PARTS)),
  /** The responsibility finding before and after an edit, a correction or the conclusion that changed it. */
  responsibilityBefore: z.boolean().nullable(), responsibilityAfter: z.boolean().nullable(),
  conductedBy: z.enum(CONDUCTORS).nullable(),
  /** The team's names after an edit that changed it. */
  team: z.array(z.string()),
  /** An action's content, owner and due day. */
  content: z.string(), ownerName: z.string(), dueOn: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const actionCreate = z.object({
  kind: z.enum(ACTION_KINDS), content: text(1000).min(1), ownerEmployeeId: z.uuid(), dueOn: calendarDate,
});
export type ActionCreate = z.infer<typeof actionCreate>;
export const actionDone = z.object({ note: text(1000).min(1), version });
export const actionListQuery = z.object({
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const actionView = z.object({
  id: z.string(), accidentId: z.string(), accidentSummary: z.string(), accidentOccurredAt: z.date(), kind: z.enum(ACTION_KINDS), content: z.string(),
  ownerEmployeeId: z.string(), ownerName: z.string(), dueOn: z.string(), status: z.enum(['open', 'done']), overdue: z.boolean(),
  doneNote: z.string(), doneAt: z.date().nullable(), doneByName: z.string().nullable(), version: z.number().int(),
  abilities: z.object({ done: z.boolean() }),
});
export type ActionView = z.infer<typeof actionView>;
export const actionList = z.object({ items: z.array(actionView) });

export const findingCreate = z.object({ kind: z.enum(FINDING_KINDS), description: text(4000).min(1), foundOn: calendarDate });
export type FindingCreate = z.infer<typeof findingCreate>;
export const findingView = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), accidentId: z.string(), accidentSummary: z.string(), accidentOccurredAt: z.date(),
  kind: z.enum(FINDING_KINDS), description: z.string(), foundOn: z.string(), officeName: z.string().nullable(), recordedByName: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() })),
});
export type FindingView = z.infer<typeof findingView>;
export const findingListQuery = z.object({
  ...listParams,
  kind: z.enum(FINDING_KINDS).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});
export type FindingListQuery = z.infer<typeof findingListQuery>;
export const findingPage = pageOf(findingView.omit({ files: true }));

export const riskLinkCreate = z.object({ riskPointId: z.uuid() });

export const dutyListsAtView = z.object({
  at: z.date(),
  lists: z.array(z.object({ listId: z.string(), listName: z.string(), level: z.string(), version: z.number().int(), items: z.array(z.string()) })),
});

const investigationView = z.object({
  conductedBy: z.enum(CONDUCTORS), entrustedAt: z.date().nullable(), status: z.enum(['open', 'concluded']),
  team: z.array(z.object({ name: z.string(), role: z.string(), organisation: z.string() })),
  causeDirect: z.string(), causeIndirect: z.string(), causeManagement: z.string(), fiveWhys: z.array(z.string()),
  responsibilityAccident: z.boolean().nullable(),
  personFindings: z.array(z.object({
    name: z.string(), employeeId: z.string().nullable(), role: z.string(), finding: z.string(),
    duties: z.array(z.object({ listId: z.string(), listName: z.string(), version: z.number().int(), items: z.array(z.number().int()), texts: z.array(z.string()) })),
  })),
  higherReport: z.string(), lessons: z.string(), lessonsPublishedAt: z.date().nullable(), concludedAt: z.date().nullable(), concludedByName: z.string().nullable(),
  version: z.number().int(),
});

export const followupView = z.object({
  accident: z.object({
    id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), kind: z.enum(['accident', 'near_miss']), occurredAt: z.date(), place: z.string(),
    summary: z.string(), deaths: z.number().int(), missing: z.number().int(), seriousInjuries: z.number().int(), minorInjuries: z.number().int(),
    directLoss: z.string(), grade: z.enum(GRADES).nullable(), receivedAt: z.date().nullable(), casualties: z.boolean(),
  }),
  /** R-RESP-8: the day the interview is due (report day + N [cfg] days); null for a near miss or before the report. */
  interviewDueOn: z.string().nullable(),
  interviewOverdue: z.boolean(),
  /** The day the government's decision on the investigation is due; flagged when late and not yet made. */
  decisionDueOn: z.string().nullable(),
  decisionOverdue: z.boolean(),
  investigation: investigationView.nullable(),
  /** R-CRD-1: a concluded responsibility accident is offered to the credit list. */
  creditOffer: z.boolean(),
  interviews: z.array(interviewView),
  actions: z.array(actionView),
  findings: z.array(findingView),
  riskLinks: z.array(z.object({ riskPointId: z.string(), code: z.string(), name: z.string(), grade: z.number().int().nullable(), controlFailing: z.boolean(), reassessDue: z.string().nullable(), linkedAt: z.date() })),
  insurerNotices: z.array(z.object({ id: z.string(), institutionName: z.string(), policyNumber: z.string(), createdAt: z.date() })),
  /** The investigation's history (decision, edits, actions, conclusion, corrections), oldest first. */
  history: z.array(historyEntry),
  abilities: z.object({
    interview: z.boolean(), open: z.boolean(), entrust: z.boolean(), edit: z.boolean(), conclude: z.boolean(), addAction: z.boolean(),
    finding: z.boolean(), linkRisk: z.boolean(), notifyInsurer: z.boolean(),
    /** Correct the concluded responsibility finding (with a reason). */
    correctFinding: z.boolean(),
  }),
});
export type FollowupView = z.infer<typeof followupView>;

export const uploadedFiles = z.object({ ids: z.array(z.string()) });
export const fileParams = accidentParams;

// ---- the insurer's accident notices (安责险) ----

export const CLAIM_STAGES = ['notified', 'investigating', 'concluded'] as const;
export const insurerNoticeQuery = z.object({
  ...listParams,
  grade: z.enum(GRADES).optional(),
  /** The accident's local day, from and to (inclusive). */
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});
export type InsurerNoticeQuery = z.infer<typeof insurerNoticeQuery>;
export const insurerNoticeParams = z.object({ id: z.uuid() });
export const insurerNoticeItem = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), accidentId: z.string(), occurredAt: z.date(), summary: z.string(),
  grade: z.enum(GRADES).nullable(), deaths: z.number().int(), missing: z.number().int(), seriousInjuries: z.number().int(), minorInjuries: z.number().int(),
  directLoss: z.string(), policyNumber: z.string(), notifiedAt: z.date(),
  /** Where the claim stands, from the accident's investigation: notified, under investigation, or concluded. */
  claimStage: z.enum(CLAIM_STAGES),
});
export type InsurerNoticeItem = z.infer<typeof insurerNoticeItem>;
export const insurerNoticePage = pageOf(insurerNoticeItem);
export const insurerNoticeView = insurerNoticeItem.extend({
  place: z.string(), creditCode: z.string(), policyStartsOn: z.string(), policyEndsOn: z.string(), notifiedByName: z.string().nullable(),
  conductedBy: z.enum(CONDUCTORS).nullable(), concludedAt: z.date().nullable(),
  /** 责任事故 or not, once the investigation is concluded. */
  responsibilityAccident: z.boolean().nullable(),
  lessons: z.string(),
});
export type InsurerNoticeView = z.infer<typeof insurerNoticeView>;
