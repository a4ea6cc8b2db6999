/**
 * The one palette of safety meaning, from the four-colour risk scheme (GB/T 2893, 红橙黄蓝): red is major and late,
 * orange is considerable and waiting on someone, yellow is general, blue is low and normal. Screens take their
 * warning colours from here so that overdue is never green and major never calm.
 */
export const SAFETY = { red: '#e53935', orange: '#fb8c00', yellow: '#fdd835', blue: '#1e88e5' } as const;

/** Text drawn in a colour on white: yellow needs a darker shade to be read. */
export const SAFETY_TEXT = { red: '#c62828', orange: '#d46b08', yellow: '#ad8b00', blue: '#1565c0' } as const;

/** Finished well — closed, on time, passed — is the only green on screen, and never the colour of a count of problems. */
export const DONE = '#43a047';
export const DONE_TEXT = '#2e7d32';
/** Nothing to show or nothing to do (a zero, a voided record). */
export const NEUTRAL = '#8c8c8c';

/** A workbench item's or a figure's tone, as a colour for its number (grey when there is nothing to do). */
export type Tone = 'danger' | 'warning' | 'normal';
export function toneColour(tone: Tone, count: number): string {
  if (count === 0) return NEUTRAL;
  return tone === 'danger' ? SAFETY_TEXT.red : tone === 'warning' ? SAFETY_TEXT.orange : SAFETY_TEXT.blue;
}

/**
 * What a colour says, from most to least urgent: danger is major, overdue, missed, failing and late; warning is
 * considerable, waiting on someone and due soon; general is general; normal is low, normal and informational; done is
 * finished well; none is nothing to do.
 */
export type Meaning = Tone | 'general' | 'done' | 'none';

export const MEANING_COLOUR: Record<Meaning, string> = {
  danger: SAFETY.red, warning: SAFETY.orange, general: SAFETY.yellow, normal: SAFETY.blue, done: DONE, none: NEUTRAL,
};
/** The same meanings as text or a number on white. */
export const MEANING_TEXT: Record<Meaning, string> = {
  danger: SAFETY_TEXT.red, warning: SAFETY_TEXT.orange, general: SAFETY_TEXT.yellow, normal: SAFETY_TEXT.blue, done: DONE_TEXT, none: NEUTRAL,
};
/** The same meanings as antd's light tag presets of the same hues, for `<Tag color>`. */
export const MEANING_TAG: Record<Meaning, string> = {
  danger: 'red', warning: 'orange', general: 'gold', normal: 'blue', done: 'green', none: 'default',
};

/**
 * What each counted thing means, so that a chart series, a slice or a figure is coloured by what it counts and never
 * by its position in a list. A count of problems is red or orange; green is kept for what finished well.
 * R-RISK-8: a grade 1–2 point without its warning signs, monitoring, emergency equipment or clear escape route is
 * failing, not pending, so missing R8 items are red.
 */
export const SERIES_MEANING = {
  overdue: 'danger', major: 'danger', majorOpen: 'danger', foundMajor: 'danger', missed: 'danger', fail: 'danger',
  failing: 'danger', controlFailing: 'danger', missingR8: 'danger', late: 'danger', grade1: 'danger',
  considerable: 'warning', open: 'warning', unrectified: 'warning', pending: 'warning', dueSoon: 'warning',
  unassessed: 'warning', grade2: 'warning',
  general: 'general', grade3: 'general',
  found: 'normal', low: 'normal', normal: 'normal', total: 'normal', grade4: 'normal',
  closed: 'done', fixed: 'done', done: 'done', onTime: 'done', pass: 'done',
  voided: 'none', na: 'none',
} as const satisfies Record<string, Meaning>;
export type SeriesKey = keyof typeof SERIES_MEANING;

export function isSeriesKey(key: string): key is SeriesKey {
  return Object.hasOwn(SERIES_MEANING, key);
}

/** A chart series' or slice's colour by what it counts (found, closed, overdue, major…). */
export function seriesColour(key: SeriesKey): string {
  return MEANING_COLOUR[SERIES_MEANING[key]];
}

/** A figure's number colour by what it counts; a zero problem is plain, not red. */
export function figureColour(key: SeriesKey, value: number): string | undefined {
  return value === 0 ? undefined : MEANING_TEXT[SERIES_MEANING[key]];
}

/**
 * Colours for categories that carry no safety meaning (hazard source, unit, subdistrict, employment form): none is a
 * safety colour or green, so no category reads as a warning or as done.
 */
export const CATEGORY = {
  blue: '#1f5fbf', cyan: '#13a8a8', purple: '#722ed1', slate: '#546e7a', magenta: '#c41d7f', indigo: '#5c6bc0', brown: '#8d6e63', violet: '#9575cd',
} as const;
export const CATEGORY_COLOURS: readonly string[] = Object.values(CATEGORY);

export function categoryColour(index: number): string {
  return CATEGORY_COLOURS[index % CATEGORY_COLOURS.length]!;
}

/**
 * antd's own status colours and the tag presets that MEANING_TAG names, seeded from this palette, so that a danger
 * text, an error alert, a failing progress ring or a red tag is the same red as a chart's overdue series.
 */
export const ANTD_TOKENS = {
  colorError: SAFETY.red, colorWarning: SAFETY.orange, colorSuccess: DONE,
  red: SAFETY.red, orange: SAFETY.orange, gold: SAFETY.yellow, blue: SAFETY.blue, green: DONE,
} as const;
