/*
 * R-INV-1: safety investment and the safety production fee (安全生产费用), pure. Money is exact: amounts travel as
 * decimal strings ("12000000.00" yuan) and are computed in integer fen (BigInt), never in JS floats. Rates are written
 * as percent strings ("2.25") and held as millionths of the base (2.25% → 22 500 ppm). No clock and no I/O.
 */

/** Yuan with at most two decimals, no sign, no exponent: what the API and the sheet accept. */
export const MONEY_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;
/** A percent with at most four decimals ("4.5", "0.55"). */
export const PERCENT_PATTERN = /^\d{1,3}(\.\d{1,4})?$/;
/** The largest amount stored (numeric(18,2)): 16 integer digits. */
export const MAX_FEN = 10n ** 18n - 1n;

/** "1234.5" → 123450n fen; null if not a money string. */
export function parseFen(text: string): bigint | null {
  const s = text.trim();
  if (!MONEY_PATTERN.test(s)) return null;
  const [whole, frac = ''] = s.split('.') as [string, string?];
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
}

/** 123450n → "1234.50"; negative amounts keep their sign. */
export function formatFen(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const whole = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${cents}`;
}

/** A numeric(18,2) as PostgreSQL returns it ("12.50", "12.5", "0") → fen. */
export function fenOfNumeric(value: string | number | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  const s = String(value).trim();
  const neg = s.startsWith('-');
  const f = parseFen(neg ? s.slice(1) : s);
  if (f === null) throw new Error(`not a money value: ${s}`);
  return neg ? -f : f;
}

/** "2.25" (percent) → 22 500 (millionths of the base). */
export function ppmOfPercent(text: string): bigint {
  if (!PERCENT_PATTERN.test(text)) throw new Error(`not a percent: ${text}`);
  const [whole, frac = ''] = text.split('.') as [string, string?];
  return BigInt(whole) * 10_000n + BigInt((frac + '0000').slice(0, 4));
}

/** base × ppm / 1 000 000, rounded half up to the fen (the base is non-negative). */
export function applyRate(baseFen: bigint, ppm: bigint): bigint {
  return (baseFen * ppm + 500_000n) / 1_000_000n;
}

// ---- the accrual schedules of 财资〔2022〕136号 ----

/** One band of a progressive (超额累退) schedule: the part of the base up to `upTo` yuan (null: no upper bound). */
export type Band = { upTo: number | null; rate: string };

/**
 * How a schedule computes: a rate of the project cost (construction), a progressive rate of the prior year's revenue,
 * a flat rate of that revenue, or an amount per unit of output (coal per tonne).
 */
export type Schedule = {
  key: string;
  name: string;
  basis: 'project_cost' | 'revenue_progressive' | 'revenue_flat' | 'per_unit';
  /** project_cost and revenue_flat: the percent. */
  rate?: string | undefined;
  /** revenue_progressive: bands in rising order, the last without an upper bound. */
  bands?: Band[] | undefined;
  /** per_unit: yuan per unit, and the unit's name. */
  unitAmount?: string | undefined;
  unit?: string | undefined;
  /** The article of the document the row is taken from. */
  source: string;
  /** Confirmed by the district admin against the document; an unverified row refuses to compute. */
  verified: boolean;
};

export type AccrualInput = { schedule: string; base: string };
export type AccrualLine = { schedule: string; name: string; basis: Schedule['basis']; base: string; amount: string; bands?: { from: string; to: string | null; rate: string; part: string; amount: string }[] };
export type AccrualResult =
  | { ok: true; total: string; lines: AccrualLine[] }
  | { ok: false; reason: 'UNKNOWN_SCHEDULE' | 'UNVERIFIED'; index: number; schedule: string; name?: string };

/**
 * Progressive accrual (超额累退): each band's rate applies to the part of the base inside it; bands are half-open
 * `(previous upTo, upTo]` (RULES.md conventions), so a base exactly at a band edge is charged wholly at the lower band.
 * R-INV-1: 12 000 000 of revenue → 10 000 000 × 4.5% + 2 000 000 × 2.25% = 495 000.
 */
export function progressive(baseFen: bigint, bands: readonly Band[]) {
  let from = 0n;
  let total = 0n;
  const parts: NonNullable<AccrualLine['bands']> = [];
  for (const b of bands) {
    const upper = b.upTo === null ? null : BigInt(b.upTo) * 100n;
    if (baseFen <= from) break;
    const top = upper === null || baseFen < upper ? baseFen : upper;
    const part = top - from;
    const amount = applyRate(part, ppmOfPercent(b.rate));
    total += amount;
    parts.push({ from: formatFen(from), to: upper === null ? null : formatFen(upper), rate: b.rate, part: formatFen(part), amount: formatFen(amount) });
    if (upper === null) break;
    from = upper;
  }
  return { total, parts };
}

/** One schedule over one base (yuan, or units for per_unit), in fen. */
export function scheduleAmount(s: Schedule, baseFen: bigint): { amount: bigint; bands?: AccrualLine['bands'] } {
  switch (s.basis) {
    case 'project_cost':
    case 'revenue_flat':
      return { amount: applyRate(baseFen, ppmOfPercent(s.rate ?? '0')) };
    case 'revenue_progressive': {
      const r = progressive(baseFen, s.bands ?? []);
      return { amount: r.total, bands: r.parts };
    }
    case 'per_unit': {
      // The base is a quantity with up to two decimals (tonnes), read like money: quantity × yuan per unit.
      const perUnit = parseFen(s.unitAmount ?? '0') ?? 0n;
      return { amount: (baseFen * perUnit + 50n) / 100n };
    }
  }
}

/**
 * The year's required accrual from its inputs (R-INV-1 [cfg]): the sum over the lines, each a schedule of the
 * rule-set and its base. An unknown schedule, or one the district admin has not confirmed (`verified: false`), refuses
 * the whole computation, naming the line.
 */
export function computeAccrual(schedules: readonly Schedule[], inputs: readonly AccrualInput[]): AccrualResult {
  const byKey = new Map(schedules.map((s) => [s.key, s]));
  let total = 0n;
  const lines: AccrualLine[] = [];
  for (const [index, input] of inputs.entries()) {
    const s = byKey.get(input.schedule);
    if (!s) return { ok: false, reason: 'UNKNOWN_SCHEDULE', index, schedule: input.schedule };
    if (!s.verified) return { ok: false, reason: 'UNVERIFIED', index, schedule: s.key, name: s.name };
    const baseFen = parseFen(input.base);
    if (baseFen === null) throw new Error('the base is validated at the edge');
    const r = scheduleAmount(s, baseFen);
    total += r.amount;
    lines.push({ schedule: s.key, name: s.name, basis: s.basis, base: formatFen(baseFen), amount: formatFen(r.amount), ...(r.bands ? { bands: r.bands } : {}) });
  }
  return { ok: true, total: formatFen(total), lines };
}

// ---- the year's figures ----

export type YearFigures = {
  carryIn: string; required: string | null; accrued: string; used: string; usedIneligible: string; balance: string;
  shortfall: string; flags: { shortfall: boolean; ineligible: boolean; overspent: boolean };
};

/**
 * R-INV-1, the year's account: what was carried in from the prior year, the required accrual (null until computed),
 * the accrual booked, the uses (all of them, and those outside the eligible categories), the balance carried on, and
 * the flags: accrual shortfall (booked accrual below the required one), spending outside the categories, and a
 * negative balance.
 */
export function yearFigures(x: { carryIn: bigint; required: bigint | null; accrued: bigint; used: bigint; usedIneligible: bigint }): YearFigures {
  const balance = x.carryIn + x.accrued - x.used;
  const short = x.required !== null && x.accrued < x.required ? x.required - x.accrued : 0n;
  return {
    carryIn: formatFen(x.carryIn), required: x.required === null ? null : formatFen(x.required), accrued: formatFen(x.accrued), used: formatFen(x.used),
    usedIneligible: formatFen(x.usedIneligible), balance: formatFen(balance), shortfall: formatFen(short),
    flags: { shortfall: short > 0n, ineligible: x.usedIneligible > 0n, overspent: balance < 0n },
  };
}

/**
 * The balance carried into `year`: an opening balance recorded for a year restarts the chain (the enterprise's first
 * year on the platform); otherwise it is the prior year's closing balance. Years without a record carry on unchanged.
 */
export function carryIn(year: number, years: readonly { year: number; opening: bigint | null; accrued: bigint; used: bigint }[]): bigint {
  const sorted = [...years].filter((y) => y.year <= year).sort((a, b) => a.year - b.year);
  let balance = 0n;
  let carried = 0n;
  for (const y of sorted) {
    if (y.opening !== null) balance = y.opening;
    if (y.year === year) { carried = balance; break; }
    balance += y.accrued - y.used;
    carried = balance;
  }
  return carried;
}

/** Sum of budget lines in fen. */
export function sumFen(amounts: readonly string[]): bigint {
  return amounts.reduce((t, a) => t + fenOfNumeric(a), 0n);
}
