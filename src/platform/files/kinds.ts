import { checkRaster, RASTER_MAX_PIXELS, RASTER_MAX_SIDE, reencodeRaster, type RasterMime, type Reencoded } from './images';
import { stripMetadata } from './metadata';
import { checkSvg } from './svg';
import { unzipBounded, zipEntryNames, ZipRefused } from './zip';

/*
 * Issue 8 §3: the kinds of file the attachments store keeps, each with the types it accepts (judged by the bytes,
 * never by a file name or the browser's content type), its size limit, and the form its bytes are stored in. No I/O,
 * so the rules are tested without a server.
 */

export type AttachmentKind = 'photo' | 'floor_plan' | 'document' | 'spreadsheet' | 'signature' | 'video';

/** A file a kind accepts: its type, the bytes to store (metadata stripped), and what the kind reads from it. */
export type Accepted = { ok: true; mime: string; data: Buffer; width: number | null; height: number | null; takenAt: Date | null };
/** A refusal: the translated message (and its parameters) of the 415 that answers it. */
export type Refused = { ok: false; messageKey: string; params?: Record<string, number> };

export type KindRules = {
  /** Largest upload, in bytes, before anything is read from it (413). */
  maxBytes: number;
  /** The message of the 413 (its parameter `max` in MB). */
  tooLargeKey: string;
  /** The message of the 413 when the enterprise's storage is full, and the reason code it carries. */
  quotaKey: string;
  quotaReason: string;
  accept(buf: Buffer, now: Date): Promise<Accepted | Refused>;
  /**
   * Issue 14 §4: the checks that need no decoding (type by the bytes, the header's dimensions), for a kind whose files
   * may be stored pending and processed by a job (attachments.ts `deferred`); `accept` still judges them in full there.
   * A kind without it is always processed in the request.
   */
  precheck?(buf: Buffer): Prechecked | Refused;
};

/** What the cheap checks read from a file: its type and, for an image, the size its header declares. */
export type Prechecked = { ok: true; mime: string; width: number | null; height: number | null };

/** A capture time later than this after the upload is a wrong camera clock, and is not kept. */
const TAKEN_AT_SLACK_MS = 24 * 3600_000;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PLAN_MAX_BYTES = 5 * 1024 * 1024;
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const SPREADSHEET_MAX_BYTES = 10 * 1024 * 1024;
/** A drawn signature (issue 11): a PNG from the signature pad, a few tens of kilobytes. */
export const SIGNATURE_MAX_BYTES = 200 * 1024;
/** A short phone video (issue 14 §3, a drill's record): a minute or two of 720p. */
export const VIDEO_MAX_BYTES = 50 * 1024 * 1024;
/** A vector plan is drawn at the size it is shown, so only an absurd declared size is refused. */
export const SVG_PLAN_MAX_SIDE = 50_000;
const PIXEL_PARAMS = { side: RASTER_MAX_SIDE, megapixels: RASTER_MAX_PIXELS / 1_000_000 };

const refuse = (messageKey: string, params?: Record<string, number>): Refused => ({ ok: false, messageKey, ...(params ? { params } : {}) });

// ---- photos (D16, D21) ----

/** D21: the bytes decide the type, the whole header must parse for it, and the pixel count must be decodable. */
export function checkPhotoBytes(buf: Buffer): { ok: true; mime: RasterMime; width: number; height: number } | Refused {
  const check = checkRaster(buf, ['image/png', 'image/jpeg', 'image/webp']);
  if (check.ok) return check;
  return check.reason === 'pixels' ? refuse('validation.photo.pixels', PIXEL_PARAMS) : refuse('validation.photo.type');
}

/**
 * D16/D21: a photo's capture time is read from its Exif (by a walk over the file's structure, metadata.ts); then its
 * pixels are decoded and encoded again (images.ts), so nothing else of the upload — Exif with GPS, XMP, IPTC, comments,
 * text chunks, trailing bytes — is stored.
 */
async function acceptPhoto(buf: Buffer, now: Date): Promise<Accepted | Refused> {
  const check = checkPhotoBytes(buf);
  if (!check.ok) return check;
  const stripped = stripMetadata(buf, check.mime);
  if (!stripped.ok) return refuse('validation.photo.type');
  const image = await reencodeRaster(stripped.data, check.mime);
  if (!image) return refuse('validation.photo.type');
  const takenAt = stripped.takenAt && stripped.takenAt.getTime() <= now.getTime() + TAKEN_AT_SLACK_MS ? stripped.takenAt : null;
  return { ok: true, mime: check.mime, data: image.data, width: image.width, height: image.height, takenAt };
}

// ---- floor plans (R-RISK-1 "一企一分布图", D16) ----

