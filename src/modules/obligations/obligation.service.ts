import type { RawBuilder } from 'kysely';
import type { Ctx } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../platform/db/database';
import { systemScope } from '../../platform/db/scope';
import { AppError } from '../../platform/errors';
import {
  obligationDefinition, obligationDefinitions, type ObligationDefinition, type ObligationParams, type OccurrenceStatus,
} from '../../platform/obligations';
import {
  fulfilledStatus, openStatusOn, windowAt, windowsToMaterialise, type OccurrenceWindow,
} from '../../platform/obligations/obligation.rules';
import { enqueueOutbox } from '../../platform/outbox';
import { currentRules, currentRulesByDistrict } from '../../platform/rules';
import { localDay } from '../../platform/time';
import type { FulfilInput, RevertInput, TriggerInput } from './obligation.api';
import { dueAfterEvent, enterpriseApplies, keyIndustryOf, sizeEligibleIds } from './obligation.facts';
import {
  advanceOpenOccurrences, appliesSql, changeOccurrence, districtsWithEnterprises, enterpriseBasics, hasOpenForSubject, insertOccurrence, openForSubject,
  insertOccurrencesForDistrict, lockFulfilledBy, lockOccurrenceByKey, lockOpenBySubject, lockProvisional, moveDueDay, ownerAccounts,
  sendEscalations, sendReminders, waiveSuspended, type OccurrenceRow,
} from './obligation.repository';
import { OBLIGATION_RULES } from './obligation.rule-set';
import { lockCancelledOfSubject, lockOpenOfSubject } from './obligation.repository';

/** A definition's parameters in a rule-set value: the saved ones, else the module's declared defaults. */
export function paramsOf(value: { definitions: Record<string, ObligationParams> }, def: ObligationDefinition): ObligationParams {
  return value.definitions[def.key] ?? def.defaults;
}

const OPEN: readonly OccurrenceStatus[] = ['upcoming', 'due', 'overdue'];
const isOpen = (s: OccurrenceStatus) => OPEN.includes(s);

/**
 * Makes sure the occurrence of a periodic definition for a window exists for one enterprise (the job may not have run
 * yet, or the definition was just enabled), when the enterprise owes it. Returns nothing; the caller locks it by key.
 */
async function ensurePeriodic(tx: Executor, districtId: string, enterpriseId: string, def: ObligationDefinition, params: ObligationParams, version: number, window: OccurrenceWindow, now: Date): Promise<void> {
  const keyIndustry = await keyIndustryOf(tx, districtId);
  const sizeIds = await sizeEligibleIds(tx, districtId, params);
  await insertOccurrencesForDistrict(tx, systemScope, districtId, {
    def, version, window, status: openStatusOn(window.startsOn, window.dueOn, localDay(now)),
    applies: appliesSql(params.applies, keyIndustry, sizeIds), effectiveFrom: params.effectiveFrom, now,
  }, enterpriseId);
}

const onlyEventTriggered = (defs: readonly ObligationDefinition[]) => defs.every((d) => d.defaults.cadence.kind === 'event');

/**
 * Whether the record may fulfil an open duty, as an expression the caller adds to a statement it sends anyway in the
 * transaction (its value goes to `fulfilByRecord` as `openProbed`, sparing that read): for records that fulfil
 * event-triggered duties only (a letter signed fulfils a later hire's own duty, when one is open for that person).
 * Null when the record fulfils other duties, or none: `fulfilByRecord` then decides alone.
 */
export function openDutyProbe(input: Pick<FulfilInput, 'enterpriseId' | 'record' | 'subjectKey'>): RawBuilder<boolean> | null {
  const defs = obligationDefinitions().filter((d) => d.fulfilledBy.includes(input.record));
  if (!defs.length || !onlyEventTriggered(defs)) return null;
  return openForSubject(input.enterpriseId, defs.map((d) => d.key), input.subjectKey ?? null);
}

/**
 * Fulfils, in the caller's transaction, the open occurrences of every definition that `input.record` fulfils: the
 * period holding `input.at` for periodic duties, the subject's open occurrence for event-triggered ones. A duty owed by
 * the principal alone (R-RESP-5) is fulfilled only when `byPrincipal`. Returns how many occurrences it fulfilled.
 */
