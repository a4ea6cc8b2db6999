import { contentHash } from '../../../platform/signatures';

/*
 * R-RISK-7, issue 12 §2: "every employee knows the risks of his post" as a figure. Pure rules, no I/O: what of a card
 * a person acknowledges (its hash), and who counts as knowing.
 */

/** What a card shows of one risk point, as the acknowledgement hashes it (locale-free: no colours or grade names). */
export type AckPoint = {
  code: string; name: string; kind: string; location: string; grade: number | null;
  hazards: { people: string[]; things: string[]; environment: string[]; management: string[] };
  accidentTypes: string[]; measures: { category: string; items: string[] }[]; emergencyMeasures: string;
};

/**
 * The SHA-256 of a card's content as a person acknowledges it: the risks of the post — its points with their hazards,
 * possible accidents, measures and emergency actions — in code order, so the same points read in any order hash the
 * same. The post's name, the enterprise's name and its emergency phone are printed on the card but left out: renaming
 * a unit or changing the principal's phone does not change the risks, and must not put every person back to "unread".
 * A card with no points is no card (null).
 */
export function cardContentSha256(points: readonly AckPoint[]): string | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return contentHash({
    riskCard: sorted.map((p) => ({
      code: p.code, name: p.name, kind: p.kind, location: p.location, grade: p.grade, hazards: p.hazards,
      accidentTypes: p.accidentTypes, measures: p.measures, emergencyMeasures: p.emergencyMeasures,
    })),
  });
}

/** Acknowledged ÷ people, as a whole percentage rounded down (99.6% is not everyone); null when nobody is counted. */
export function ackRate(acknowledged: number, people: number): number | null {
  if (people <= 0) return null;
  return Math.floor((Math.min(acknowledged, people) * 100) / people);
}

/** One person on one post, with the hash he acknowledged last for it (null: never). */
export type PersonOnPost = { employeeId: string; postId: string; ackedSha256: string | null };

/**
 * Who knows the risks of his posts: a person on at least one post with a card is counted; he knows them when he has
 * acknowledged the current card of every such post. A post without a card (no risk points) asks nothing of him.
 */
export function knowsRisks(rows: readonly PersonOnPost[], currentSha256: ReadonlyMap<string, string>): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const r of rows) {
    const current = currentSha256.get(r.postId);
    if (!current) continue;
    out.set(r.employeeId, (out.get(r.employeeId) ?? true) && r.ackedSha256 === current);
  }
  return out;
}
