import { requireActor, type Ctx } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import type { Db, Executor } from '../../../platform/db/database';
import type { AnyScope } from '../../../platform/db/scope';
import { computeCoverage, ratio, type Coverage } from './duty-coverage.rules';
import { coverageByEnterprise, coveragePeople, coveragePosts, coverageUnits } from './duty-coverage.repository';
import type { CoverageListQuery } from './duty-list.schema';

/**
 * R-RESP-1: an enterprise's duty-list coverage as the scope sees it (a unit leader his subtree): posts with a current
 * list ÷ all posts, people covered ÷ all active people of every employment form, by unit, and who is not covered yet.
 * Other modules read it through the responsibility module's door (R-RESP-4 "responsibility in place": `complete`),
 * passing `wholeEnterprise(id)` or the caller's scope.
 */
export async function dutyCoverage(db: Executor, scope: AnyScope, enterpriseId: string): Promise<Coverage> {
  const [units, posts, people] = await Promise.all([coverageUnits(db, scope, enterpriseId), coveragePosts(db, scope, enterpriseId), coveragePeople(db, scope, enterpriseId)]);
  return computeCoverage(units, posts, people);
}

export async function getCoverage(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const c = await dutyCoverage(db, actor.scope, enterpriseId);
  return {
    posts: c.posts, people: c.people, byForm: c.byForm, complete: c.complete,
    byUnit: c.byUnit,
    uncoveredPosts: c.uncoveredPosts.map((p) => ({ id: p.id, name: p.name, unitId: p.unitId, unitName: p.unitName })),
    uncoveredPeople: c.uncoveredPeople.map((p) => ({ id: p.id, name: p.name, unitId: p.unitId, unitName: p.unitName, employmentForm: p.employmentForm, postNames: p.postNames })),
  };
}

/** The regulators' list (and an enterprise user's own row): coverage of every enterprise in scope. */
export async function listCoverage(db: Db, ctx: Ctx, q: CoverageListQuery) {
  const actor = requireActor(ctx);
  const page = await coverageByEnterprise(db, actor.scope, q);
  return {
    ...page,
    items: page.items.map((r) => {
      const posts = ratio(Number(r.posts_covered), Number(r.posts_total));
      const people = ratio(Number(r.people_covered), Number(r.people_total));
      return {
        enterpriseId: r.id, enterpriseName: r.name, subdistrictName: r.subdistrict_name, industryName: r.industry_name, posts, people,
        complete: posts.percent === 100 && people.percent === 100,
      };
    }),
  };
}
