import { lazy, Suspense, type ReactNode } from 'react';
import { useAuth } from '../../../app/auth';

const Forbidden = lazy(async () => ({ default: (await import('../../../app/components/Forbidden')).Forbidden }));

/** The route guard of the investment pages (the app's Permission type does not list module permissions). */
export function InvestmentGuard({ permission, children }: { permission: string; children: ReactNode }) {
  const { me } = useAuth();
  if (me?.permissions.includes(permission)) return <>{children}</>;
  return <Suspense fallback={null}><Forbidden /></Suspense>;
}