export async function fulfilByRecord(tx: Tx, ctx: Ctx, input: FulfilInput): Promise<number> {
  const defs = obligationDefinitions().filter((d) => d.fulfilledBy.includes(input.record));
  if (!defs.length) return 0;
  // Event-triggered duties (their cadence stays event-triggered: the rule-set refuses a change of kind) are fulfilled
  // only where one is open for the subject; when none is, nothing more is read — e.g. every letter signed by someone
  // who is not a later hire. The caller may have read that already, in a statement of its own (`openDutyProbe`).
  if (onlyEventTriggered(defs)
    && !(input.openProbed ?? await hasOpenForSubject(tx, input.enterpriseId, defs.map((d) => d.key), input.subjectKey ?? null))) return 0;
  const ent = await enterpriseBasics(tx, systemScope, input.enterpriseId);
  if (!ent) return 0;
  const rules = await currentRules(tx, ent.district_id, OBLIGATION_RULES);
  let done = 0;
  for (const def of defs) {
    const params = paramsOf(rules.value, def);
    if (!params.enabled) continue;
    if (def.principalOnly && !input.byPrincipal) continue;
    let row: OccurrenceRow | undefined;
    if (params.cadence.kind === 'event') {
      // Without a subject, the record fulfils the oldest open occurrence of the definition (a new principal's commitment).
      row = await lockOpenBySubject(tx, systemScope, input.enterpriseId, def.key, input.subjectKey ?? null);
    } else if (def.perSubject) {
      // A duty per subject (an on-site plan's half-year) exists only where its module opened it for that subject.
      if (!input.subjectKey) continue;
      row = await lockOccurrenceByKey(tx, systemScope, input.enterpriseId, def.key, windowAt(params.cadence, input.at).periodKey, input.subjectKey);
    } else {
      const window = windowAt(params.cadence, input.at);
      await ensurePeriodic(tx, ent.district_id, input.enterpriseId, def, params, rules.version, window, ctx.now);
      row = await lockOccurrenceByKey(tx, systemScope, input.enterpriseId, def.key, window.periodKey, input.subjectKey ?? '');
    }
    if (!row || !isOpen(row.status)) continue;
    const status = fulfilledStatus(row.due_on, ctx.now);
    await changeOccurrence(tx, systemScope, row, {
      status, fulfilled_at: ctx.now, fulfilled_by: ctx.actor?.userId ?? null, fulfilment: 'record',
      record_type: input.recordType, record_id: input.recordId, awaiting_principal: false,
    }, { at: ctx.now, actorUserId: ctx.actor?.userId ?? null, action: 'fulfil', note: input.note ?? null, recordType: input.recordType, recordId: input.recordId });
    await writeAudit(tx, ctx, {
      action: 'obligation.fulfil', entityType: 'obligation', entityId: row.id, enterpriseId: row.enterprise_id,
      before: { status: row.status }, after: { status, definition: def.key, period: row.period_key, record: `${input.recordType}:${input.recordId}` },
    });
    done++;
  }
  return done;
}

/**
 * Reverts, in the caller's transaction, what a record fulfilled, when it is voided or corrected so that it no longer
 * qualifies: each occurrence goes back to the open status its dates give, with history and audit.
 */
export async function revertByRecord(tx: Tx, ctx: Ctx, input: RevertInput): Promise<number> {
  const rows = (await lockFulfilledBy(tx, systemScope, input.enterpriseId, input.recordType, input.recordId))
    .filter((r) => input.subjectKey === undefined || r.subject_key === input.subjectKey);
  const today = localDay(ctx.now);
  for (const row of rows) {
    const status = openStatusOn(row.starts_on, row.due_on, today);
    await changeOccurrence(tx, systemScope, row, {
      status, fulfilled_at: null, fulfilled_by: null, fulfilment: null, record_type: null, record_id: null,
    }, { at: ctx.now, actorUserId: ctx.actor?.userId ?? null, action: 'revert', note: input.reason, recordType: input.recordType, recordId: input.recordId });
    await writeAudit(tx, ctx, {
      action: 'obligation.revert', entityType: 'obligation', entityId: row.id, enterpriseId: row.enterprise_id,
      before: { status: row.status, record: `${input.recordType}:${input.recordId}` }, after: { status, reason: input.reason },
    });
  }
  return rows.length;
}