export type PlanMime = 'image/png' | 'image/jpeg' | 'image/svg+xml';
export type PlanRefusal = 'type' | 'svgUnsafe' | 'svgInvalid' | 'dimensions' | 'pixels';
export type PlanCheck = { ok: true; mime: PlanMime; width: number; height: number } | { ok: false; reason: PlanRefusal };

/**
 * A floor plan: a PNG or JPEG whose header parses and whose pixel count a browser can decode, or an inert,
 * well-formed SVG with absolute dimensions.
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
 * D16: a raster plan (often a phone photo of the evacuation plan) is decoded and encoded again, losing its metadata,
 * GPS among it; an SVG was already judged inert and is kept as sent. Null when the raster does not decode.
 */
export async function planBytes(data: Buffer, mime: PlanMime): Promise<Reencoded | null> {
  if (mime === 'image/svg+xml') return { data, width: 0, height: 0 };
  const stripped = stripMetadata(data, mime);
  return stripped.ok ? reencodeRaster(stripped.data, mime) : null;
}

async function acceptPlan(buf: Buffer): Promise<Accepted | Refused> {
  const check = await checkPlanImage(buf);
  const image = check.ok ? await planBytes(buf, check.mime) : null;
  if (!check.ok || !image) {
    const reason = check.ok ? 'type' : check.reason;
    return refuse(`riskMap.plan.${reason}`, reason === 'pixels' ? PIXEL_PARAMS : undefined);
  }
  const raster = check.mime !== 'image/svg+xml';
  return { ok: true, mime: check.mime, data: image.data, width: raster ? image.width : check.width, height: raster ? image.height : check.height, takenAt: null };
}

// ---- signatures (issue 11) ----

/**
 * A drawn signature: a PNG only (the pad exports one), whose header parses, decoded and encoded again like a photo
 * (D16), so what is printed on a document is pixels the platform wrote itself.
 */
async function acceptSignature(buf: Buffer): Promise<Accepted | Refused> {
  const check = checkRaster(buf, ['image/png']);
  if (!check.ok) return refuse('attachment.signature.type');
  const stripped = stripMetadata(buf, check.mime);
  const image = stripped.ok ? await reencodeRaster(stripped.data, check.mime) : null;
  if (!image) return refuse('attachment.signature.type');
  return { ok: true, mime: check.mime, data: image.data, width: image.width, height: image.height, takenAt: null };
}

// ---- documents and spreadsheets ----

/**
 * A PDF: its header first (`%PDF-1.x` or `2.0`) and its end-of-file marker within the last kilobyte, so a truncated
 * upload or an HTML page with a PDF name is refused. Its content is not rendered here.
 */
function acceptPdf(buf: Buffer): Accepted | Refused {
  const tail = buf.subarray(Math.max(0, buf.length - 1024)).toString('latin1');
  if (!/^%PDF-[12]\.\d/.test(buf.toString('latin1', 0, 8)) || !tail.includes('%%EOF')) return refuse('attachment.document.type');
  return { ok: true, mime: 'application/pdf', data: buf, width: null, height: null, takenAt: null };
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const OFFICE_LIMITS = { maxBytes: 50 * 1024 * 1024, maxEntries: 1_000 };

/** The main part of each Office Open XML format the store keeps (ECMA-376). */
const OFFICE_PARTS = { xlsx: 'xl/workbook.xml', docx: 'word/document.xml' } as const;
type OfficeFormat = keyof typeof OFFICE_PARTS;

/**
 * Which Office format a zip is, by the parts its directory names (nothing inflated); null for anything else. Used to
 * route an upload that may be either (duty evidence) to its kind before the kind judges it in full.
 */
export function officeFormatOf(buf: Buffer): OfficeFormat | null {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) return null;
  try {
    const names = new Set(zipEntryNames(buf, OFFICE_LIMITS.maxEntries));
    return (Object.keys(OFFICE_PARTS) as OfficeFormat[]).find((f) => names.has(OFFICE_PARTS[f])) ?? null;
  } catch (e) {
    if (e instanceof ZipRefused) return null;
    throw e;
  }
}

/**
 * An .xlsx or a .docx: a zip archive (really inflated, with a cap on its real size) holding the format's content types
 * and main part. A macro project (`vbaProject.bin`: an .xlsm or .docm renamed) is refused, as the format forbids it.
 */
async function acceptOffice(buf: Buffer, format: OfficeFormat, refusal: string): Promise<Accepted | Refused> {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) return refuse(refusal);
  try {
    const entries = await unzipBounded(buf, OFFICE_LIMITS);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('[Content_Types].xml') || !names.has(OFFICE_PARTS[format])) return refuse(refusal);
    if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) return refuse(refusal);
  } catch (e) {
    if (e instanceof ZipRefused) return refuse(refusal);
    throw e;
  }
  return { ok: true, mime: format === 'xlsx' ? XLSX_MIME : DOCX_MIME, data: buf, width: null, height: null, takenAt: null };
}

