import type { Post } from './org.api';

/**
 * A post named with its unit below the company, "操作工 · 一车间 / 甲班": several units may each have an "操作工",
 * and a picker or a printed card must tell them apart.
 */
export function postLabel(post: Pick<Post, 'name' | 'unitPath'>): string {
  return post.unitPath ? `${post.name} · ${post.unitPath}` : post.name;
}