/**
 * Opens, in the caller's transaction, one occurrence of every enabled definition triggered by `input.event` that the
 * enterprise owes: due N days (or N working days on the official calendar) after the event's local day.
 */
export async function triggerEvent(tx: Tx, ctx: Ctx, input: TriggerInput): Promise<number> {
  const defs = obligationDefinitions().filter((d) => d.defaults.cadence.kind === 'event');
  if (!defs.length) return 0;
  const ent = await enterpriseBasics(tx, systemScope, input.enterpriseId);
  if (!ent || ent.status !== 'active') return 0;
  const rules = await currentRules(tx, ent.district_id, OBLIGATION_RULES);
  const day = localDay(input.at);
  let made = 0;
  for (const def of defs) {
    const params = paramsOf(rules.value, def);
    const cadence = params.cadence;
    if (!params.enabled || cadence.kind !== 'event' || cadence.event !== input.event) continue;
    if (day < params.effectiveFrom) continue;
    if (!(await enterpriseApplies(tx, ent.district_id, input.enterpriseId, params))) continue;
    const due = await dueAfterEvent(tx, day, cadence.days, cadence.workingDays);
    const id = await insertOccurrence(tx, systemScope, {
      enterpriseId: input.enterpriseId, def, version: rules.version, periodKey: day, subjectKey: input.subjectKey,
      subjectLabel: input.subjectLabel ?? '', ownerEmployeeId: input.ownerEmployeeId ?? null, ownerUserId: input.ownerUserId ?? null,
      startsOn: day, dueOn: due.day, provisional: due.provisional, status: openStatusOn(day, due.day, localDay(ctx.now)), now: ctx.now,
    });
    if (!id) continue;
    await writeAudit(tx, ctx, {
      action: 'obligation.open', entityType: 'obligation', entityId: id, enterpriseId: input.enterpriseId,
      after: { definition: def.key, event: input.event, subject: input.subjectKey, due: due.day },
    });
    made++;
  }
  return made;
}


/**
 * The daily job (issue 11 §1), set-based: for every district and enabled periodic definition, the current and next
 * period's occurrences for every enterprise that owes them; then open ones move (upcoming → due → overdue), suspended
 * enterprises' open duties are waived, and reminders and escalations go out through the outbox (unless `notify` is false; `enterpriseId` limits what is opened to one enterprise).
 */
export async function runObligationsDay(db: Db, now: Date, opts: { notify?: boolean; enterpriseId?: string } = {}): Promise<{ created: number; overdue: number; waived: number; reminded: number; escalated: number }> {
  const today = localDay(now);
  const out = { created: 0, overdue: 0, waived: 0, reminded: 0, escalated: 0 };
  const byDistrict = await currentRulesByDistrict(db, OBLIGATION_RULES);
  for (const districtId of await districtsWithEnterprises(db, systemScope)) {
    const rules = byDistrict.get(districtId);
    if (!rules) continue;
    const keyIndustry = await keyIndustryOf(db, districtId);
    for (const def of obligationDefinitions()) {
      const params = paramsOf(rules.value, def);
      if (!params.enabled || params.cadence.kind === 'event' || def.perSubject) continue;
      const sizeIds = await sizeEligibleIds(db, districtId, params);
      for (const window of windowsToMaterialise(params.cadence, today)) {
        out.created += await insertOccurrencesForDistrict(db, systemScope, districtId, {
          def, version: rules.version, window, status: openStatusOn(window.startsOn, window.dueOn, today),
          applies: appliesSql(params.applies, keyIndustry, sizeIds), effectiveFrom: params.effectiveFrom, now,
        }, opts.enterpriseId);
      }
    }
  }
  out.overdue = await advanceOpenOccurrences(db, systemScope, today, now);
  out.waived = await waiveSuspended(db, systemScope, now);
  // A replay of past days (the demo's year) moves the occurrences without notifying anybody of the past.
  if (opts.notify === false) return out;
  for (const districtId of await districtsWithEnterprises(db, systemScope)) {
    const rules = byDistrict.get(districtId);
    if (!rules) continue;
    for (const def of obligationDefinitions()) {
      const params = paramsOf(rules.value, def);
      if (!params.enabled) continue;
      const names = { zh: def.names['zh-CN'], en: def.names['en-US'] };
      for (const step of [...params.remindDaysBefore].sort((a, b) => b - a)) {
        out.reminded += await sendReminders(db, systemScope, districtId, def.key, params.remindDaysBefore, step, today,
          { ...names, title: 'notify.obligation.remind.title', body: 'notify.obligation.remind.body' });
      }
      const esc = [...params.escalateDaysAfter].sort((a, b) => a - b);
      for (let i = esc.length - 1; i >= 0; i--) {
        out.escalated += await sendEscalations(db, systemScope, districtId, def.key, params.escalateDaysAfter, esc[i]!, i, today,
          { ...names, title: 'notify.obligation.escalate.title', body: 'notify.obligation.escalate.body' });
      }
    }
  }
  return out;
}

