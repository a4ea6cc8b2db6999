/** Strings of the drill screens: [简体中文, English]. Merged into the app dictionary by app/i18n.ts. */
export const drillsMessages = {
  'drills.title': ['应急演练', 'Drills'],
} as const satisfies Record<string, readonly [string, string]>;
