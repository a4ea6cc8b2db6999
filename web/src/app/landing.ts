import type { Me } from '../modules/auth/api/auth.api';

/** Where a user starts: enterprise users on their own enterprise, everyone else on the home page. */
export function landingPath(me: Me): string {
  if (me.scope.enterpriseId && me.permissions.includes('enterprise.read')) return `/enterprises/${me.scope.enterpriseId}`;
  return '/';
}

/** A `next` parameter is followed only when it stays inside the app. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
