import { CATEGORY, DONE, NEUTRAL, SAFETY, seriesColour } from '../../../app/palette';
import type { HazardLevel, HazardStatus } from '../api/hazards.api';

/**
 * A hazard status as a tag and as a chart slice, in the same hue: waiting to be confirmed is orange, confirmed and
 * waiting for its rectifier yellow, rectifying blue, waiting for acceptance purple, closed green (finished well), voided
 * grey. Green is never an open hazard.
 */
export const STATUS_TAG: Record<HazardStatus, string> = {
  reported: 'orange', confirmed: 'gold', rectifying: 'blue', submitted: 'purple', closed: 'green', voided: 'default',
};
export const STATUS_HEX: Record<HazardStatus, string> = {
  reported: SAFETY.orange, confirmed: SAFETY.yellow, rectifying: SAFETY.blue, submitted: CATEGORY.purple, closed: DONE, voided: NEUTRAL,
};

/** A major hazard is red; a general one yellow, as 一般 is in the four-colour scheme. */
export const LEVEL_HEX: Record<HazardLevel, string> = { major: seriesColour('major'), general: seriesColour('general') };
