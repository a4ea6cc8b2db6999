import type { ModuleManifest } from '../../../platform/module';

/** Issue 14 §4–5, R-RESP-8: investigation, 漏报/谎报/瞒报 findings, interviews (约谈) of the principal and their rate. */
export const followupManifest: ModuleManifest = {
  name: 'accidents.followup', routes: [],
};
