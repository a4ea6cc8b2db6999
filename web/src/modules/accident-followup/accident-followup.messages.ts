/** Strings of the investigation and interview screens: [简体中文, English]. Merged into the app dictionary by app/i18n.ts. */
export const accidentFollowupMessages = {
  'accidentFollowup.title': ['事故调查与约谈', 'Investigation and interviews'],
} as const satisfies Record<string, readonly [string, string]>;
