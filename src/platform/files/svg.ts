import { existsSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';

/*
 * D3, D16: an uploaded SVG is judged by walking a real XML parse, never by regular expressions over the text (one of
 * those backtracked quadratically and froze the event loop for 15 s on 200 KB). The parser (saxes) is linear, does
 * not read DTDs and never expands entities other than the five predefined ones and character references; a DOCTYPE
 * is refused outright anyway, so no entity can be declared. The work is bounded: the caller caps the size, this caps
 * elements, depth and attributes, stops at the first problem, and yields to the event loop between chunks.
 */

export type SvgVerdict =
  | { ok: true; width: number; height: number }
  /**
   * `notSvg`: not an XML document whose root is <svg>; `invalid`: malformed, a DOCTYPE, or over a limit; `unsafe`:
   * active or external content; `dimensions`: no absolute width and height.
   */
  | { ok: false; reason: 'notSvg' | 'invalid' | 'unsafe' | 'dimensions' };

export const SVG_MAX_ELEMENTS = 100_000;
export const SVG_MAX_DEPTH = 256;
export const SVG_MAX_ATTRIBUTES = 256;
/** url(...) references in one attribute value or one <style> element. */
export const SVG_MAX_URLS = 256;
/** Characters fed to the parser before it lets other requests run. */
const CHUNK = 16 * 1024;

/** Elements that run script, embed another document or play media: refused in any namespace. */
const FORBIDDEN_ELEMENTS = new Set([
  'script', 'foreignobject', 'iframe', 'frame', 'frameset', 'embed', 'object', 'applet', 'audio', 'video', 'canvas',
  'handler', 'listener', 'html', 'body', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea',
]);
/** Animation elements: allowed unless they animate a link or an event handler (`<animate attributeName="href" values="javascript:…">`). */
const ANIMATION_ELEMENTS = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor']);
const REFERENCE_ATTRIBUTES = new Set(['href', 'src']);
const INLINE_IMAGE = ['data:image/png;', 'data:image/jpeg;', 'data:image/gif;', 'data:image/webp;'];

class Refused extends Error {
  constructor(readonly reason: 'invalid' | 'unsafe') {
    super(reason);
  }
}

const skipped = (c: number) => c <= 0x20 || c === 0x7f;

/**
 * A value as a browser would read a URL, lower-cased: entities are already decoded by the parser; whitespace and
 * controls go. Only its first `max` characters: a value may be megabytes of inline image, and a scheme is short.
 */
function squeeze(value: string, max = 64): string {
  let out = '';
  for (let i = 0; i < value.length && out.length < max; i++) if (!skipped(value.charCodeAt(i))) out += value[i];
  return out.toLowerCase();
}

/**
 * Whether `needle` (lower case, no letter repeating its first) occurs in `value` once whitespace and controls are
 * dropped and case ignored: one pass, nothing copied, however long the value.
 */
function containsSqueezed(value: string, needle: string): boolean {
  let k = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (skipped(code)) continue;
    const c = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    if (c === needle.charCodeAt(k)) {
      if (++k === needle.length) return true;
    } else {
      k = c === needle.charCodeAt(0) ? 1 : 0;
    }
  }
  return false;
}

/** A link target (squeezed) is allowed only within the document (`#id`) or as an inline raster image. */
function safeTarget(target: string): boolean {
  return target.startsWith('#') || INLINE_IMAGE.some((p) => target.startsWith(p));
}

/**
 * Style text (a style attribute, a <style> element, or a presentation attribute such as fill="url(#g)"): every
 * url(...) must point inside the document or at an inline image; @import and CSS escapes (which could spell either
 * in disguise) are refused. A linear scan with indexOf, no regular expression.
 */
function unsafeStyle(text: string): boolean {
  const s = text.toLowerCase();
  if (s.includes('@import') || s.includes('\\') || s.includes('expression(')) return true;
  let at = s.indexOf('url(');
  // A style names a few paint servers, filters and markers; thousands of references in one value are an attack on
  // this loop (it runs in one go on the event loop), not a drawing.
  let refs = 0;
  while (at !== -1) {
    if (++refs > SVG_MAX_URLS) return true;
    const end = s.indexOf(')', at + 4);
    if (end === -1) return true;
    let inner = squeeze(s.slice(at + 4, end));
    if (inner.startsWith('"') || inner.startsWith("'")) inner = inner.slice(1, -1);
    if (!safeTarget(inner)) return true;
    at = s.indexOf('url(', end);
  }
  return false;
}

