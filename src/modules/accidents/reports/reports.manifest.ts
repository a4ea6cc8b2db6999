import type { ModuleManifest } from '../../../platform/module';

/** Issue 14 §4, R-ACC-1…3: quick reports (快报), reporting up, grading, supplementary reports, alerts, the regulators' inbox, near misses, statistics. */
export const reportsManifest: ModuleManifest = {
  name: 'accidents.reports', routes: [],
};
