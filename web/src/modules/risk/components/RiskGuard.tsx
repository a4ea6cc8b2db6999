import { lazy, Suspense, type ReactNode } from 'react';
import { useAuth } from '../../../app/auth';

const Forbidden = lazy(async () => ({ default: (await import('../../../app/components/Forbidden')).Forbidden }));

export type RiskPermission = 'risk.read' | 'risk.manage' | 'risk.rules' | 'risk.supervise' | 'risk.report.confirm' | 'risk.report.submit'
  | 'risk.card.acknowledge' | 'risk.card.proxy' | 'risk.card.acks';

/** The route guard for risk pages (the app's Permission type does not list the risk permissions yet). */
export function RiskGuard({ permission, children }: { permission: RiskPermission; children: ReactNode }) {
  const { me } = useAuth();
  if (me?.permissions.includes(permission)) return <>{children}</>;
  return <Suspense fallback={null}><Forbidden /></Suspense>;
}

export function useRiskCan(): (permission: RiskPermission) => boolean {
  const { me } = useAuth();
  return (permission) => !!me?.permissions.includes(permission);
}
