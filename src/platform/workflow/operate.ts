import { sql } from 'kysely';
import type { Actor, Ctx } from '../auth/actor';
import { requireActor } from '../auth/actor';
import { writeAudit } from '../audit/audit';
import type { Db, Executor, Tx } from '../db/database';
import { AppError, notFound } from '../errors';
import { registerMessages } from '../i18n/messages';
import { enqueueOutbox, type OutboxMessage } from '../outbox';
import type { BaseRefusal, Workflow } from './workflow';

registerMessages({
  'zh-CN': { 'workflow.stale': '记录已被他人修改，请刷新后重试' },
  'en-US': { 'workflow.stale': 'Someone else changed this record meanwhile; refresh and try again' },
});

/** The client's expected version did not match the record's: it decided on a stale view (409, reason `STALE`). */
export type StaleRefusal = 'STALE';

/**
 * One select of the record in the caller's scope, not yet run: `operate()` adds `for update` to this same statement,
 * so the row is read under its lock before anything is decided (D1). A Kysely select builder fits as it is.
 */
export type LockableSelect<Row, L extends string> = {
  forUpdate(of?: L): { executeTakeFirst(): Promise<Row | undefined> };
  executeTakeFirst(): Promise<Row | undefined>;
};

/** A row that follows a workflow: its state in `status`, its optimistic version in `version`. */
export type WorkflowRow<S extends string> = { status: S; version: number };

/** One history row: who (the ctx's actor), when (ctx.now), which operation, from and to, a note and evidence (photo ids…). */
export type HistoryEntry<S extends string> = { op: string; from: S; to: S; note: string; evidence: string[] };

/**
 * How a workflow is bound to its table and records. A module declares one per workflow next to its service; the table
 * named here carries `status`, `version` and `updated_at` columns, which operate() moves.
 */
export type WorkflowBinding<Key, Row extends WorkflowRow<S>, S extends string, Op extends string, Who, Facts, R extends string, Input, L extends string = never> = {
  workflow: Workflow<S, Op, Who, Facts, R>;
  /** The table whose row holds the state, e.g. `hazards`. */
  table: string;
  /** The record's key columns and values in that table, e.g. `{ enterprise_id, id }`. */
  key: (key: Key) => Record<string, string>;
  /** The audit row's entity type (`hazard`) and the audit action prefix (`hazard.accept`). */
  entityType: string;
  /** The audit row's entity id, and the audit chain the record belongs to (its enterprise). */
  entityId: (row: Row) => string;
  enterpriseId: (row: Row) => string | null;
  /** The record in the caller's scope (its `visibleTo`), as one select; out of scope it is not found (404). */
  select: (db: Executor, actor: Actor, key: Key) => LockableSelect<Row, NoInfer<L>>;
  /** Which table of that select `for update` locks (an alias), so joined rows stay unlocked. */
  lockOf?: L;
  /** How the caller relates to the record: the `who` the table's actor predicates and guards see. */
  relation: (actor: Actor, row: Row) => Who;
  /** The facts the guards need, read after the lock; `input` is what the request brings (e.g. how many photos). */
  facts: (db: Executor, ctx: Ctx, row: Row, input: Input) => Promise<Facts>;
  /** The input assumed when abilities are shown, before the user has filled anything in (e.g. "with a photo"). */
  abilityInput: Input;
  /** Appends one history row. */
  history: (tx: Tx, ctx: Ctx, row: Row, entry: HistoryEntry<S>) => Promise<void>;
  /** The message key of each refusal reason; unnamed reasons read "not allowed in the current state". */
  messages?: Partial<Record<R | BaseRefusal | StaleRefusal, string>>;
  /** Runs in the transaction after every operation: state derived from the record (e.g. risk feedback). */
  after?: (tx: Tx, ctx: Ctx, row: Row, to: S) => Promise<void>;
};

/** What an operation's effect did, for the history, the audit row and the outbox. */
export type EffectResult = { note?: string; evidence?: string[]; audit?: unknown; outbox?: readonly OutboxMessage[] };

export type EffectContext<Row, S extends string, Who> = { tx: Tx; ctx: Ctx; actor: Actor; row: Row; who: Who; from: S; to: S };

export type Effect<Row, S extends string, Who> = (c: EffectContext<Row, S, Who>) => Promise<EffectResult | void>;

/**
 * A refused step as the edge sends it: 403 FORBIDDEN for a caller who may never act, otherwise 409 STATE, with the
 * reason code clients branch on (`error.reason`) and a translated message.
 */
export function refusalError(reason: string, messageKey?: string): AppError {
  const fallback = reason === 'FORBIDDEN' ? 'error.FORBIDDEN' : reason === 'STALE' ? 'workflow.stale' : 'error.STATE';
  return new AppError(reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'STATE', { messageKey: messageKey ?? fallback, reason });
}

