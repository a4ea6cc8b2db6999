/** Strings of the emergency plan screens: [简体中文, English]. Merged into the app dictionary by app/i18n.ts. */
export const emergencyPlansMessages = {
  'emergencyPlans.title': ['应急预案', 'Emergency plans'],
} as const satisfies Record<string, readonly [string, string]>;
