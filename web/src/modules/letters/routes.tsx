import { Outlet, type RouteObject } from 'react-router';
import { RequireSession } from '../../app/guards';
import { Full, handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

// Every letter page is its own chunk. The public commitment page behind the poster's QR code is not a page of the app
// at all: it is its own small entry (web/public-commitment.html, web/src/public/commitment.ts), served at /p/commitment/.
const CampaignsPage = page(() => import('./pages/CampaignsPage'), 'CampaignsPage');
const CampaignDetailPage = page(() => import('./pages/CampaignDetailPage'), 'CampaignDetailPage');
const SignForOthersPage = page(() => import('./pages/SignForOthersPage'), 'SignForOthersPage');
const MyLettersPage = page(() => import('./pages/MyLettersPage'), 'MyLettersPage');
const CommitmentPage = page(() => import('./pages/CommitmentPage'), 'CommitmentPage');
const CommitmentOverviewPage = page(() => import('./pages/CommitmentOverviewPage'), 'CommitmentOverviewPage');
const LetterPrintPage = page(() => import('./pages/LetterPrintPage'), 'LetterPrintPage');
const CommitmentPosterPage = page(() => import('./pages/CommitmentPosterPage'), 'CommitmentPosterPage');
const DailyNoticePage = page(() => import('./pages/DailyNoticePage'), 'DailyNoticePage');
const DailyNoticeOverviewPage = page(() => import('./pages/DailyNoticeOverviewPage'), 'DailyNoticeOverviewPage');
const DailyNoticePrintPage = page(() => import('./pages/DailyNoticePrintPage'), 'DailyNoticePrintPage');

/** Letter and commitment pages inside the signed-in layout (children of '/'). */
export const lettersRoutes: RouteObject[] = [
  {
    path: 'letters',
    children: [
      { path: 'mine', element: <RequireModulePermission permission="letters.sign"><MyLettersPage /></RequireModulePermission>, handle: handle('nav.myLetters') },
      {
        path: 'campaigns',
        handle: handle('nav.letterCampaigns'),
        children: [
          { index: true, element: <RequireModulePermission permission="letters.read"><CampaignsPage /></RequireModulePermission> },
          {
            path: ':id',
            handle: handle('crumb.letterCampaign'),
            children: [
              { index: true, element: <RequireModulePermission permission="letters.read"><CampaignDetailPage /></RequireModulePermission> },
              { path: 'sign-for-others', element: <RequireModulePermission permission="letters.read"><SignForOthersPage /></RequireModulePermission>, handle: handle('crumb.signForOthers') },
            ],
          },
        ],
      },
      { path: 'commitment', element: <RequireModulePermission permission="commitment.read"><CommitmentPage /></RequireModulePermission>, handle: handle('nav.commitment') },
      { path: 'commitments', element: <RequireModulePermission permission="commitment.supervise"><CommitmentOverviewPage /></RequireModulePermission>, handle: handle('nav.commitmentOverview') },
      { path: 'daily-notice', element: <RequireModulePermission permission="daily_notice.read"><DailyNoticePage /></RequireModulePermission>, handle: handle('nav.dailyNotice') },
      { path: 'daily-notices', element: <RequireModulePermission permission="daily_notice.supervise"><DailyNoticeOverviewPage /></RequireModulePermission>, handle: handle('nav.dailyNoticeOverview') },
    ],
  },
];

/**
 * Pages outside the app frame: the print pages (a letter, the poster, the daily notice), which need a session but no
 * menu, so that what prints is the sheet alone.
 */
export const lettersPublicRoutes: RouteObject[] = [
  {
    path: '/letters/print/:enterpriseId',
    element: <RequireSession><Full><Outlet /></Full></RequireSession>,
    children: [
      { path: 'letters/:id', element: <RequireModulePermission permission="letters.sign"><LetterPrintPage /></RequireModulePermission> },
      { path: 'commitments/:id', element: <RequireModulePermission permission="commitment.read"><CommitmentPosterPage /></RequireModulePermission> },
      { path: 'daily-notices/:id', element: <RequireModulePermission permission="daily_notice.read"><DailyNoticePrintPage /></RequireModulePermission> },
    ],
  },
];
