import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './auth';
import { PageLoading } from './components/PageLoading';
import type { Permission } from '../modules/auth/api/auth.api';

// The 403 page carries antd's Result illustrations: loaded only when someone actually hits it.
const Forbidden = lazy(async () => ({ default: (await import('./components/Forbidden')).Forbidden }));

/** Signed-in users only; a user who must change the initial password can reach nothing else. */
export function RequireSession({ children, passwordPage = false }: { children: ReactNode; passwordPage?: boolean }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <PageLoading full />;
  if (me === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && !passwordPage) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? <>{children}</> : <Forbidden />;
}

/**
 * A module page's guard: the signed-in user holds the permission (a module's permissions are not in the app's
 * `Permission` type: they join the vocabulary from each server module), and optionally more about who the page is for.
 * The server refuses the same callers either way.
 */
export function RequireModulePermission({ permission, when, children }: { permission: string; when?: (me: NonNullable<ReturnType<typeof useAuth>['me']>) => boolean; children: ReactNode }) {
  const { me } = useAuth();
  if (me?.permissions.includes(permission) && (!when || when(me))) return <>{children}</>;
  return <Suspense fallback={null}><Forbidden /></Suspense>;
}
