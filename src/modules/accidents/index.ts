import type { ModuleManifest } from '../../platform/module';
import { followupManifest } from './followup/followup.manifest';
import { reportsManifest } from './reports/reports.manifest';

/**
 * Accidents (事故报告, RULES.md §5 R-ACC-1…3, R-RESP-8, issue 14): quick and supplementary reports, grading, reporting
 * up and alerts (reports/); investigation and the regulators' interviews (followup/). Each sub-domain is its own
 * manifest, listed once in src/app.ts.
 */
export const accidentModules: readonly ModuleManifest[] = [reportsManifest, followupManifest];

// What the standardisation self-assessment reads of a year's accidents (element 5.7, R-STD-1).
export { accidentFacts, type AccidentFacts } from './accident.facts';
