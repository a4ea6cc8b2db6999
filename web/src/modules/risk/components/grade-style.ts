import { SAFETY } from '../../../app/palette';
import type { Grade } from '../api/risk-grading';

/** R-RISK-2: the four colours as printed on maps, boards and cards; text stays readable on each. */
export const GRADE_HEX: Record<Grade, string> = { 1: SAFETY.red, 2: SAFETY.orange, 3: SAFETY.yellow, 4: SAFETY.blue };
export const GRADE_TEXT: Record<Grade, string> = { 1: '#ffffff', 2: '#ffffff', 3: '#3d3200', 4: '#ffffff' };
export const GRADES: readonly Grade[] = [1, 2, 3, 4];

export function isGrade(v: unknown): v is Grade {
  return v === 1 || v === 2 || v === 3 || v === 4;
}
