/** Strings of the accident report screens: [简体中文, English]. Merged into the app dictionary by app/i18n.ts. */
export const accidentsMessages = {
  'accidents.title': ['事故报告', 'Accident reports'],
} as const satisfies Record<string, readonly [string, string]>;