/** The definition behind an occurrence, or a 404 for a key no module declares any more. */
export function definitionOf(key: string): ObligationDefinition {
  const def = obligationDefinition(key);
  if (!def) throw new AppError('NOT_FOUND');
  return def;
}

/**
 * When a year's official calendar is loaded or corrected (platform/calendar), the due days counted in working days on
 * a calendar not yet published are counted again, in the same transaction; the owners of any day that moves are told.
 */
export async function recountProvisional(tx: Tx, ctx: Ctx): Promise<number> {
  const rows = await lockProvisional(tx, systemScope);
  let moved = 0;
  for (const row of rows) {
    const def = obligationDefinition(row.definition_key);
    if (!def) continue;
    const params = paramsOf((await currentRules(tx, row.district_id, OBLIGATION_RULES)).value, def);
    if (params.cadence.kind !== 'event' || !params.cadence.workingDays) continue;
    const due = await dueAfterEvent(tx, row.starts_on, params.cadence.days, true);
    if (due.day === row.due_on && due.provisional === row.due_provisional) continue;
    await moveDueDay(tx, systemScope, row, due.day, due.provisional, ctx.now);
    if (due.day !== row.due_on) {
      moved++;
      for (const userId of await ownerAccounts(tx, systemScope, row)) {
        await enqueueOutbox(tx, { topic: 'notify', payload: {
          userId, kind: 'obligation', titleKey: 'notify.obligation.moved.title', bodyKey: 'notify.obligation.moved.body',
          params: { duty: def.names['zh-CN'], dutyEn: def.names['en-US'], from: row.due_on, to: due.day, subject: row.subject_label },
          link: `/duties/${row.enterprise_id}/${row.id}`,
        } });
      }
    }
  }
  return moved;
}

// ---- Withdrawing event duties (issue 11 §1) ----

/** The waived reason of a duty withdrawn because what it was opened for went away or moved. */
export const CANCELLED = 'cancelled';

/** Duties an event opened for a subject that are no longer owed: the record was deleted, or its days changed. */
export type CancelInput = {
  enterpriseId: string;
  /** The event that opened them (`key_moment.opened`). */
  event: string;
  subjectKey: string;
  /** Why, in the district's language, for the history and the audit row (关键时段已删除). */
  reason: string;
  /** The record's event day now: that day's occurrence is still owed and stays; only the others are cancelled. */
  keepAt?: Date;
};

/** A duty cancelled earlier is owed again: the record went back to that event day. */
export type ReopenInput = { enterpriseId: string; event: string; subjectKey: string; at: Date; reason: string };

