import { addLocalDays, addLocalMonths } from '../../../platform/time';

/*
 * Issue 13 §3, R-PPE-1, pure rules of the protective-equipment ledger: when an item issued falls due for replacement,
 * what state a replacement is in on a day, what a post requires, and who on a post lacks what it requires. No I/O:
 * the service, the facts, the regulators' list and the web read the same answers.
 */

/** One line of an issue standard: the item, how many per issue, and its replacement cycle (null: replaced when worn out). */
export type StandardLine = { item: string; quantity: number; cycleMonths: number | null };

/** The next replacement: the issue day plus the cycle in months, clamped to the end of a shorter month (31 Jan + 1 → 28/29 Feb). */
export function nextReplacement(issuedOn: string, cycleMonths: number | null): string | null {
  return cycleMonths === null ? null : addLocalMonths(issuedOn, cycleMonths);
}

export const REPLACEMENT_STATES = ['none', 'ok', 'due_soon', 'overdue'] as const;
export type ReplacementState = (typeof REPLACEMENT_STATES)[number];

/**
 * A replacement on `today`: `overdue` from the day after the replacement day (the day itself is still in time),
 * `due_soon` within `soonDays` before it, else `ok`; `none` for an item without a cycle.
 */
export function replacementState(next: string | null, today: string, soonDays: number): ReplacementState {
  if (!next) return 'none';
  if (today > next) return 'overdue';
  return addLocalDays(today, soonDays) >= next ? 'due_soon' : 'ok';
}

/** What a post requires: its own list when it has one, else its post type's standard (none when it is not mapped). */
export function requiredFor(post: { postType: string | null; items: readonly StandardLine[] | null }, standards: readonly (StandardLine & { postType: string })[]): StandardLine[] {
  if (post.items) return [...post.items];
  if (!post.postType) return [];
  return standards.filter((s) => s.postType === post.postType).map(({ item, quantity, cycleMonths }) => ({ item, quantity, cycleMonths }));
}

/**
 * R-PPE-1: the gaps of the people on posts: for each person on a post, each item the post requires that the person was
 * never issued (a voided issue does not count). An item issued once and now due for replacement is not a gap: it is a
 * replacement overdue, listed and counted as such.
 */
export function gapsOf(
  placements: readonly { employeeId: string; postId: string }[],
  required: ReadonlyMap<string, readonly StandardLine[]>,
  issued: ReadonlyMap<string, ReadonlySet<string>>,
): { employeeId: string; postId: string; item: string }[] {
  const out: { employeeId: string; postId: string; item: string }[] = [];
  const seen = new Set<string>();
  for (const p of placements) {
    const has = issued.get(p.employeeId);
    for (const line of required.get(p.postId) ?? []) {
      // One gap per person and item, even if two of his posts require it.
      const key = `${p.employeeId}:${line.item}`;
      if (has?.has(line.item) || seen.has(key)) continue;
      seen.add(key);
      out.push({ employeeId: p.employeeId, postId: p.postId, item: line.item });
    }
  }
  return out;
}
