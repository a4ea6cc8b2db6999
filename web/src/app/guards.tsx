import { lazy, type ReactNode } from 'react';
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
