/** Strings of the risk pages: [简体中文, English]. Merged into the app dictionary by app/i18n.ts. */
export const riskMessages = {
  'nav.risk': ['风险分级管控', 'Risk control'],
} as const satisfies Record<string, readonly [string, string]>;
