/**
 * The one palette of safety meaning, from the four-colour risk scheme (GB/T 2893, 红橙黄蓝): red is major and late,
 * orange is considerable and waiting on someone, yellow is general, blue is low and normal. Screens take their
 * warning colours from here so that overdue is never green and major never calm.
 */
export const SAFETY = { red: '#e53935', orange: '#fb8c00', yellow: '#fdd835', blue: '#1e88e5' } as const;

/** Text drawn in a colour on white: yellow needs a darker shade to be read. */
export const SAFETY_TEXT = { red: '#c62828', orange: '#d46b08', yellow: '#ad8b00', blue: '#1565c0' } as const;

/** A workbench item's or a figure's tone, as a colour for its number (grey when there is nothing to do). */
export type Tone = 'danger' | 'warning' | 'normal';
export function toneColour(tone: Tone, count: number): string {
  if (count === 0) return '#8c8c8c';
  return tone === 'danger' ? SAFETY_TEXT.red : tone === 'warning' ? SAFETY_TEXT.orange : SAFETY_TEXT.blue;
}
