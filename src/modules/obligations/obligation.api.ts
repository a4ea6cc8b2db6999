import type { Ctx } from '../../platform/auth/actor';
import type { Tx } from '../../platform/db/database';

/** A record that fulfils duties, written in the caller's transaction (issue 11 §1). */
export type FulfilInput = {
  enterpriseId: string;
  /** The record kind the definitions name in `fulfilledBy` (`meeting.safety_topic`). */
  record: string;
  /** The record's table-level type and id: history links to it, and `revertByRecord` finds it again. */
  recordType: string;
  recordId: string;
  /** When the act happened (the meeting was held, the letter signed): decides the period it counts for. */
  at: Date;
  /** Whether the principal did it personally (chaired and confirmed, signed): R-RESP-5 principal-only duties. */
  byPrincipal: boolean;
  /** For duties about a subject (a person, a plan): only that subject's occurrence. */
  subjectKey?: string;
  note?: string;
  /** What `openDutyProbe` read for this record in the caller's own statement: false fulfils nothing, without a read. */
  openProbed?: boolean;
};

/** `subjectKey`: only the occurrence of that subject (a record fulfilling several subjects' duties, corrected to cover fewer). */
export type RevertInput = { enterpriseId: string; recordType: string; recordId: string; reason: string; subjectKey?: string };

export type TriggerInput = {
  enterpriseId: string;
  /** The event the definitions name (`employee.hired`). */
  event: string;
  /** When it happened: the due date counts from its local day. */
  at: Date;
  /** What the occurrence is about (an employee id, a plan id): one occurrence per subject and event day. */
  subjectKey: string;
  subjectLabel?: string;
  ownerEmployeeId?: string | null;
  ownerUserId?: string | null;
};

export type { Ctx, Tx };
