/**
 * A workflow declared as a table (STYLE.md "Workflows are named operations"): its states, and for each named
 * operation the states it runs from, the state it leads to, who may ever run it and the guards that refuse it with a
 * reason code. Pure: no I/O, so the table is tested exhaustively and the server's decisions and the abilities the UI
 * shows come from the same rows. `operate()` (./operate.ts) runs a decision against the database.
 */

/** Refusals every workflow shares: the caller may never run the operation, or not in the record's state. */
export type BaseRefusal = 'FORBIDDEN' | 'STATE';

/**
 * One rule of an operation, checked after the actor and the state: the refusal's reason code when the rule is broken,
 * nothing when it holds. Guards see how the caller relates to the record (`who`) and the facts the workflow gathered.
 */
export type Guard<Who, Facts, R extends string> = (who: Who, facts: Facts) => R | null;

export type OperationSpec<S extends string, Who, Facts, R extends string> = {
  /** The states the operation runs from; in any other state it is refused `STATE`. */
  from: readonly S[];
  /** The state it leads to (the same state for a step that only records something). */
  to: S;
  /**
   * Who may ever run it, whatever the state. D19: checked before the state, so a caller who may not act learns
   * nothing about the record from the refusal.
   */
  actor: (who: Who) => boolean;
  /** Checked in order after the state; the first broken one refuses. */
  guards?: readonly Guard<Who, Facts, R>[];
};

export type WorkflowSpec<S extends string, Op extends string, Who, Facts, R extends string> = {
  states: readonly S[];
  operations: { readonly [K in Op]: OperationSpec<S, Who, Facts, R> };
};

export type Decision<S extends string, R extends string> = { ok: true; to: S } | { ok: false; reason: BaseRefusal | R };

export type Workflow<S extends string, Op extends string, Who, Facts, R extends string> = {
  readonly states: readonly S[];
  readonly ops: readonly Op[];
  readonly operations: WorkflowSpec<S, Op, Who, Facts, R>['operations'];
  /** Whether `who` may ever run `op` (the first check of `decide`). */
  mayAct(op: Op, who: Who): boolean;
  /** Actor first, then state, then the operation's guards in order. */
  decide(op: Op, state: S, who: Who, facts: Facts): Decision<S, R>;
  /** What the caller may do now: one boolean per operation, from the same table (`can.accept` on the web). */
  abilities(state: S, who: Who, facts: Facts): Record<Op, boolean>;
};

export function defineWorkflow<S extends string, Op extends string, Who, Facts, R extends string = never>(
  spec: WorkflowSpec<S, Op, Who, Facts, R>,
): Workflow<S, Op, Who, Facts, R> {
  const ops = Object.keys(spec.operations) as Op[];
  for (const op of ops) {
    const o = spec.operations[op];
    const unknown = [...o.from, o.to].filter((s) => !spec.states.includes(s));
    if (unknown.length) throw new Error(`workflow operation ${op}: unknown states ${unknown.join(', ')}`);
  }
  const mayAct = (op: Op, who: Who) => spec.operations[op].actor(who);
  const decide = (op: Op, state: S, who: Who, facts: Facts): Decision<S, R> => {
    const o = spec.operations[op];
    if (!o.actor(who)) return { ok: false, reason: 'FORBIDDEN' };
    if (!o.from.includes(state)) return { ok: false, reason: 'STATE' };
    for (const g of o.guards ?? []) {
      const reason = g(who, facts);
      if (reason) return { ok: false, reason };
    }
    return { ok: true, to: o.to };
  };
  return {
    states: spec.states,
    ops,
    operations: spec.operations,
    mayAct,
    decide,
    abilities: (state, who, facts) => Object.fromEntries(ops.map((op) => [op, decide(op, state, who, facts).ok])) as Record<Op, boolean>,
  };
}

/** A guard that refuses with `reason` when `broken` holds: `refuseIf('SEPARATION', (who) => who.rectifier)`. */
export function refuseIf<Who, Facts, R extends string>(reason: R, broken: (who: Who, facts: Facts) => boolean): Guard<Who, Facts, R> {
  return (who, facts) => (broken(who, facts) ? reason : null);
}

/** A guard for a required input or precondition: refuses with `reason` unless `present` holds. */
export function requires<Who, Facts, R extends string>(reason: R, present: (facts: Facts, who: Who) => boolean): Guard<Who, Facts, R> {
  return (who, facts) => (present(facts, who) ? null : reason);
}