/** A document: a PDF, or a Word document (.docx) — minutes, plans and notices are mostly written in Word. */
async function acceptDocument(buf: Buffer): Promise<Accepted | Refused> {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return acceptPdf(buf);
  return acceptOffice(buf, 'docx', 'attachment.document.type');
}

// ---- videos (issue 14 §3) ----

/**
 * The brands of an ISO base media file (MP4, QuickTime, 3GP) that phones and cameras write, as the `ftyp` box's major
 * brand names them (ISO/IEC 14496-12, QuickTime File Format, 3GPP TS 26.244).
 */
const VIDEO_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'qt  ', 'M4V ', 'M4VP', 'MSNV', '3gp4', '3gp5', '3gp6', '3g2a', 'dash']);
const EBML_MAGIC = 0x1a45dfa3;
/** The EBML element ids of the header's DocType (RFC 8794) and its value for WebM. */
const DOCTYPE_ID = Buffer.from([0x42, 0x82]);

/** An MP4/MOV by its `ftyp` box at offset 4 and a known major brand; QuickTime's `moov`/`mdat`-first files lack one. */
function isoVideoMime(buf: Buffer): string | null {
  if (buf.length < 12 || buf.toString('latin1', 4, 8) !== 'ftyp') return null;
  const size = buf.readUInt32BE(0);
  if (size < 12 || size > Math.min(buf.length, 4096)) return null;
  const brand = buf.toString('latin1', 8, 12);
  if (!VIDEO_BRANDS.has(brand)) return null;
  return brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
}

/** A WebM: the EBML header (1A 45 DF A3) whose DocType, within the header's first bytes, is `webm`. */
function isWebm(buf: Buffer): boolean {
  if (buf.length < 8 || buf.readUInt32BE(0) !== EBML_MAGIC) return false;
  const head = buf.subarray(4, Math.min(buf.length, 64));
  const at = head.indexOf(DOCTYPE_ID);
  // The DocType's size is one EBML variable-length byte (0x80 | n) for a short string.
  return at >= 0 && head[at + 2] === 0x84 && head.toString('latin1', at + 3, at + 7) === 'webm';
}

/**
 * A video is judged by its container's header only: it is stored as uploaded, its metadata (a phone's GPS, its
 * capture time) not stripped, as re-encoding or remuxing needs ffmpeg, which the platform does not ship.
 */
function acceptVideo(buf: Buffer): Accepted | Refused {
  const mime = isoVideoMime(buf) ?? (isWebm(buf) ? 'video/webm' : null);
  if (!mime) return refuse('attachment.video.type');
  return { ok: true, mime, data: buf, width: null, height: null, takenAt: null };
}

export const KINDS: Record<AttachmentKind, KindRules> = {
  photo: {
    maxBytes: PHOTO_MAX_BYTES, tooLargeKey: 'attachment.tooLarge', quotaKey: 'validation.photo.quota', quotaReason: 'PHOTO_QUOTA',
    accept: (buf, now) => acceptPhoto(buf, now),
    precheck: (buf) => checkPhotoBytes(buf),
  },
  floor_plan: {
    maxBytes: PLAN_MAX_BYTES, tooLargeKey: 'riskMap.plan.tooLarge', quotaKey: 'attachment.quota', quotaReason: 'FILE_QUOTA',
    accept: (buf) => acceptPlan(buf),
  },
  document: {
    maxBytes: DOCUMENT_MAX_BYTES, tooLargeKey: 'attachment.tooLarge', quotaKey: 'attachment.quota', quotaReason: 'FILE_QUOTA',
    accept: (buf) => acceptDocument(buf),
  },
  signature: {
    maxBytes: SIGNATURE_MAX_BYTES, tooLargeKey: 'attachment.signature.tooLarge', quotaKey: 'attachment.quota', quotaReason: 'FILE_QUOTA',
    accept: (buf) => acceptSignature(buf),
  },
  spreadsheet: {
    maxBytes: SPREADSHEET_MAX_BYTES, tooLargeKey: 'attachment.tooLarge', quotaKey: 'attachment.quota', quotaReason: 'FILE_QUOTA',
    accept: (buf) => acceptOffice(buf, 'xlsx', 'attachment.spreadsheet.type'),
  },
  video: {
    maxBytes: VIDEO_MAX_BYTES, tooLargeKey: 'attachment.tooLarge', quotaKey: 'attachment.quota', quotaReason: 'FILE_QUOTA',
    accept: async (buf) => acceptVideo(buf),
  },
};
