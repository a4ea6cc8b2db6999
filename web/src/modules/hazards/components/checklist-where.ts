import { postLabel } from '../../org/api/post-label';

type Where = { orgUnitName: string | null; unitPath: string | null; postName: string | null };

/**
 * Where a checklist applies: its post with the unit path ("操作工 · 一车间 / 甲班") or its unit's path; empty for the
 * whole enterprise. The path, not the unit's own name, because two workshops may each have a 甲班 with an 操作工.
 */
export function checklistWhere(c: Where): string {
  const unit = c.unitPath ?? c.orgUnitName ?? '';
  return c.postName ? postLabel({ name: c.postName, unitPath: unit }) : unit;
}
