import { Breadcrumb } from 'antd';
import { Link, useMatches } from 'react-router';
import { useAuth } from '../auth';
import { usePageTitleValue } from '../components/PageTitle';
import { useI18n, type MessageKey } from '../i18n';
import { useIsMobile } from '../responsive';

export type RouteHandle = { crumb?: MessageKey; crumbLink?: boolean };

export function AppBreadcrumb() {
  const matches = useMatches();
  const { t } = useI18n();
  const { me } = useAuth();
  const pageTitle = usePageTitleValue();
  const isMobile = useIsMobile();

  const crumbs: { key: string; label: string; to?: string }[] = [];
  const seen = new Set<string>();
  for (const m of matches) {
    const handle = m.handle as RouteHandle | undefined;
    if (!handle?.crumb || seen.has(m.pathname)) continue;
    seen.add(m.pathname);
    // Enterprise users have no directory: their enterprise hangs directly under home.
    if (handle.crumb === 'nav.enterprises' && me?.scope.enterpriseId) continue;
    crumbs.push({ key: m.id, label: t(handle.crumb), to: handle.crumbLink !== false ? m.pathname : undefined });
  }
  if (crumbs.length <= 1 && !pageTitle) return null;
  const last = crumbs[crumbs.length - 1];
  if (last && pageTitle) last.label = pageTitle;

  return (
    <Breadcrumb
      data-testid="breadcrumb"
      style={{ marginBottom: isMobile ? 8 : 16 }}
      items={crumbs.map((c, i) => ({
        key: c.key,
        title: c.to && i < crumbs.length - 1 ? <Link to={c.to}>{c.label}</Link> : c.label,
      }))}
    />
  );
}
