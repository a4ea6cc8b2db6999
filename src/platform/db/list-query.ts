import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { invalid } from '../errors';
import { registerMessages } from '../i18n/messages';
import { containsPattern } from './like';
import { wholeNumber } from '../http/whole-number';

/*
 * The one shape of every paginated list: declared filters, an escaped search, a sort map (the keys a client may
 * send → the SQL that orders by them, then a stable tiebreak), one page and the total. The query parameters
 * (`listParams`, `sortParam`) are the same zod pieces on every list route, so paging, page-size caps and sort keys
 * behave alike everywhere; an unknown sort key is a 400 at the edge and again here.
 */

registerMessages({
  'zh-CN': { 'validation.sort': '不支持按“{key}”排序' },
  'en-US': { 'validation.sort': 'Cannot sort by "{key}"' },
});

/** The biggest page a client may ask for. */
export const MAX_PAGE_SIZE = 200;

/** Paging, order and the search box, shared by every list route's query schema. */
export const listParams = {
  page: wholeNumber(1, 1_000_000).default(1),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(100).optional(),
};

/** The `sort` parameter of a list: one of its sort map's keys (anything else is refused with 400). */
export function sortParam<K extends string>(map: Record<K, unknown>, defaultKey: NoInfer<K>) {
  const keys = Object.keys(map) as K[];
  return z.enum(keys as [K, ...K[]]).default(defaultKey as never);
}

export type Order = 'asc' | 'desc';

/**
 * One ORDER BY term: a column reference (`'e.name'`) or an SQL expression, optionally with its nulls placed and a
 * fixed direction (a tiebreak that does not follow the requested order).
 */
export type SortTerm = string | RawBuilder<unknown> | { by: string | RawBuilder<unknown>; nulls?: 'first' | 'last'; dir?: Order };
/** Client sort keys → the terms that order by them (one or several). */
export type SortMap<K extends string = string> = Record<K, SortTerm | readonly SortTerm[]>;

export type SortSpec<K extends string = string> = {
  map: SortMap<K>;
  key: string;
  order: Order;
  /** Terms after the sorted ones that make the order total (a unique column last), so pages never overlap. */
  tiebreak: readonly SortTerm[];
};

const termsOf = (t: SortTerm | readonly SortTerm[]): readonly SortTerm[] => (Array.isArray(t) ? t : [t as SortTerm]);

/** Orders a query by a sort map's key and its tiebreak; an unknown key is refused (400). */
export function orderByMap<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>, spec: SortSpec): SelectQueryBuilder<DB, TB, O> {
  if (!Object.hasOwn(spec.map, spec.key)) throw invalid('query.sort', 'validation.sort', { key: spec.key });
  let out = qb;
  for (const term of [...termsOf(spec.map[spec.key]!), ...spec.tiebreak]) {
    const { by, nulls, dir } = typeof term === 'string' || !('by' in term) ? { by: term, nulls: undefined, dir: undefined } : term;
    const d = dir ?? spec.order;
    const ref = (typeof by === 'string' ? sql.ref(by) : by) as Expression<unknown>;
    out = nulls
      ? out.orderBy(ref, (ob) => { const o = d === 'desc' ? ob.desc() : ob.asc(); return nulls === 'last' ? o.nullsLast() : o.nullsFirst(); })
      : out.orderBy(ref, d);
  }
  return out;
}

/**
 * A search box over some columns: `text` found anywhere in any of them, its `%`, `_` and `\` matching themselves
 * (containsPattern). A column given as `{ column, upper: true }` is compared with the upper-cased text (codes
 * stored in capitals).
 */
export function searchWhere(text: string, columns: readonly (string | { column: string; upper: true })[]): RawBuilder<SqlBool> {
  const pattern = containsPattern(text);
  const parts = columns.map((c) => (typeof c === 'string'
    ? sql`${sql.ref(c)} like ${pattern}`
    : sql`${sql.ref(c.column)} like ${pattern.toUpperCase()}`));
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Declared filters: each present (not undefined) value narrows the query with its declared function; values the
 * map does not declare are ignored.
 */
export type FilterMap<QB, F> = { [K in keyof F]?: (qb: QB, value: Exclude<F[K], undefined>) => QB };
export function applyFilters<QB, F extends object>(qb: QB, map: FilterMap<QB, F>, values: F): QB {
  let out = qb;
  for (const key of Object.keys(map) as (keyof F)[]) {
    const value = values[key];
    const apply = map[key];
    if (value !== undefined && apply) out = apply(out, value as Exclude<F[typeof key], undefined>);
  }
  return out;
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * How the total is counted:
 * - `query` (default): a separate `count(*)` over the filtered query, run next to the page;
 * - `window`: `count(*) over ()` on the page's rows, one round trip (a separate count only past the last page);
 * - `subquery`: the count as a scalar subquery on every row, which PostgreSQL evaluates once (index-only count);
 * - a function: the caller counts (a list whose total comes from a summary it computes anyway).
 */
export type CountStrategy = 'query' | 'window' | 'subquery' | (() => Promise<number>);

type CountQuery<DB, TB extends keyof DB> = SelectQueryBuilder<DB, TB, { n: number }>;

/**
 * One page of a list and its total. `filtered` is the scoped and filtered query (FROM, joins needed by the
 * filters, WHERE); `select` adds the page's joins and columns; the sort spec orders it (unknown key → 400).
 */
export async function listPage<DB, TB extends keyof DB, DB2, TB2 extends keyof DB2, O>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  opts: {
    select: (qb: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB2, TB2, O>;
    sort: SortSpec;
    page: number;
    pageSize: number;
    count?: CountStrategy;
  },
): Promise<Page<O>> {
  const strategy = opts.count ?? 'query';
  const counter = () => filtered.select(sql<number>`count(*)`.as('n')) as unknown as CountQuery<DB, TB>;
  const countAll = async () => Number((await counter().executeTakeFirstOrThrow()).n);
  let query = orderByMap(opts.select(filtered), opts.sort);
  if (strategy === 'window') query = query.select(sql<number>`count(*) over ()`.as('__total')) as unknown as typeof query;
  if (strategy === 'subquery') query = query.select(counter().as('__total') as never) as unknown as typeof query;
  const paged = query.limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize);
  if (strategy === 'query' || typeof strategy === 'function') {
    const [rows, total] = await Promise.all([paged.execute(), strategy === 'query' ? countAll() : strategy()]);
    return { items: rows as O[], total, page: opts.page, pageSize: opts.pageSize };
  }
  const rows = (await paged.execute()) as (O & { __total?: number | string })[];
  // Past the last page no row carries the total: count separately only then.
  const total = rows.length > 0 ? Number(rows[0]!.__total) : opts.page > 1 ? await countAll() : 0;
  const items = rows.map((r) => {
    const { __total: _, ...rest } = r;
    return rest as O;
  });
  return { items, total, page: opts.page, pageSize: opts.pageSize };
}
