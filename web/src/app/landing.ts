import type { Me } from '../modules/auth/api/auth.api';

/** Where a user starts: the home page, whose workbench says what waits on them (issue 10 §1). */
export function landingPath(_me: Me): string {
  return '/';
}

/** An enterprise user's own enterprise file, if their role may read it. */
export function ownEnterprisePath(me: Me): string | null {
  return me.scope.enterpriseId && me.permissions.includes('enterprise.read') ? `/enterprises/${me.scope.enterpriseId}` : null;
}

/** A `next` parameter is followed only when it stays inside the app. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
