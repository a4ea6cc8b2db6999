import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const TrainingPage = page(() => import('./pages/TrainingPage'), 'TrainingPage');
const PersonArchivePage = page(() => import('./pages/PersonArchivePage'), 'PersonArchivePage');
const ReviewPage = page(() => import('./pages/ReviewPage'), 'ReviewPage');
const CheckinPage = page(() => import('./pages/CheckinPage'), 'CheckinPage');
const MyTrainingPage = page(() => import('./pages/MyTrainingPage'), 'MyTrainingPage');
const TrainingOverviewPage = page(() => import('./pages/TrainingOverviewPage'), 'TrainingOverviewPage');


/** The training pages inside the signed-in layout (children of '/'). */
export const trainingRoutes: RouteObject[] = [
  { path: 'training', element: <RequireModulePermission permission="training.read"><TrainingPage /></RequireModulePermission>, handle: handle('nav.training') },
  { path: 'training/people/:employeeId', element: <RequireModulePermission permission="training.read"><PersonArchivePage /></RequireModulePermission>, handle: handle('training.archive.title') },
  { path: 'training/review', element: <RequireModulePermission permission="training.review"><ReviewPage /></RequireModulePermission>, handle: handle('training.review.title') },
  { path: 'training/checkin/:token', element: <RequireModulePermission permission="training.attend"><CheckinPage /></RequireModulePermission>, handle: handle('training.checkin.title') },
  { path: 'my-training', element: <RequireModulePermission permission="training.attend"><MyTrainingPage /></RequireModulePermission>, handle: handle('nav.myTraining') },
  { path: 'training-overview', element: <RequireModulePermission permission="training.supervise"><TrainingOverviewPage /></RequireModulePermission>, handle: handle('nav.trainingOverview') },
];
