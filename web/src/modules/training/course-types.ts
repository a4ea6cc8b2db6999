import type { MessageKey } from '../../app/i18n';

/** The course types of R-TRN-1 (server: src/modules/management/training), each with its name's message key. */

export const COURSE_TYPES = [
  'legal_education', 'induction_company', 'induction_workshop', 'induction_team', 'special', 'regular', 'emergency', 'retraining', 'other',
] as const;
export type CourseType = (typeof COURSE_TYPES)[number];
export const courseKey = (c: CourseType): MessageKey => `training.type.${c}`;