/**
 * Runs one named operation in one transaction: load the record in scope with `for update` in the same select, decide
 * (actor, then the client's expected version, then state and guards), run the effect, move the state and bump the
 * version (guarded on the state and version it decided from), append the history row, the audit row and the effect's
 * outbox messages. D1: of two people acting on one record at once the second waits for the lock, then decides on what
 * the first committed (READ COMMITTED returns the newest row version to `for update`). Anything that throws rolls the
 * whole step back. Inside a transaction already (`db` is a Tx), it runs in that one.
 */
export async function operate<Key, Row extends WorkflowRow<S>, S extends string, Op extends string, Who, Facts, R extends string, Input, L extends string>(
  db: Db | Tx,
  ctx: Ctx,
  binding: WorkflowBinding<Key, Row, S, Op, Who, Facts, R, Input, L>,
  key: Key,
  op: Op,
  opts: { input: Input; expectedVersion?: number },
  effect?: Effect<Row, S, Who>,
): Promise<{ row: Row; to: S; version: number }> {
  const actor = requireActor(ctx);
  const refuse = (reason: R | BaseRefusal | StaleRefusal) => refusalError(reason, binding.messages?.[reason]);
  const run = async (tx: Tx) => {
    const row = await binding.select(tx, actor, key).forUpdate(binding.lockOf).executeTakeFirst();
    if (!row) throw notFound();
    const who = binding.relation(actor, row);
    // D19: a caller who may never act learns nothing, not even that the record changed since he looked.
    if (!binding.workflow.mayAct(op, who)) throw refuse('FORBIDDEN');
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) throw refuse('STALE');
    const d = binding.workflow.decide(op, row.status, who, await binding.facts(tx, ctx, row, opts.input));
    if (!d.ok) throw refuse(d.reason);
    const from = row.status;
    const result = (await effect?.({ tx, ctx, actor, row, who, from, to: d.to })) ?? {};
    const where = sql.join(Object.entries(binding.key(key)).map(([col, value]) => sql`${sql.ref(col)} = ${value}`), sql` and `);
    const moved = await sql`update ${sql.table(binding.table)} set status = ${d.to}, version = version + 1, updated_at = ${ctx.now}
      where ${where} and status = ${from} and version = ${row.version}`.execute(tx);
    // Under the lock the guard always holds; it is the belt to the lock's braces.
    if (Number(moved.numAffectedRows ?? 0) !== 1) throw refuse('STATE');
    await binding.history(tx, ctx, row, { op, from, to: d.to, note: result.note ?? '', evidence: result.evidence ?? [] });
    await binding.after?.(tx, ctx, row, d.to);
    await writeAudit(tx, ctx, {
      action: `${binding.entityType}.${op}`, entityType: binding.entityType, entityId: binding.entityId(row), enterpriseId: binding.enterpriseId(row),
      before: { status: from }, after: { status: d.to, ...(result.audit ? { detail: result.audit } : {}) },
    });
    if (result.outbox?.length) await enqueueOutbox(tx, result.outbox);
    return { row, to: d.to, version: row.version + 1 };
  };
  return db.isTransaction ? run(db as Tx) : db.transaction().execute(run);
}

/** What the caller may do with the record now, from the workflow's table: the abilities the UI shows (`can.accept`). */
export async function abilitiesOf<Key, Row extends WorkflowRow<S>, S extends string, Op extends string, Who, Facts, R extends string, Input, L extends string>(
  db: Executor, ctx: Ctx, binding: WorkflowBinding<Key, Row, S, Op, Who, Facts, R, Input, L>, row: Row,
): Promise<Record<Op, boolean>> {
  const actor = requireActor(ctx);
  return binding.workflow.abilities(row.status, binding.relation(actor, row), await binding.facts(db, ctx, row, binding.abilityInput));
}

const boundActions = new Set<string>();

/** Declares a binding with its types inferred from the workflow and the callbacks (no type arguments to spell out). */
export function bindWorkflow<Key, Row extends WorkflowRow<S>, S extends string, Op extends string, Who, Facts, R extends string, Input, L extends string>(
  binding: WorkflowBinding<Key, Row, S, Op, Who, Facts, R, Input, L>,
): WorkflowBinding<Key, Row, S, Op, Who, Facts, R, Input, L> {
  for (const op of binding.workflow.ops) boundActions.add(`${binding.entityType}.${op}`);
  return binding;
}

/** The audit actions of every workflow bound so far (`hazard.accept`…): a test checks each has a name for people. */
export function workflowAuditActions(): string[] {
  return [...boundActions].sort();
}
