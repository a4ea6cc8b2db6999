import type { Db } from './db/database';
import type { Actor, Ctx } from './auth/actor';

/**
 * The to-do workbench (待办/工作台) at the top of every home page (issue 10 §1): each module says, for the person asking,
 * how much work of each kind waits for them and which filtered list shows it. Modules plug in through their manifest
 * (`workbench`); the platform asks every module and answers `GET /api/v1/workbench` (src/modules/workbench).
 *
 * - `key` names the item; its label is the message `workbench.<key>` (the module registers it, both locales).
 * - `to` is the web address of the list that shows exactly what `count` counts.
 * - `tone`: `danger` for what is late or major (red), `warning` for what waits on the person (orange), `normal` else.
 * - `detail`: an optional second figure named by the message `workbench.<key>.detail` with `{n}`.
 * - `urge`: a regulator's one-click reminder (催报) to those who have not done it: the API path to POST and its body
 *   (src/platform/urge.ts sends it), and when this office last urged it today.
 */
export type WorkbenchItem = {
  key: string;
  count: number;
  to: string;
  tone: 'danger' | 'warning' | 'normal';
  detail?: number;
  urge?: { path: string; body: Record<string, string | number>; urgedAt: Date | null };
};

export type WorkbenchSource = (db: Db, ctx: Ctx & { actor: Actor }) => Promise<WorkbenchItem[]>;

const sources = new Map<string, WorkbenchSource>();

/** Called by installModules for each module that declares a workbench source. */
export function registerWorkbenchSource(module: string, source: WorkbenchSource): void {
  sources.set(module, source);
}

/** Every source, in the order the modules were installed. */
export function workbenchSources(): [string, WorkbenchSource][] {
  return [...sources];
}
