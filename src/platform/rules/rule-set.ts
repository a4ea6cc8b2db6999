import type { z } from 'zod';
import type { Locale } from '../i18n/messages';

/**
 * A rule-set: the [cfg] values of RULES.md that a district may change (RULES.md "Conventions": ship the default,
 * keep it in a rule-set table an administrator can change, and record which version graded each record). A module
 * declares its rule-sets in its manifest (`ruleSets`); the platform stores versions per district (rules.service.ts)
 * and serves one admin API and screen for all of them.
 */
export type RuleSetLabels = {
  /** The rule-set's name on the admin screen. */
  title: string;
  /** One or two sentences: what the values decide, citing the rule ids. */
  description: string;
  /**
   * Labels of the value's fields by dotted path (`lec.g1`, `defaultCycle.post`), and of the values an enum field takes
   * as `@value` (`@shift`), for the generic form and the history: people never see a key.
   */
  fields: Record<string, string>;
};

export type RuleSetDef<S extends z.ZodType = z.ZodType> = {
  /** Unique among rule-sets, kebab-case; also `rule_sets.kind` in the database. */
  name: string;
  /** The module that declares it (the admin screen groups by it). */
  module: string;
  /** Every stored or submitted value is parsed with it, never cast. */
  schema: S;
  /** The values RULES.md ships (version 0, in force until a district saves a version). */
  defaults: z.output<S>;
  /** The RULES.md ids the values belong to. */
  rules: readonly string[];
  labels: Record<Locale, RuleSetLabels>;
};

export type RuleSetValue<D extends RuleSetDef> = z.output<D['schema']>;

/** Declares a rule-set; its defaults must satisfy its own schema (checked once, at load). */
export function defineRuleSet<S extends z.ZodType>(def: RuleSetDef<S>): RuleSetDef<S> {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(def.name)) throw new Error(`rule-set name ${def.name} must be kebab-case`);
  const parsed = def.schema.safeParse(def.defaults);
  if (!parsed.success) throw new Error(`rule-set ${def.name}: its defaults do not satisfy its schema: ${parsed.error.message}`);
  return def;
}

const registry = new Map<string, RuleSetDef>();

/** Adds a module's rule-sets (src/platform/module.ts). A name declared twice by different definitions fails at start. */
export function registerRuleSets(defs: readonly RuleSetDef[]): void {
  for (const def of defs) {
    const had = registry.get(def.name);
    if (had && had !== def) throw new Error(`rule-set ${def.name} is declared twice`);
    registry.set(def.name, def);
  }
}

/** Every registered rule-set, in registration order (module order, then declaration order). */
export function registeredRuleSets(): RuleSetDef[] {
  return [...registry.values()];
}

export function registeredRuleSet(name: string): RuleSetDef | undefined {
  return registry.get(name);
}
