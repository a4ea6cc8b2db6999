/**
 * `npm run bench -- emergency [--duration 10]`: the figures of issue 14, each against the SQL its path performs in the
 * same run:
 * a. from a quick report's submission to the regulator's bell changing in the browser, p95 over 200 reports, while
 *    hazard submissions run at half their sustained rate (`accident-bell.ts`) — target ≤ 5 s;
 * b. a quick report with 3 photos of ~300 KB on the embedded engine, 1 connection (`accident-report.ts`) — target
 *    p95 ≤ 300 ms;
 * c. the regulator's accident statistics (district scope) on PostgreSQL over the 10k-enterprise data set with five
 *    years of accidents (`npm run seed:scale`, phase 5), 4 connections (`emergency-stats.ts`) — target p95 ≤ 100 ms.
 * `BENCH_EMERGENCY_ONLY=a|b|c` runs one of them.
 */
import type { BenchKit } from './kit';
import { benchAccidentBell } from './accident-bell';
import { benchAccidentReport } from './accident-report';
import { benchEmergencyStats } from './emergency-stats';

export async function benchEmergency(kit: BenchKit): Promise<Record<string, unknown>> {
  console.log('\n== emergency: accident alert to the regulator\'s bell, the quick report with photos, accident statistics (issue 14) ==');
  const only = process.env.BENCH_EMERGENCY_ONLY;
  const out: Record<string, unknown> = {};
  if (!only || only === 'b') out.quickReport = await benchAccidentReport(kit);
  if (!only || only === 'c') out.statistics = await benchEmergencyStats(kit);
  if (!only || only === 'a') out.bell = await benchAccidentBell(kit);
  return out;
}
