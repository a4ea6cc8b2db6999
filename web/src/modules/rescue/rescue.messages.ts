/** Strings of the rescue organisation and resources screens: [简体中文, English]. Merged into the app dictionary by app/i18n.ts. */
export const rescueMessages = {
  'rescue.title': ['应急救援力量与物资', 'Rescue and resources'],
} as const satisfies Record<string, readonly [string, string]>;