/** The keys of the definitions the event opens, as declared and as the enterprise's district configured them. */
async function eventDefinitionKeys(tx: Executor, enterpriseId: string, event: string): Promise<string[]> {
  const ent = await enterpriseBasics(tx, systemScope, enterpriseId);
  const value = ent ? (await currentRules(tx, ent.district_id, OBLIGATION_RULES)).value : null;
  return obligationDefinitions().filter((d) => {
    const declared = d.defaults.cadence;
    const configured = value ? paramsOf(value, d).cadence : declared;
    return (declared.kind === 'event' && declared.event === event) || (configured.kind === 'event' && configured.event === event);
  }).map((d) => d.key);
}

/**
 * Withdraws, in the caller's transaction, the open occurrences `input.event` opened for a subject that are no longer
 * owed (the record was deleted, or its event day moved: all but the one of `keepAt`'s day). Each is kept, waived with
 * the reason `cancelled`, with a history row (the caller's reason) and an audit row, so the duty calendar and the
 * regulators' board still show that it existed; waived, it leaves the rates' denominator, and the counts move with it
 * (migration 0080's triggers). Fulfilled or waived ones stay as they are. Returns how many it cancelled.
 */
export async function cancelBySubject(tx: Tx, ctx: Ctx, input: CancelInput): Promise<number> {
  const keys = await eventDefinitionKeys(tx, input.enterpriseId, input.event);
  const rows = await lockOpenOfSubject(tx, systemScope, input.enterpriseId, keys, input.subjectKey, input.keepAt ? localDay(input.keepAt) : null);
  const by = ctx.actor?.userId ?? null;
  for (const row of rows) {
    await changeOccurrence(tx, systemScope, row, { status: 'waived', waived_reason: CANCELLED, waived_by: by, waived_at: ctx.now },
      { at: ctx.now, actorUserId: by, action: 'cancel', note: input.reason });
    await writeAudit(tx, ctx, {
      action: 'obligation.cancel', entityType: 'obligation', entityId: row.id, enterpriseId: row.enterprise_id,
      before: { status: row.status }, after: { status: 'waived', reason: CANCELLED, note: input.reason, definition: row.definition_key, period: row.period_key, subject: row.subject_key },
    });
  }
  return rows.length;
}

/**
 * Opens again, in the caller's transaction, the occurrences of `input.event` for a subject and the event day of
 * `input.at` that `cancelBySubject` withdrew (the record's day went back to it; `triggerEvent` never makes a second
 * one for the same day): each returns to the open status its dates give, with history and audit.
 */
export async function reopenBySubject(tx: Tx, ctx: Ctx, input: ReopenInput): Promise<number> {
  const keys = await eventDefinitionKeys(tx, input.enterpriseId, input.event);
  const rows = await lockCancelledOfSubject(tx, systemScope, input.enterpriseId, keys, input.subjectKey, localDay(input.at));
  const today = localDay(ctx.now);
  for (const row of rows) {
    const status = openStatusOn(row.starts_on, row.due_on, today);
    await changeOccurrence(tx, systemScope, row, { status, waived_reason: null, waived_by: null, waived_at: null },
      { at: ctx.now, actorUserId: ctx.actor?.userId ?? null, action: 'reopen', note: input.reason });
    await writeAudit(tx, ctx, {
      action: 'obligation.reopen', entityType: 'obligation', entityId: row.id, enterpriseId: row.enterprise_id,
      before: { status: row.status, reason: row.waived_reason }, after: { status, note: input.reason },
    });
  }
  return rows.length;
}

// ---- Periodic duties per subject (R-EMG-2: each issued on-site disposal plan every half-year) ----

export type SubjectPeriodInput = {
  enterpriseId: string;
  /** The definition (declared `perSubject`). */
  key: string;
  subjectKey: string;
  subjectLabel: string;
  /** A moment in the period to open (the current one, the next one). */
  at: Date;
};

/**
 * Opens, in the caller's transaction, the occurrence of a per-subject periodic definition for the period holding
 * `input.at` and one subject, when the definition is enabled, in force for that period and owed by the enterprise (its
 * `applies`). An existing one stays as it is. Returns whether it opened one.
 */
