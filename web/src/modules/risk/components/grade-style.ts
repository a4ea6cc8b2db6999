import { SAFETY, SAFETY_TEXT } from '../../../app/palette';
import type { Grade } from '../api/risk-grading';

/** R-RISK-2: the four colours as printed on maps, boards and cards; text stays readable on each. */
export const GRADE_HEX: Record<Grade, string> = { 1: SAFETY.red, 2: SAFETY.orange, 3: SAFETY.yellow, 4: SAFETY.blue };
export const GRADE_TEXT: Record<Grade, string> = { 1: '#ffffff', 2: '#ffffff', 3: '#3d3200', 4: '#ffffff' };
/** A grade's colour for a number or text on white (a count of grade-3 points in yellow could not be read). */
export const GRADE_ON_WHITE: Record<Grade, string> = { 1: SAFETY_TEXT.red, 2: SAFETY_TEXT.orange, 3: SAFETY_TEXT.yellow, 4: SAFETY_TEXT.blue };
export const GRADES: readonly Grade[] = [1, 2, 3, 4];

export function isGrade(v: unknown): v is Grade {
  return v === 1 || v === 2 || v === 3 || v === 4;
}
