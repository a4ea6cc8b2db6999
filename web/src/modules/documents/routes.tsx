import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const DocumentsPage = page(() => import('./pages/DocumentsPage'), 'DocumentsPage');
const MyDocumentsPage = page(() => import('./pages/MyDocumentsPage'), 'MyDocumentsPage');
const LawsPage = page(() => import('./pages/LawsPage'), 'LawsPage');
const DocumentsOverviewPage = page(() => import('./pages/DocumentsOverviewPage'), 'DocumentsOverviewPage');

/** The rules and procedures pages inside the signed-in layout (children of '/'). */
export const documentsRoutes: RouteObject[] = [
  { path: 'documents', element: <RequireModulePermission permission="documents.read"><DocumentsPage /></RequireModulePermission>, handle: handle('nav.documents') },
  { path: 'documents/mine', element: <RequireModulePermission permission="documents.acknowledge"><MyDocumentsPage /></RequireModulePermission>, handle: handle('nav.myDocuments') },
  { path: 'documents/overview', element: <RequireModulePermission permission="documents.supervise"><DocumentsOverviewPage /></RequireModulePermission>, handle: handle('nav.documentsOverview') },
  { path: 'laws', element: <RequireModulePermission permission="documents.read"><LawsPage /></RequireModulePermission>, handle: handle('nav.laws') },
];
