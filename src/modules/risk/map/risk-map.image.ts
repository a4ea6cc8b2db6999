import { RASTER_MAX_PIXELS, RASTER_MAX_SIDE } from '../../../platform/files/images';
import type { PlanRefusal } from '../../../platform/files/kinds';

/*
 * Floor-plan images (R-RISK-1 "一企一分布图"): which files are accepted is a rule of the attachments store (kind
 * `floor_plan`, platform/files/kinds.ts); how a stored plan is served stays here.
 */

export { checkPlanImage, planBytes, PLAN_MAX_BYTES, SVG_PLAN_MAX_SIDE, type PlanCheck, type PlanMime, type PlanRefusal } from '../../../platform/files/kinds';

/**
 * How a stored plan is served: an SVG is a document that could run script or load from elsewhere if a browser opened
 * it directly, so every plan goes out under a policy that allows only inline styles and data: images.
 */
export const PLAN_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The parameters of each refusal's message. */
export const PLAN_REFUSAL_PARAMS: Partial<Record<PlanRefusal, Record<string, number>>> = {
  pixels: { side: RASTER_MAX_SIDE, megapixels: RASTER_MAX_PIXELS / 1_000_000 },
};
