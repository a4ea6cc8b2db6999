import type { EmploymentForm } from '../../../platform/db/schema';

/**
 * R-RESP-1: coverage of the full-staff responsibility system. A post is covered when a list with a current version is
 * attached to it; an active person is covered when one of their posts is, or when a personal list with a current
 * version is attached to them. Coverage = covered ÷ all, for posts and for people of every employment form
 * (dispatched, temporary and migrant workers and interns count as much as regular staff), for the whole enterprise
 * and for every org unit with its subtree rolled up. The goal is 100%.
 */

export const EMPLOYMENT_FORMS: readonly EmploymentForm[] = ['regular', 'dispatched', 'temporary', 'migrant', 'intern'];

/** `percent` has one decimal and is rounded down, so 100 means every one is covered; null when there are none. */
export type Ratio = { covered: number; total: number; percent: number | null };

export type CoverageUnit = { id: string; parentId: string | null; name: string; kind: string; path: string };
export type CoveragePost = { id: string; name: string; unitId: string; covered: boolean };
export type CoveragePerson = { id: string; name: string; unitId: string; employmentForm: EmploymentForm; covered: boolean; postNames: string[] };

export type UnitCoverage = { unitId: string; parentId: string | null; name: string; kind: string; posts: Ratio; people: Ratio };

export type Coverage = {
  posts: Ratio;
  people: Ratio;
  byForm: Record<EmploymentForm, Ratio>;
  /** Every unit given, in tree order, each counting its own subtree. */
  byUnit: UnitCoverage[];
  uncoveredPosts: (CoveragePost & { unitName: string })[];
  uncoveredPeople: (CoveragePerson & { unitName: string })[];
  /** Both rates are 100% (R-RESP-4 "responsibility in place" reads it); false when there is nobody to cover. */
  complete: boolean;
};

export function ratio(covered: number, total: number): Ratio {
  return { covered, total, percent: total === 0 ? null : Math.floor((covered * 1000) / total) / 10 };
}

type Tally = { posts: number; postsCovered: number; people: number; peopleCovered: number };

/**
 * The coverage of the units given (an enterprise's tree, or a unit leader's subtree) over the posts and people in them.
 * A post or person whose unit is not among the units counts in the totals but in no unit's row.
 */
export function computeCoverage(units: readonly CoverageUnit[], posts: readonly CoveragePost[], people: readonly CoveragePerson[]): Coverage {
  const byId = new Map(units.map((u) => [u.id, u]));
  const tally = new Map<string, Tally>(units.map((u) => [u.id, { posts: 0, postsCovered: 0, people: 0, peopleCovered: 0 }]));
  // Each record counts in its unit and every ancestor among the units given (the subtree roll-up).
  const climb = (unitId: string, add: (t: Tally) => void) => {
    const seen = new Set<string>();
    for (let u = byId.get(unitId); u && !seen.has(u.id); u = u.parentId ? byId.get(u.parentId) : undefined) {
      seen.add(u.id);
      add(tally.get(u.id)!);
    }
  };
  for (const p of posts) climb(p.unitId, (t) => { t.posts++; if (p.covered) t.postsCovered++; });
  for (const p of people) climb(p.unitId, (t) => { t.people++; if (p.covered) t.peopleCovered++; });

  const byForm = Object.fromEntries(EMPLOYMENT_FORMS.map((f) => {
    const of = people.filter((p) => p.employmentForm === f);
    return [f, ratio(of.filter((p) => p.covered).length, of.length)];
  })) as Record<EmploymentForm, Ratio>;

  const ordered = [...units].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unitName = (id: string) => byId.get(id)?.name ?? '';
  const pathOf = (id: string) => byId.get(id)?.path ?? '';
  const byPlace = <T extends { unitId: string; name: string }>(a: T, b: T) => pathOf(a.unitId).localeCompare(pathOf(b.unitId)) || a.name.localeCompare(b.name, 'zh-CN');

  const postsRatio = ratio(posts.filter((p) => p.covered).length, posts.length);
  const peopleRatio = ratio(people.filter((p) => p.covered).length, people.length);
  return {
    posts: postsRatio,
    people: peopleRatio,
    byForm,
    byUnit: ordered.map((u) => {
      const t = tally.get(u.id)!;
      return { unitId: u.id, parentId: u.parentId, name: u.name, kind: u.kind, posts: ratio(t.postsCovered, t.posts), people: ratio(t.peopleCovered, t.people) };
    }),
    uncoveredPosts: posts.filter((p) => !p.covered).sort(byPlace).map((p) => ({ ...p, unitName: unitName(p.unitId) })),
    uncoveredPeople: people.filter((p) => !p.covered).sort(byPlace).map((p) => ({ ...p, unitName: unitName(p.unitId) })),
    complete: postsRatio.percent === 100 && peopleRatio.percent === 100,
  };
}
