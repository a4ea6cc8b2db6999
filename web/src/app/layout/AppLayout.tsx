import { Suspense, useEffect, useState } from 'react';
import { Drawer, Layout } from 'antd';
import { Outlet, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading';
import { PageTitleProvider } from '../components/PageTitle';
import { useIsMobile } from '../responsive';
import { AppBreadcrumb } from './AppBreadcrumb';
import { AppHeader } from './AppHeader';
import { Brand } from './Brand';
import { BottomTabs, useBottomTabs } from './BottomTabs';
import { SideMenu } from './SideMenu';

/** The signed-in frame: side menu (a drawer below 768 px), header, breadcrumb and the page; on a phone, workers and team leaders also get the bottom tab bar. */
export function AppLayout() {
  const isMobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  const bottomTabs = useBottomTabs(isMobile);

  useEffect(() => setDrawerOpen(false), [pathname]);
  useEffect(() => {
    if (!isMobile) setDrawerOpen(false);
  }, [isMobile]);

  return (
    <PageTitleProvider>
      <Layout data-testid="app-layout" style={{ minHeight: '100vh' }}>
        {!isMobile && (
          <Layout.Sider
            width={224}
            collapsedWidth={64}
            collapsed={collapsed}
            trigger={null}
            style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          >
            <Brand collapsed={collapsed} dark />
            <SideMenu theme="dark" collapsed={collapsed} />
          </Layout.Sider>
        )}
        {isMobile && (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={288}
            title={<Brand collapsed={false} />}
            styles={{ body: { padding: 0 } }}
            data-testid="nav-drawer"
          >
            <SideMenu theme="light" onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Layout style={{ minWidth: 0 }}>
          <AppHeader
            isMobile={isMobile}
            collapsed={collapsed}
            onToggle={() => (isMobile ? setDrawerOpen(true) : setCollapsed((c) => !c))}
          />
          <Layout.Content style={{ padding: isMobile ? 12 : 24, paddingBottom: bottomTabs ? 76 : undefined, minWidth: 0 }}>
            <AppBreadcrumb />
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
          {bottomTabs && <BottomTabs tabs={bottomTabs} />}
        </Layout>
      </Layout>
    </PageTitleProvider>
  );
}
