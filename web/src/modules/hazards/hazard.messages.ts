/** Strings of the hazard pages: [简体中文, English]. Merged into the app dictionary by app/i18n.ts. */
export const hazardMessages = {
  'nav.hazards': ['隐患排查治理', 'Hazards'],
} as const satisfies Record<string, readonly [string, string]>;
