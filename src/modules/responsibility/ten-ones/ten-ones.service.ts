import { requireActor, wholeEnterprise, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { localYear } from '../../../platform/time';
import { emergencyFacts } from '../../emergency';
import { managementFacts } from '../../management';
import { boardEnterpriseList, enterpriseRates } from '../../obligations';
import { dutyCoverage } from '../duty-lists/duty-coverage.service';
import { fiveInPlace } from './five-in-place.rules';
import { currentCommitments, letterFigures } from './ten-ones.repository';

/** Whether the caller may read the enterprise (404 otherwise): its rates answer only inside the caller's scope. */
async function ratesOf(db: Db, ctx: Ctx, enterpriseId: string, year: number) {
  return enterpriseRates(db, ctx, enterpriseId, year);
}

/**
 * R-RESP-4: the principal's five-in-place panel for an enterprise, with the figures each indicator reads, and his
 * fulfilment rate of the year beside it.
 */
export async function fiveInPlacePanel(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  if (actor.scope.kind === 'enterprise' && (actor.scope.enterpriseId !== enterpriseId || actor.scope.capacity !== 'manager')) throw new AppError('NOT_FOUND');
  const year = localYear(ctx.now);
  const rates = await ratesOf(db, ctx, enterpriseId, year);
  const [coverage, [letters], managed, emergency] = await Promise.all([
    dutyCoverage(db, wholeEnterprise(enterpriseId), enterpriseId),
    letterFigures(db, actor.scope, [enterpriseId], year),
    managementFacts(db, enterpriseId, ctx.now),
    emergencyFacts(db, enterpriseId, ctx.now),
  ]);
  const lettersFacts = letters ? { roster: letters.roster, done: letters.done, complete: letters.status === 'completed' || (letters.roster > 0 && letters.done >= letters.roster) } : null;
  return {
    year,
    indicators: fiveInPlace({
      coverage: { postsPercent: coverage.posts.percent, peoplePercent: coverage.people.percent, complete: coverage.complete }, letters: lettersFacts, ...managed,
      emergency,
    }),
    emergency,
    management: managed.management,
    investment: managed.investment,
    coverage: { posts: coverage.posts, people: coverage.people },
    letters: lettersFacts,
    principalRate: rates.principal,
  };
}

/**
 * Issue 11 §10: per enterprise in the regulator's scope — duty-list coverage, this year's letter signing, the
 * principal's fulfilment rate, overdue duties, the current commitment; sorted and filtered by the board's drill-down
 * (which also decides the scope), a page at a time.
 */
export async function responsibilityOverview(db: Db, ctx: Ctx, q: Parameters<typeof boardEnterpriseList>[2]) {
  const actor = requireActor(ctx);
  const page = await boardEnterpriseList(db, ctx, q);
  const ids = page.items.map((i) => i.enterpriseId);
  const [letters, commitments, coverages] = await Promise.all([
    letterFigures(db, actor.scope, ids, q.year),
    currentCommitments(db, actor.scope, ids),
    Promise.all(ids.map((id) => dutyCoverage(db, wholeEnterprise(id), id))),
  ]);
  const letterOf = new Map(letters.map((l) => [l.enterprise_id, l]));
  const commitmentOf = new Map(commitments.map((c) => [c.enterprise_id, c]));
  return {
    ...page,
    items: page.items.map((i, k) => {
      const l = letterOf.get(i.enterpriseId);
      const c = commitmentOf.get(i.enterpriseId);
      return {
        ...i,
        coveragePosts: coverages[k]!.posts.percent, coveragePeople: coverages[k]!.people.percent,
        lettersRoster: l?.roster ?? null, lettersDone: l?.done ?? null,
        commitmentYear: c?.year ?? null, commitmentSignedAt: c?.signed_at ?? null,
      };
    }),
  };
}