export async function ensureSubjectPeriod(tx: Tx, ctx: Ctx, input: SubjectPeriodInput): Promise<boolean> {
  const def = obligationDefinition(input.key);
  if (!def?.perSubject) return false;
  const ent = await enterpriseBasics(tx, systemScope, input.enterpriseId);
  if (!ent || ent.status !== 'active') return false;
  const rules = await currentRules(tx, ent.district_id, OBLIGATION_RULES);
  const params = paramsOf(rules.value, def);
  if (!params.enabled || params.cadence.kind === 'event') return false;
  const window = windowAt(params.cadence, input.at);
  if (window.startsOn < params.effectiveFrom) return false;
  if (!(await enterpriseApplies(tx, ent.district_id, input.enterpriseId, params))) return false;
  const id = await insertOccurrence(tx, systemScope, {
    enterpriseId: input.enterpriseId, def, version: rules.version, periodKey: window.periodKey, subjectKey: input.subjectKey,
    subjectLabel: input.subjectLabel, ownerEmployeeId: null, ownerUserId: null, startsOn: window.startsOn, dueOn: window.dueOn,
    provisional: false, status: openStatusOn(window.startsOn, window.dueOn, localDay(ctx.now)), now: ctx.now,
  });
  if (!id) return false;
  await writeAudit(tx, ctx, {
    action: 'obligation.open', entityType: 'obligation', entityId: id, enterpriseId: input.enterpriseId,
    after: { definition: def.key, period: window.periodKey, subject: input.subjectKey, due: window.dueOn },
  });
  return true;
}

/**
 * Withdraws, in the caller's transaction, the open occurrences of per-subject definitions for a subject that is no
 * longer owed (an on-site plan withdrawn): waived `cancelled` with history and audit, as `cancelBySubject` does.
 */
export async function cancelSubjectPeriods(tx: Tx, ctx: Ctx, input: { enterpriseId: string; keys: readonly string[]; subjectKey: string; reason: string }): Promise<number> {
  const rows = await lockOpenOfSubject(tx, systemScope, input.enterpriseId, input.keys, input.subjectKey, null);
  const by = ctx.actor?.userId ?? null;
  for (const row of rows) {
    await changeOccurrence(tx, systemScope, row, { status: 'waived', waived_reason: CANCELLED, waived_by: by, waived_at: ctx.now },
      { at: ctx.now, actorUserId: by, action: 'cancel', note: input.reason });
    await writeAudit(tx, ctx, {
      action: 'obligation.cancel', entityType: 'obligation', entityId: row.id, enterpriseId: row.enterprise_id,
      before: { status: row.status }, after: { status: 'waived', reason: CANCELLED, note: input.reason, definition: row.definition_key, period: row.period_key, subject: row.subject_key },
    });
  }
  return rows.length;
}

/**
 * The occurrences of some definitions for one enterprise and some periods (a module's own plan of its duties, e.g. the
 * drill plan of R-EMG-2); the caller has checked that the enterprise is in the viewer's scope.
 */
export async function occurrencesOf(db: Executor, enterpriseId: string, keys: readonly string[], periodKeys: readonly string[]) {
  if (!keys.length || !periodKeys.length) return [];
  return db.selectFrom('obligation_occurrences')
    .select(['id', 'definition_key', 'period_key', 'subject_key', 'subject_label', 'status', 'starts_on', 'due_on', 'record_type', 'record_id', 'fulfilled_at'])
    .where('enterprise_id', '=', enterpriseId).where('definition_key', 'in', [...keys]).where('period_key', 'in', [...periodKeys])
    .orderBy('definition_key').orderBy('period_key').orderBy('subject_label').orderBy('id').execute();
}

/** Whether an enterprise owes a definition now: enabled in its district's rule-set and its `applies` holds. */
export async function enterpriseOwes(db: Executor, enterpriseId: string, key: string): Promise<boolean> {
  const def = obligationDefinition(key);
  const ent = def && await enterpriseBasics(db, systemScope, enterpriseId);
  if (!def || !ent) return false;
  const params = paramsOf((await currentRules(db, ent.district_id, OBLIGATION_RULES)).value, def);
  return params.enabled && enterpriseApplies(db, ent.district_id, enterpriseId, params);
}
