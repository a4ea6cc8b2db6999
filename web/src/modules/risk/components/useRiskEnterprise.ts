import { useParams } from 'react-router';
import { useMe } from '../../../app/auth';

export type RiskEnterprise = {
  enterpriseId: string | undefined;
  /** A regulator (or the admin) looking at an enterprise from the overview: read-only, links stay under the overview. */
  drillDown: boolean;
  /** Where this enterprise's ledger lives; its map is `${base}/map`. */
  base: string;
};

/** The enterprise a risk page shows: the `:enterpriseId` of a drill-down, else the user's own enterprise. */
export function useRiskEnterprise(): RiskEnterprise {
  const me = useMe();
  const { enterpriseId } = useParams();
  if (enterpriseId) return { enterpriseId, drillDown: true, base: `/risk/overview/${enterpriseId}` };
  return { enterpriseId: me.scope.enterpriseId ?? undefined, drillDown: false, base: '/risk' };
}
