import { imageSize } from 'image-size';

/*
 * Floor-plan images (R-RISK-1 "一企一分布图"): which files are accepted, judged by their content and never by the
 * name a browser sends. Pure, so the rules are tested without a server.
 */

export const PLAN_MAX_BYTES = 5 * 1024 * 1024;
export type PlanMime = 'image/png' | 'image/jpeg' | 'image/svg+xml';

/**
 * How a stored plan is served: an SVG is a document that could run script or load from elsewhere if a browser opened
 * it directly, so every plan goes out under a policy that allows only inline styles and data: images.
 */
export const PLAN_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export type PlanCheck =
  | { ok: true; mime: PlanMime; width: number; height: number }
  | { ok: false; reason: 'type' | 'svgUnsafe' | 'dimensions' };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An SVG document: optional BOM, XML declaration, comments and doctype, then the `<svg` root element. */
const SVG_ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>[]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i;

/** Markup that could run script, embed a document or fetch from elsewhere. */
const SVG_FORBIDDEN: RegExp[] = [
  /<script/i,
  // Event handlers (onload=, onclick=, …) inside a tag.
  /<[^>]*\son[a-z]+\s*=/i,
  /<foreignObject/i,
  /<(?:iframe|embed|object|audio|video)\b/i,
  /javascript:/i,
  /<!ENTITY/i,
  /@import/i,
];

/** A link target is allowed only within the document (`#id`) or as an inline raster image. */
function unsafeReference(svg: string): boolean {
  const attrs = svg.matchAll(/\s(?:xlink:)?(?:href|src)\s*=\s*(["'])([\s\S]*?)\1/gi);
  for (const m of attrs) {
    const target = m[2]!.trim();
    if (!target.startsWith('#') && !/^data:image\/(?:png|jpeg|gif|webp);/i.test(target)) return true;
  }
  for (const m of svg.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)) {
    const target = m[2]!.trim();
    if (!target.startsWith('#') && !/^data:image\/(?:png|jpeg|gif|webp);/i.test(target)) return true;
  }
  return false;
}

/** Checks an uploaded floor plan: PNG, JPEG or SVG by content, with readable dimensions; an SVG must be inert. */
export function checkPlanImage(data: Buffer): PlanCheck {
  let mime: PlanMime;
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_MAGIC)) mime = 'image/png';
  else if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) mime = 'image/jpeg';
  else {
    // Anything else must be UTF-8 text whose root element is <svg>.
    const head = data.subarray(0, 4096).toString('utf8');
    if (head.includes('\uFFFD') || !SVG_ROOT.test(head)) return { ok: false, reason: 'type' };
    mime = 'image/svg+xml';
    const svg = data.toString('utf8');
    if (SVG_FORBIDDEN.some((re) => re.test(svg)) || unsafeReference(svg)) return { ok: false, reason: 'svgUnsafe' };
  }
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(data);
  } catch {
    return { ok: false, reason: 'dimensions' };
  }
  const expected = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' }[mime];
  if (size.type !== expected) return { ok: false, reason: 'type' };
  const width = Math.round(size.width ?? 0);
  const height = Math.round(size.height ?? 0);
  if (!(width > 0 && height > 0 && width <= 50_000 && height <= 50_000)) return { ok: false, reason: 'dimensions' };
  return { ok: true, mime, width, height };
}
