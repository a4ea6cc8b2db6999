import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { DocumentsGuard } from './components/DocumentsGuard';

const DocumentsPage = page(() => import('./pages/DocumentsPage'), 'DocumentsPage');
const MyDocumentsPage = page(() => import('./pages/MyDocumentsPage'), 'MyDocumentsPage');
const LawsPage = page(() => import('./pages/LawsPage'), 'LawsPage');
const DocumentsOverviewPage = page(() => import('./pages/DocumentsOverviewPage'), 'DocumentsOverviewPage');

/** The rules and procedures pages inside the signed-in layout (children of '/'). */
export const documentsRoutes: RouteObject[] = [
  { path: 'documents', element: <DocumentsGuard permission="documents.read"><DocumentsPage /></DocumentsGuard>, handle: handle('nav.documents') },
  { path: 'documents/mine', element: <DocumentsGuard permission="documents.acknowledge"><MyDocumentsPage /></DocumentsGuard>, handle: handle('nav.myDocuments') },
  { path: 'documents/overview', element: <DocumentsGuard permission="documents.supervise"><DocumentsOverviewPage /></DocumentsGuard>, handle: handle('nav.documentsOverview') },
  { path: 'laws', element: <DocumentsGuard permission="documents.read"><LawsPage /></DocumentsGuard>, handle: handle('nav.laws') },
];
