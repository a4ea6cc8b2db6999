import type { Executor } from '../../platform/db/database';
import { obligationDefinition, type ObligationParams } from '../../platform/obligations';
import { currentRules, type RulesAt } from '../../platform/rules';
import { OBLIGATION_RULES } from './obligation.rule-set';
import { paramsOf } from './obligation.service';

/**
 * The parameters of one duty in force for an enterprise's district (the `obligations` rule-set, else the definition's
 * defaults): a module that shows or decides by a duty's cadence or days reads them here, so one [cfg] value governs
 * both the occurrence and what the module says about it (the days a later hire has to sign, the commitment's report cycle).
 * With the rule-set's version, which a record decided by it keeps.
 */
export async function obligationParams(db: Executor, at: RulesAt, key: string): Promise<{ version: number; params: ObligationParams }> {
  const def = obligationDefinition(key);
  if (!def) throw new Error(`unknown obligation definition ${key}`);
  const rules = await currentRules(db, at, OBLIGATION_RULES);
  return { version: rules.version, params: paramsOf(rules.value, def) };
}

/** The days an event-triggered duty gives (its cadence's `days`); null for a periodic one. */
export function eventDays(params: ObligationParams): number | null {
  return params.cadence.kind === 'event' ? params.cadence.days : null;
}

/**
 * Whether a periodic duty is in force for a period starting on `startsOn` (enabled, and effective by then) in the
 * district of `at`: before it, the engine holds no occurrences, so who owed the period is not its to say.
 */
export async function dutyInForce(db: Executor, at: RulesAt, key: string, startsOn: string): Promise<boolean> {
  const { params } = await obligationParams(db, at, key);
  return params.enabled && params.effectiveFrom <= startsOn;
}
