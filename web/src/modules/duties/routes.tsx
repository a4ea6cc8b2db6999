import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { DutyGuard } from './components/DutyGuard';

const DutyListsPage = page(() => import('./pages/DutyListsPage'), 'DutyListsPage');
const DutyListPage = page(() => import('./pages/DutyListPage'), 'DutyListPage');
const DutyCoveragePage = page(() => import('./pages/DutyCoveragePage'), 'DutyCoveragePage');
const DutyPublicationPage = page(() => import('./pages/DutyPublicationPage'), 'DutyPublicationPage');
const DutyPublicationPrintPage = page(() => import('./pages/DutyPublicationPrintPage'), 'DutyPublicationPrintPage');
const DutyReviewsPage = page(() => import('./pages/DutyReviewsPage'), 'DutyReviewsPage');
const DutyAssessmentsPage = page(() => import('./pages/DutyAssessmentsPage'), 'DutyAssessmentsPage');
const DutyAssessmentPage = page(() => import('./pages/DutyAssessmentPage'), 'DutyAssessmentPage');
const DutyNoticePage = page(() => import('./pages/DutyNoticePage'), 'DutyNoticePage');

/** The duty pages inside the signed-in layout (children of '/'); the obligations engine links the review and assessment pages. */
export const dutyRoutes: RouteObject[] = [
  {
    path: 'duty-lists',
    handle: handle('nav.dutyLists'),
    children: [
      { index: true, element: <DutyGuard permission="duty.read"><DutyListsPage /></DutyGuard> },
      { path: ':id', element: <DutyGuard permission="duty.read"><DutyListPage /></DutyGuard>, handle: handle('crumb.dutyList') },
    ],
  },
  {
    path: 'duty-coverage',
    handle: handle('nav.dutyCoverage'),
    children: [
      { index: true, element: <DutyGuard permission="duty.coverage"><DutyCoveragePage /></DutyGuard> },
      { path: ':enterpriseId', element: <DutyGuard permission="duty.coverage"><DutyCoveragePage /></DutyGuard>, handle: handle('crumb.enterpriseDetail') },
    ],
  },
  {
    path: 'duty-publication',
    handle: handle('nav.dutyPublication'),
    children: [
      { index: true, element: <DutyGuard permission="duty.read"><DutyPublicationPage /></DutyGuard> },
      { path: 'print', element: <DutyGuard permission="duty.read"><DutyPublicationPrintPage /></DutyGuard>, handle: handle('crumb.dutyPrint') },
    ],
  },
  { path: 'duty-reviews', element: <DutyGuard permission="duty.read"><DutyReviewsPage /></DutyGuard>, handle: handle('nav.dutyReviews') },
  {
    path: 'duty-assessments',
    handle: handle('nav.dutyAssessments'),
    children: [
      { index: true, element: <DutyGuard permission="duty.read"><DutyAssessmentsPage /></DutyGuard> },
      { path: ':id', element: <DutyGuard permission="duty.read"><DutyAssessmentPage /></DutyGuard>, handle: handle('crumb.dutyAssessment') },
      { path: ':id/notice', element: <DutyGuard permission="duty.read"><DutyNoticePage /></DutyGuard>, handle: handle('crumb.dutyNotice') },
    ],
  },
];
