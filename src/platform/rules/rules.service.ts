import { z } from 'zod';
import { requireActor, type Ctx } from '../auth/actor';
import { writeAudit } from '../audit/audit';
import type { Db, Executor } from '../db/database';
import { AppError, forbidden, notFound, type FieldIssue } from '../errors';
import { hasMessage, type Locale } from '../i18n/messages';
import { registeredRuleSet, registeredRuleSets, type RuleSetDef } from './rule-set';

/** A rule-set's value in force for a district, and the version it is (0 = the defaults, nothing saved yet). */
export type Versioned<T> = { version: number; value: T; note: string; createdAt: Date | null; createdBy: string | null };

/**
 * Where the rules are read for: a district id, an enterprise (its district), or a caller (the district of their
 * scope; an institution reads the first district's, as reference data does).
 */
export type RulesAt = string | { enterpriseId: string } | Ctx;

async function districtOf(db: Executor, at: RulesAt): Promise<string | null> {
  if (typeof at === 'string') return at;
  if ('enterpriseId' in at) return (await db.selectFrom('enterprises').select('district_id').where('id', '=', at.enterpriseId).executeTakeFirst())?.district_id ?? null;
  const s = at.actor?.scope;
  if (!s) return null;
  switch (s.kind) {
    case 'district': return s.districtId;
    case 'subdistrict': return (await db.selectFrom('subdistricts').select('district_id').where('id', '=', s.subdistrictId).executeTakeFirst())?.district_id ?? null;
    case 'department': return (await db.selectFrom('departments').select('district_id').where('id', '=', s.departmentId).executeTakeFirst())?.district_id ?? null;
    case 'enterprise': return districtOf(db, { enterpriseId: s.enterpriseId });
    case 'institution': return (await db.selectFrom('districts').select('id').orderBy('created_at').limit(1).executeTakeFirst())?.id ?? null;
  }
}

/**
 * A stored value parsed with the rule-set's schema. A value saved before the schema gained a field reads that field
 * from the defaults (objects are merged one level deep), so adding a field never needs a data migration; a value that
 * still does not parse is a programming error and fails loudly instead of being cast.
 */
