import type { ModuleManifest } from '../../platform/module';
import { dailyNoticeManifest } from './daily-notice/daily-notice.manifest';
import { dutyListsManifest } from './duty-lists/duty-lists.manifest';
import { keyMomentsManifest } from './key-moments/key-moments.manifest';
import { lettersManifest } from './letters/letters.manifest';
import { meetingsManifest } from './meetings/meetings.manifest';
import { tenOnesManifest } from './ten-ones/ten-ones.manifest';

/**
 * The full-staff responsibility system (责任体系, RULES.md §1, issue 11): duty lists by post and their coverage,
 * reviews and yearly assessment (duty-lists/), letters, commitments and their signing campaigns (letters/), safety
 * meetings (meetings/), the principal's "ten ones" and five-in-place (ten-ones/), and the hazardous-chemical enterprises'
 * daily risk assessment and commitment notice (daily-notice/). Each sub-domain is mounted as its
 * own manifest, listed once in src/app.ts.
 */
export const responsibilityModules: readonly ModuleManifest[] = [dutyListsManifest, lettersManifest, meetingsManifest, tenOnesManifest, keyMomentsManifest, dailyNoticeManifest];

// Duty-list coverage (R-RESP-1) for other modules, e.g. R-RESP-4 "responsibility in place": `(await dutyCoverage(db, wholeEnterprise(id), id)).complete`.
export { dutyCoverage } from './duty-lists/duty-coverage.service';
export type { Coverage as DutyCoverage, Ratio as CoverageRatio } from './duty-lists/duty-coverage.rules';
// Issue 14: an accident investigation cites the duty-list versions in force on the accident's day.
export { dutyListsInForceAt } from './duty-lists/duty-list.repository';
