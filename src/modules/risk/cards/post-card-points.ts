import { wholeEnterprise, type Scope } from '../../../platform/auth/actor';
import type { Executor } from '../../../platform/db/database';
import type { AnyScope } from '../../../platform/db/scope';
import { findPost, postByToken, postPoints } from './risk-card.repository';

/**
 * The risk points a post's risk-notice card (岗位风险告知卡) shows, for other modules (issue 11 §9: the skills a new
 * hire's mentor signs off). The post is looked up in the caller's scope (null when he does not see it); the card then
 * reads as the whole enterprise's, as it hangs at the post (risk-card.service.ts).
 */
export async function postRiskCardPoints(db: Executor, scope: Scope, enterpriseId: string, postId: string) {
  const post = await findPost(db, scope, enterpriseId, postId);
  if (!post) return null;
  const rows = await postPoints(db, wholeEnterprise(enterpriseId), enterpriseId, postId);
  return { post: { id: post.id, name: post.name, unitPath: post.unit_path_name }, points: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, grade: r.grade })) };
}

/**
 * The enterprise and post a live risk-card token opens, for other modules (issue 14 §4: the accident quick report
 * reached from the same QR code). Unknown and revoked tokens both give null; public pages pass `systemScope`, the
 * token being the only credential.
 */
export async function postOfCardToken(db: Executor, scope: AnyScope, token: string): Promise<{ enterpriseId: string; postId: string } | null> {
  const hit = await postByToken(db, scope, token);
  return hit ? { enterpriseId: hit.enterprise_id, postId: hit.post_id } : null;
}
