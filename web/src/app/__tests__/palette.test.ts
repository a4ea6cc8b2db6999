import { describe, expect, test } from 'vitest';
import {
  CATEGORY_COLOURS, DONE, figureColour, isSeriesKey, MEANING_COLOUR, MEANING_TAG, MEANING_TEXT, SAFETY, SAFETY_TEXT,
  SERIES_MEANING, seriesColour, toneColour, type Meaning, type SeriesKey,
} from '../palette';

const KEYS = Object.keys(SERIES_MEANING) as SeriesKey[];
const PROBLEMS: readonly Meaning[] = ['danger', 'warning'];
const GREENS = new Set([DONE, MEANING_TEXT.done, '#52c41a', '#389e0d', 'green', 'success']);

describe('palette', () => {
  test.each(['overdue', 'major', 'majorOpen', 'foundMajor', 'missed', 'fail', 'failing', 'controlFailing', 'missingR8', 'late', 'grade1'] as const)(
    '%s is red',
    (key) => {
      expect(seriesColour(key)).toBe(SAFETY.red);
      expect(figureColour(key, 3)).toBe(SAFETY_TEXT.red);
    },
  );

  test.each([
    ['open', SAFETY.orange], ['unrectified', SAFETY.orange], ['dueSoon', SAFETY.orange], ['pending', SAFETY.orange], ['considerable', SAFETY.orange],
    ['general', SAFETY.yellow], ['low', SAFETY.blue], ['found', SAFETY.blue], ['normal', SAFETY.blue],
  ] as const)('%s is %s', (key, colour) => {
    expect(seriesColour(key)).toBe(colour);
  });

  test('the risk grades take the four colours in order', () => {
    expect([seriesColour('grade1'), seriesColour('grade2'), seriesColour('grade3'), seriesColour('grade4')]).toEqual([SAFETY.red, SAFETY.orange, SAFETY.yellow, SAFETY.blue]);
  });

  test('no count of problems is green, in a chart, as a number or as a tag', () => {
    const problems = KEYS.filter((k) => PROBLEMS.includes(SERIES_MEANING[k]));
    expect(problems.length).toBeGreaterThan(10);
    for (const key of problems) {
      expect(GREENS.has(seriesColour(key)), key).toBe(false);
      expect(GREENS.has(figureColour(key, 1) ?? ''), key).toBe(false);
      expect(GREENS.has(MEANING_TAG[SERIES_MEANING[key]]), key).toBe(false);
    }
  });

  test('green is only what finished well', () => {
    const green = KEYS.filter((k) => seriesColour(k) === DONE).sort();
    expect(green).toEqual(['closed', 'done', 'fixed', 'onTime', 'pass']);
  });

  test('category colours never borrow a safety colour or green', () => {
    const meaningful = new Set<string>([...Object.values(MEANING_COLOUR), ...Object.values(MEANING_TEXT), ...Object.values(SAFETY), '#52c41a', '#ff4d4f', '#faad14']);
    expect(CATEGORY_COLOURS.length).toBeGreaterThan(4);
    for (const c of CATEGORY_COLOURS) expect(meaningful.has(c), c).toBe(false);
  });

  test('a zero is plain: no red for nothing overdue', () => {
    expect(figureColour('overdue', 0)).toBeUndefined();
    expect(toneColour('danger', 0)).not.toBe(SAFETY_TEXT.red);
    expect(toneColour('danger', 2)).toBe(SAFETY_TEXT.red);
    expect(toneColour('warning', 2)).toBe(SAFETY_TEXT.orange);
  });

  test('only the listed keys have a meaning', () => {
    expect(isSeriesKey('overdue')).toBe(true);
    expect(isSeriesKey('supervised')).toBe(false);
    expect(isSeriesKey('toString')).toBe(false);
  });
});
