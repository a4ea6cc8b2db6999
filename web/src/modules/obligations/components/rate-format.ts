import type { Meaning } from '../../../app/palette';

/** A share as people read it, one decimal; no denominator is a dash, never 0 % or 100 %. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/**
 * A fulfilment rate's meaning: under 80 % is failing (red), otherwise informational blue — never a reassuring green
 * for a partial result (as the hazard rates, hazards/components/RateCard.tsx); nothing due is nothing to show.
 */
export function rateMeaning(rate: number | null): Meaning {
  if (rate === null) return 'none';
  return rate < 0.8 ? 'danger' : 'normal';
}