function checkAttribute(tagLocal: string, attr: SaxesAttributeNS): void {
  const local = attr.local.toLowerCase();
  const value = attr.value;
  if (local.startsWith('on')) throw new Refused('unsafe');
  if (containsSqueezed(value, 'javascript:') || containsSqueezed(value, 'vbscript:')) throw new Refused('unsafe');
  const squeezed = squeeze(value);
  // Any prefix bound to any namespace: `x:href` with x bound to xlink is as much a link as `xlink:href`.
  if (REFERENCE_ATTRIBUTES.has(local) && !safeTarget(squeezed)) throw new Refused('unsafe');
  if (ANIMATION_ELEMENTS.has(tagLocal) && local === 'attributename') {
    const target = squeezed.slice(squeezed.indexOf(':') + 1);
    if (REFERENCE_ATTRIBUTES.has(target) || target.startsWith('on') || target === 'style') throw new Refused('unsafe');
  }
  if (value.includes('(') || value.includes('@') || value.includes('\\')) {
    if (unsafeStyle(value)) throw new Refused('unsafe');
  }
}

/** CSS units as image-size reads them (96 px per inch), so stored dimensions do not change with the parser. */
const UNITS: Record<string, number> = { in: 96, cm: 96 / 2.54, em: 16, ex: 8, m: 9600 / 2.54, mm: 96 / 25.4, pc: 96 / 72 / 12, pt: 96 / 72, px: 1 };

/** A length attribute (`300`, `210mm`), or undefined when absent, relative (`100%`) or unreadable. */
export function svgLength(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  // Bounded before any regular expression runs: no real length is this long.
  if (s.length === 0 || s.length > 32) return undefined;
  const m = /^([0-9.]+(?:e\d+)?)([a-z]{0,2})$/.exec(s);
  if (!m) return undefined;
  const unit = m[2] === '' ? 1 : UNITS[m[2]!];
  const n = Number(m[1]);
  if (unit === undefined || !Number.isFinite(n)) return undefined;
  return Math.round(n * unit);
}

/** Width and height from the root's width/height, else from its viewBox (scaled like image-size). */
function rootSize(attrs: Record<string, string>): { width: number; height: number } | null {
  const width = svgLength(attrs.width);
  const height = svgLength(attrs.height);
  if (width && height) return { width, height };
  const box = (attrs.viewBox ?? '').trim();
  if (box.length === 0 || box.length > 128) return null;
  const parts = box.split(/[\s,]+/);
  const vw = svgLength(parts[2]);
  const vh = svgLength(parts[3]);
  if (!vw || !vh) return null;
  if (width) return { width, height: Math.floor(width / (vw / vh)) };
  if (height) return { width: Math.floor(height * (vw / vh)), height };
  return { width: vw, height: vh };
}

/** Checks an SVG document that the caller has already capped in size. */
/**
 * The check itself, on the calling thread (chunked, yielding between chunks). The server runs it in a worker thread
 * (`checkSvg`) so that neither the parse nor the garbage it leaves can pause other requests.
 */
