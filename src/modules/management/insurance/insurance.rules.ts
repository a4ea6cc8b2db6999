import type { EmploymentForm } from '../../../platform/db/schema';

/*
 * R-INS-1, issue 12 §4: the safety-liability insurance (安责险) check and the work-injury coverage, pure. No clock and no
 * I/O: the day, the roster, the policies and the [cfg] values come in. Money is a decimal string (at most two decimals),
 * compared exactly in integer fen, never as a float.
 */

/** A non-negative amount of CNY with at most two decimals, as typed and as numeric(14, 2) returns it. */
export const MONEY_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;

/** The amount in fen (1/100 CNY) as a bigint: exact, for comparing amounts. */
export function fen(amount: string): bigint {
  if (!MONEY_PATTERN.test(amount)) throw new Error(`not an amount: ${amount}`);
  const [whole, frac = ''] = amount.split('.') as [string, string?];
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
}

/** An amount of fen as CNY with two decimals. */
export function fromFen(f: bigint): string {
  return `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;
}

/** The canonical form of an amount: two decimals, no leading zeros (`400000` → `400000.00`). */
export function money(amount: string): string {
  return fromFen(fen(amount));
}

export type RosterPerson = { id: string; name: string; employmentForm: EmploymentForm; unitName: string };

export type PolicyFacts = {
  id: string;
  status: 'pending' | 'confirmed';
  startsOn: string;
  endsOn: string;
  premiumPaidBy: 'unit' | 'staff';
  people: readonly { employeeId: string; cover: string }[];
};

/** Whether the period of a policy holds the day (both ends included). */
export function covers(p: Pick<PolicyFacts, 'startsOn' | 'endsOn'>, day: string): boolean {
  return p.startsOn <= day && day <= p.endsOn;
}

/**
 * The enterprise's current policy on a day: confirmed, its period holding the day; of several, the one that started
 * last (a renewal bought before the old one ended), then the last in the list.
 */
export function currentPolicy<P extends PolicyFacts>(policies: readonly P[], day: string): P | null {
  let best: P | null = null;
  for (const p of policies) {
    if (p.status !== 'confirmed' || !covers(p, day)) continue;
    if (!best || p.startsOn >= best.startsOn) best = p;
  }
  return best;
}

/** Why a policy does not satisfy R-INS-1, as stable codes the screens and the regulators' list translate. */
export type ComplianceReason = 'NO_POLICY' | 'UNINSURED' | 'UNEQUAL_COVER' | 'COVER_BELOW_MINIMUM' | 'PREMIUM_BY_STAFF';

export type ComplianceResult = {
  compliant: boolean;
  reasons: ComplianceReason[];
  /** Active employees of the roster (every employment form) the policy does not name. */
  uninsured: RosterPerson[];
  /** The lowest and highest per-person cover of the policy, null without a policy or people. */
  cover: { min: string; max: string } | null;
};

/**
 * R-INS-1 [cfg minimum]: the policy insures every active employee of every employment form (regular, dispatched,
 * temporary, migrant, intern), with the same per-person cover for all, at least the minimum, and the unit pays the
 * premium. The roster is the active employees; a policy of null is "no current policy".
 */
export function checkPolicy(policy: PolicyFacts | null, roster: readonly RosterPerson[], minCover: string): ComplianceResult {
  if (!policy) return { compliant: false, reasons: ['NO_POLICY'], uninsured: [...roster], cover: null };
  const insured = new Set(policy.people.map((p) => p.employeeId));
  const uninsured = roster.filter((r) => !insured.has(r.id));
  const reasons: ComplianceReason[] = [];
  if (uninsured.length) reasons.push('UNINSURED');
  let cover: ComplianceResult['cover'] = null;
  if (policy.people.length) {
    const amounts = policy.people.map((p) => fen(p.cover));
    const min = amounts.reduce((a, b) => (b < a ? b : a));
    const max = amounts.reduce((a, b) => (b > a ? b : a));
    cover = { min: fromFen(min), max: fromFen(max) };
    if (min !== max) reasons.push('UNEQUAL_COVER');
    if (min < fen(minCover)) reasons.push('COVER_BELOW_MINIMUM');
  }
  if (policy.premiumPaidBy !== 'unit') reasons.push('PREMIUM_BY_STAFF');
  return { compliant: reasons.length === 0, reasons, uninsured, cover };
}

/** R-INS-1 [cfg]: whether 安责险 is mandatory for the industry, by the district's list. */
export function liabilityMandatory(industryCode: string, industries: readonly string[]): boolean {
  return industries.includes(industryCode);
}

/** Work-injury insurance: people covered ÷ all active employees, one decimal rounded down; null over nobody. */
export function workInjuryCoverage(roster: readonly RosterPerson[], covered: ReadonlySet<string>) {
  const uncovered = roster.filter((r) => !covered.has(r.id));
  const total = roster.length;
  const n = total - uncovered.length;
  return { covered: n, total, percent: total ? Math.floor((n * 1000) / total) / 10 : null, uncovered };
}

/**
 * The same check from a policy's figures (the regulators' list computes them in SQL for a whole page): whether there
 * is a current policy, how many active employees it leaves out, its lowest and highest cover, who paid the premium.
 */
export function reasonsOfFigures(
  f: { hasPolicy: boolean; uninsured: number; minCover: string | null; maxCover: string | null; premiumPaidBy: 'unit' | 'staff' },
  minCover: string,
): ComplianceReason[] {
  if (!f.hasPolicy) return ['NO_POLICY'];
  const reasons: ComplianceReason[] = [];
  if (f.uninsured > 0) reasons.push('UNINSURED');
  if (f.minCover !== null && f.maxCover !== null) {
    if (fen(f.minCover) !== fen(f.maxCover)) reasons.push('UNEQUAL_COVER');
    if (fen(f.minCover) < fen(minCover)) reasons.push('COVER_BELOW_MINIMUM');
  }
  if (f.premiumPaidBy !== 'unit') reasons.push('PREMIUM_BY_STAFF');
  return reasons;
}