function parseStored<S extends z.ZodType>(def: RuleSetDef<S>, raw: unknown, version: number): z.output<S> {
  const direct = def.schema.safeParse(raw);
  if (direct.success) return direct.data;
  const d = def.defaults as unknown;
  if (isPlainObject(d) && isPlainObject(raw)) {
    const merged = def.schema.safeParse({ ...d, ...raw });
    if (merged.success) return merged.data;
  }
  throw new Error(`rule-set ${def.name} version ${version} does not parse with its schema: ${direct.error.message}`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The value of a rule-set in force (the newest version saved for the district, else its defaults), parsed with its
 * schema, and its version number, which records graded or decided by it keep. One indexed read of the primary key;
 * no cache, so a save is seen at once by every process sharing the database.
 */
export async function currentRules<S extends z.ZodType>(db: Executor, at: RulesAt, def: RuleSetDef<S>): Promise<Versioned<z.output<S>>> {
  const districtId = await districtOf(db, at);
  const row = districtId ? await db.selectFrom('rule_sets').select(['version', 'rules', 'note', 'created_at', 'created_by'])
    .where('district_id', '=', districtId).where('kind', '=', def.name)
    .orderBy('version', 'desc').limit(1).executeTakeFirst() : undefined;
  if (!row) return { version: 0, value: def.defaults, note: '', createdAt: null, createdBy: null };
  return { version: row.version, value: parseStored(def, row.rules, row.version), note: row.note, createdAt: row.created_at, createdBy: row.created_by };
}

/**
 * Several rule-sets in force for one place at once, in one read (a view deciding by many modules' rules per request):
 * the same values as `currentRules` of each, in the order given.
 */
export async function currentRulesOf<const Defs extends readonly RuleSetDef[]>(
  db: Executor, at: RulesAt, defs: Defs,
): Promise<{ [K in keyof Defs]: Versioned<z.output<Defs[K]['schema']>> }> {
  const districtId = await districtOf(db, at);
  const rows = districtId && defs.length ? await db.selectFrom('rule_sets').select(['kind', 'version', 'rules', 'note', 'created_at', 'created_by']).distinctOn('kind')
    .where('district_id', '=', districtId).where('kind', 'in', defs.map((d) => d.name)).orderBy('kind').orderBy('version', 'desc').execute() : [];
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return defs.map((def) => {
    const row = byKind.get(def.name);
    if (!row) return { version: 0, value: def.defaults, note: '', createdAt: null, createdBy: null };
    return { version: row.version, value: parseStored(def, row.rules, row.version), note: row.note, createdAt: row.created_at, createdBy: row.created_by };
  }) as { [K in keyof Defs]: Versioned<z.output<Defs[K]['schema']>> };
}

/** A given version of a rule-set (0 = the defaults), e.g. the one a graded record names; null when never saved. */
export async function rulesVersion<S extends z.ZodType>(db: Executor, districtId: string, def: RuleSetDef<S>, version: number): Promise<z.output<S> | null> {
  if (version === 0) return def.defaults;
  const row = await db.selectFrom('rule_sets').select('rules').where('district_id', '=', districtId).where('kind', '=', def.name).where('version', '=', version).executeTakeFirst();
  return row ? parseStored(def, row.rules, version) : null;
}

/** The rule-set in force for every district at once (jobs that run across districts), keyed by district id. */
export async function currentRulesByDistrict<S extends z.ZodType>(db: Executor, def: RuleSetDef<S>): Promise<Map<string, Versioned<z.output<S>>>> {
  const [districts, rows] = await Promise.all([
    db.selectFrom('districts').select('id').execute(),
    db.selectFrom('rule_sets').select(['district_id', 'version', 'rules', 'note', 'created_at', 'created_by']).distinctOn('district_id')
      .where('kind', '=', def.name).orderBy('district_id').orderBy('version', 'desc').execute(),
  ]);
  const out = new Map<string, Versioned<z.output<S>>>();
  for (const d of districts) out.set(d.id, { version: 0, value: def.defaults, note: '', createdAt: null, createdBy: null });
  for (const r of rows) out.set(r.district_id, { version: r.version, value: parseStored(def, r.rules, r.version), note: r.note, createdAt: r.created_at, createdBy: r.created_by });
  return out;
}

// ---- the admin API ----

function adminDistrict(ctx: Ctx): string {
  const actor = requireActor(ctx);
  // RULES.md §0: rule-sets belong to the district administrator.
  if (actor.scope.kind !== 'district') throw forbidden();
  return actor.scope.districtId;
}

function defOf(name: string): RuleSetDef {
  const def = registeredRuleSet(name);
  if (!def) throw notFound();
  return def;
}

function describe(def: RuleSetDef, locale: Locale) {
  const l = def.labels[locale];
  return { name: def.name, module: def.module, rules: [...def.rules], title: l.title, description: l.description, fields: l.fields };
}

/** Every registered rule-set with the version in force in the admin's district. */
export async function listRuleSets(db: Db, ctx: Ctx) {
  const districtId = adminDistrict(ctx);
  const latest = await db.selectFrom('rule_sets').select(['kind', 'version', 'created_at']).distinctOn('kind')
    .where('district_id', '=', districtId).orderBy('kind').orderBy('version', 'desc').execute();
  const byKind = new Map(latest.map((r) => [r.kind, r]));
  return {
    items: registeredRuleSets().map((def) => {
      const r = byKind.get(def.name);
      return { ...describe(def, ctx.locale), version: r?.version ?? 0, updatedAt: r?.created_at ?? null };
    }),
  };
}

/** One rule-set: what it is, its value in force, its defaults, and every saved version (newest first). */
export async function getRuleSet(db: Db, ctx: Ctx, name: string) {
  const districtId = adminDistrict(ctx);
  const def = defOf(name);
  const current = await currentRules(db, districtId, def);
  const rows = await db.selectFrom('rule_sets as r').leftJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.version', 'r.rules', 'r.note', 'r.created_at', 'u.display_name'])
    .where('r.district_id', '=', districtId).where('r.kind', '=', def.name).orderBy('r.version', 'desc').execute();
  return {
    ...describe(def, ctx.locale),
    current: { version: current.version, value: current.value, note: current.note, createdAt: current.createdAt },
    defaults: def.defaults,
    // The value's structure, for the generic form (refinements such as "bands decrease" are checked on save).
    schema: z.toJSONSchema(def.schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>,
    history: rows.map((r) => ({ version: r.version, value: parseStored(def, r.rules, r.version), note: r.note, createdAt: r.created_at, createdBy: r.display_name ?? null })),
  };
}

/**
 * Saves a new version. An edit never changes a version in place: it appends the next one (the database refuses
 * updates and deletes, migration 0030), so records graded by an older version keep their meaning. `baseVersion`,
 * when given, must be the version in force: an edit made on a stale screen is a conflict, not a silent overwrite.
 */
export async function saveRuleSet(db: Db, ctx: Ctx, name: string, input: { value: unknown; note: string; baseVersion?: number }) {
  const districtId = adminDistrict(ctx);
  const actor = requireActor(ctx);
  const def = defOf(name);
  const parsed = def.schema.safeParse(input.value);
  if (!parsed.success) throw new AppError('VALIDATION', { issues: fieldIssues(parsed.error, 'body.value', input.value, ctx.locale, def) });
  return db.transaction().execute(async (tx) => {
    // One save at a time per district: the next version number is read under the district row's lock.
    await tx.selectFrom('districts').select('id').where('id', '=', districtId).forUpdate().executeTakeFirstOrThrow();
    const current = await currentRules(tx, districtId, def);
    if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
      throw new AppError('CONFLICT', { messageKey: 'rules.staleVersion', params: { version: current.version } });
    }
    const version = current.version + 1;
    await tx.insertInto('rule_sets').values({ district_id: districtId, kind: def.name, version, rules: JSON.stringify(parsed.data), note: input.note, created_by: actor.userId, created_at: ctx.now }).execute();
    await writeAudit(tx, ctx, {
      action: 'rules.save', entityType: 'rule_set', entityId: `${def.name}:${version}`,
      before: { version: current.version, value: current.value }, after: { version, value: parsed.data, note: input.note },
    });
    return { version, value: parsed.data, note: input.note, createdAt: ctx.now };
  });
}

/**
 * zod issues as the edge's field issues, with message keys translated there (zh-CN first): the path names the field
 * (`body.value.principalAfterDays`), the message says what is wrong in words people use.
 */
export function fieldIssues(error: z.ZodError, prefix: string, input: unknown, locale: Locale, def: RuleSetDef): FieldIssue[] {
  const option = (v: unknown) => def.labels[locale].fields[`@${String(v)}`] ?? String(v);
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), ...issueMessage(i, valueAt(input, i.path), option, locale) }));
}

/** The submitted value at an issue's path (zod 4 leaves the input out of its issues). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function issueMessage(i: z.core.$ZodIssue, value: unknown, option: (v: unknown) => string, locale: Locale): { message: string; params?: Record<string, string | number> } {
  if (i.message && hasMessage(i.message)) return { message: i.message };
  switch (i.code) {
    case 'too_small': return { message: i.origin === 'array' ? 'validation.tooFew' : 'validation.tooSmall', params: { min: Number(i.minimum) } };
    case 'too_big': return { message: i.origin === 'array' ? 'validation.tooMany' : 'validation.tooBig', params: { max: Number(i.maximum) } };
    case 'invalid_type': return { message: value === undefined || value === null ? 'validation.required' : i.expected === 'int' ? 'rules.invalid.integer' : 'rules.invalid.type' };
    case 'invalid_value': return { message: 'rules.invalid.option', params: { options: i.values.map(option).join(locale === 'zh-CN' ? '、' : ', ') } };
    case 'unrecognized_keys': return { message: 'rules.invalid.unknownKeys', params: { keys: i.keys.join(', ') } };
    default: return { message: 'rules.invalid.value' };
  }
}