export async function checkSvgHere(data: Buffer): Promise<SvgVerdict> {
  let text: string;
  try {
    // Strict UTF-8 (a BOM is dropped): a file in another encoding is not an SVG we accept.
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, reason: 'notSvg' };
  }
  const parser = new SaxesParser({ xmlns: true, position: false });
  // An object, not a `let`: the handlers below assign it, which flow analysis would not see.
  const doc: { root: Record<string, string> | null } = { root: null };
  let elements = 0;
  let attributes = 0;
  let depth = 0;
  let inStyle = false;
  let styleText = '';
  parser.on('doctype', () => { throw new Refused('invalid'); });
  // <?xml-stylesheet href="…"?> and friends: a processing instruction can fetch from elsewhere.
  parser.on('processinginstruction', () => { throw new Refused('unsafe'); });
  parser.on('opentagstart', () => {
    attributes = 0;
    elements++;
    depth++;
    if (elements > SVG_MAX_ELEMENTS || depth > SVG_MAX_DEPTH) throw new Refused('invalid');
  });
  parser.on('attribute', () => {
    if (++attributes > SVG_MAX_ATTRIBUTES) throw new Refused('invalid');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const local = tag.local.toLowerCase();
    if (doc.root === null) {
      if (local !== 'svg') throw new NotSvg();
      const attrs: Record<string, string> = {};
      for (const a of Object.values(tag.attributes)) if (a.prefix === '') attrs[a.local] = a.value;
      doc.root = attrs;
    }
    if (FORBIDDEN_ELEMENTS.has(local)) throw new Refused('unsafe');
    for (const a of Object.values(tag.attributes)) checkAttribute(local, a);
    if (local === 'style') { inStyle = true; styleText = ''; }
  });
  const onText = (t: string) => { if (inStyle) styleText += t; };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag: SaxesTagNS) => {
    depth--;
    if (tag.local.toLowerCase() === 'style') {
      inStyle = false;
      if (unsafeStyle(styleText)) throw new Refused('unsafe');
    }
  });
  try {
    for (let i = 0; i < text.length; i += CHUNK) {
      if (i > 0) await yieldToLoop();
      parser.write(text.slice(i, i + CHUNK));
    }
    parser.close();
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.reason };
    // A parse error before the root element: this is not an SVG at all (a GIF, an HTML page, plain text).
    if (e instanceof NotSvg || doc.root === null) return { ok: false, reason: 'notSvg' };
    return { ok: false, reason: 'invalid' };
  }
  const size = doc.root === null ? null : rootSize(doc.root);
  if (!size) return { ok: false, reason: 'dimensions' };
  return { ok: true, ...size };
}

class NotSvg extends Error {}

// ---- off the event loop (D3) ----

/**
 * Starts the worker: dist/svg.worker.mjs when the server runs from the bundle (scripts/build-server.mjs builds it as its
 * own entry; found by walking up from here), or svg.worker.ts beside this file under tsx (src/, the tests), whose
 * loader a worker does not inherit: it registers it first. Null if neither is there.
 */
function startWorker(): Worker | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const script = new URL('./svg.worker.ts', import.meta.url).href;
    return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(script)}); })`, { eval: true });
  }
  for (let dir = path.dirname(here); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'svg.worker.mjs');
    if (existsSync(candidate)) return new Worker(candidate);
    if (path.dirname(dir) === dir) return null;
  }
}

/** How long one check may take in the worker before it is stopped and the file refused as invalid. */
const WORKER_TIMEOUT_MS = 15_000;

type Pending = { resolve: (v: SvgVerdict) => void; timer: NodeJS.Timeout };
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(verdict: SvgVerdict): void {
  for (const [id, p] of pending) {
    clearTimeout(p.timer);
    p.resolve(verdict);
    pending.delete(id);
  }
}

function svgWorker(): Worker | null {
  if (worker) return worker;
  const w = startWorker();
  if (!w) return null;
  w.on('message', (m: { id: number; verdict: SvgVerdict }) => {
    const p = pending.get(m.id);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(m.id);
    p.resolve(m.verdict);
  });
  const gone = () => {
    if (worker === w) worker = null;
    failAll({ ok: false, reason: 'invalid' });
  };
  w.on('error', gone);
  w.on('exit', gone);
  // An idle worker must not keep the process alive (tests, CLI, shutdown); after the listeners, which ref it again.
  w.unref();
  worker = w;
  return w;
}

/** Starts the SVG worker ahead of the first upload (the server does at start), so that upload does not wait for it. */
export function warmSvgCheck(): void {
  svgWorker();
}

/**
 * D3: judges an uploaded SVG in a worker thread, so that a hostile file (5 MB of elements, nesting, a megabyte-long
 * attribute) costs the other requests nothing — not the parse, not its garbage collection. Without a worker script
 * (an unusual layout) it falls back to the chunked check on this thread.
 */
export function checkSvg(data: Buffer): Promise<SvgVerdict> {
  const w = svgWorker();
  if (!w) return checkSvgHere(data);
  const id = nextId++;
  return new Promise<SvgVerdict>((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({ ok: false, reason: 'invalid' });
      // The stuck check is stopped with its worker; the next upload starts a fresh one.
      void w.terminate();
    }, WORKER_TIMEOUT_MS);
    pending.set(id, { resolve, timer });
    // One memcpy (the upload's buffer may be a slice of a pooled one), then handed over without another copy.
    const copy = new Uint8Array(data.byteLength);
    copy.set(data);
    w.postMessage({ id, data: copy }, [copy.buffer]);
  });
}
