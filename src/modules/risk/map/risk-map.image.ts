import { checkRaster, RASTER_MAX_PIXELS, RASTER_MAX_SIDE } from '../../../platform/files/images';
import { stripMetadata } from '../../../platform/files/metadata';
import { checkSvg } from '../../../platform/files/svg';

/*
 * Floor-plan images (R-RISK-1 "一企一分布图"): which files are accepted, judged by their content and never by the
 * name a browser sends. No I/O, so the rules are tested without a server.
 */

export const PLAN_MAX_BYTES = 5 * 1024 * 1024;
/** A vector plan is drawn at the size it is shown, so only an absurd declared size is refused. */
export const SVG_PLAN_MAX_SIDE = 50_000;
export type PlanMime = 'image/png' | 'image/jpeg' | 'image/svg+xml';

/**
 * How a stored plan is served: an SVG is a document that could run script or load from elsewhere if a browser opened
 * it directly, so every plan goes out under a policy that allows only inline styles and data: images.
 */
export const PLAN_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export type PlanRefusal = 'type' | 'svgUnsafe' | 'svgInvalid' | 'dimensions' | 'pixels';
export type PlanCheck = { ok: true; mime: PlanMime; width: number; height: number } | { ok: false; reason: PlanRefusal };

/** The parameters of each refusal's message. */
export const PLAN_REFUSAL_PARAMS: Partial<Record<PlanRefusal, Record<string, number>>> = {
  pixels: { side: RASTER_MAX_SIDE, megapixels: RASTER_MAX_PIXELS / 1_000_000 },
};

/**
 * Checks an uploaded floor plan (the caller has capped its size): a PNG or JPEG whose header parses and whose pixel
 * count a browser can decode, or an inert, well-formed SVG with absolute dimensions.
 */
export async function checkPlanImage(data: Buffer): Promise<PlanCheck> {
  const raster = checkRaster(data, ['image/png', 'image/jpeg']);
  if (raster.ok) return { ok: true, mime: raster.mime as PlanMime, width: raster.width, height: raster.height };
  // Anything that is not a PNG or JPEG by its first bytes must be an SVG document.
  if (raster.reason !== 'type' || data[0] === 0x89 || data[0] === 0xff) return raster;
  const svg = await checkSvg(data);
  if (!svg.ok) {
    const reason = ({ notSvg: 'type', invalid: 'svgInvalid', unsafe: 'svgUnsafe', dimensions: 'dimensions' } as const)[svg.reason];
    return { ok: false, reason };
  }
  if (svg.width > SVG_PLAN_MAX_SIDE || svg.height > SVG_PLAN_MAX_SIDE) return { ok: false, reason: 'dimensions' };
  return { ok: true, mime: 'image/svg+xml', width: svg.width, height: svg.height };
}

/**
 * D16: the bytes a checked plan is stored as. A raster plan (often a phone photo of the evacuation plan) loses its
 * metadata, GPS among it; an SVG was already judged inert and is kept as sent. Null when the raster's structure does
 * not walk.
 */
export function planBytes(data: Buffer, mime: PlanMime): Buffer | null {
  if (mime === 'image/svg+xml') return data;
  const stripped = stripMetadata(data, mime);
  return stripped.ok ? stripped.data : null;
}
