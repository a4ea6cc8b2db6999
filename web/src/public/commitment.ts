/*
 * The public commitment page (R-COM-1), scanned from the QR code on the posted commitment at the gate: no login, no
 * app. Its own small entry (web/public-commitment.html, served by the server at /p/commitment/<token>): plain DOM and
 * CSS, nothing of the React app. It reads GET /api/v1/public/commitments/:token — the principal's commitment and,
 * below it, the daily risk assessment and commitment notice posted today (issue 11 §6), if any. Chinese by default,
 * English when the browser asks for it; printable on A4.
 */
import './commitment.css';
import type { ResponseOf } from '../api/types';
import { SPECIAL_WORK_KINDS, SPECIAL_WORK_NAMES } from '../../../src/modules/responsibility/daily-notice/daily-notice.rules';

type Page = ResponseOf<'/public/commitments/{token}'>;
type Notice = NonNullable<Page['dailyNotice']>;

// The district's local time (China Standard Time, UTC+8, as src/platform/time.ts), whatever the phone's time zone;
// written out here so the page shares no chunk with the app.
const LOCAL_OFFSET_MS = 8 * 3_600_000;
const localIso = (at: string) => new Date(Date.parse(at) + LOCAL_OFFSET_MS).toISOString();
const localDay = (at: string) => localIso(at).slice(0, 10);
const localDateTime = (at: string) => `${localIso(at).slice(0, 10)} ${localIso(at).slice(11, 16)}`;

const EN = typeof navigator !== 'undefined' && /^en\b/i.test(navigator.language || '');

const TEXT = {
  loading: ['加载中…', 'Loading…'],
  title: ['{year} 年度主要负责人安全生产承诺', '{year} safety commitment of the principal'],
  signature: ['主要负责人（签字）：', 'Principal (signature): '],
  signedOn: ['签署日期：{date}', 'Signed on {date}'],
  superseded: ['此承诺已被新的承诺取代，张贴的海报需要更新。', 'A newer commitment replaces this one; the posted poster needs updating.'],
  notFound: ['没有找到这份承诺，二维码可能已失效', 'Commitment not found; the QR code may be out of date'],
  failed: ['加载失败，请检查网络后重试', 'Could not load the page; check the connection and try again'],
  retry: ['重试', 'Try again'],
  print: ['打印', 'Print'],
  note: ['本页面由企业安全生产主体责任平台公开', 'Published by the Enterprise Safety Responsibility Platform'],
  noticeTitle: ['安全风险研判与承诺公告', 'Daily safety-risk assessment and commitment notice'],
  units: ['生产装置', 'Production installations'],
  unitsValue: ['运行 {running} 套，停车 {stopped} 套，检修 {maintenance} 套', '{running} running, {stopped} stopped, {maintenance} under maintenance'],
  majorHazards: ['重大危险源', 'Major hazard sources'],
  majorSafe: ['{n} 处，均处于安全状态', '{n}, all in a safe state'],
  majorUnsafe: ['{n} 处，未全部处于安全状态', '{n}, not all in a safe state'],
  majorNone: ['无', 'None'],
  specialWork: ['特殊作业', 'Special operations'],
  specialNone: ['今日无特殊作业', 'None today'],
  trialProduction: ['是否处于试生产', 'Trial production'],
  startStop: ['是否处于开停车', 'Start-up or shutdown'],
  maintenanceWork: ['是否有检维修作业', 'Maintenance work'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  remark: ['说明', 'Remarks'],
  commitment: ['承诺', 'Commitment'],
  principal: ['主要负责人（签字）：', 'Principal (signature): '],
  postedAt: ['公告时间：{at}', 'Posted at {at}'],
} as const satisfies Record<string, readonly [string, string]>;

function tr(key: keyof typeof TEXT, params: Record<string, string | number> = {}): string {
  return TEXT[key][EN ? 1 : 0].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** A date as people read it: 2026年12月3日, or 2026-12-03 in English. */
function dateLabel(day: string): string {
  if (EN) return day;
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

type Child = Node | string | null | false | undefined;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

function signature(image: string | null, name: string): Node {
  return image ? el('img', { src: image, alt: name }) : el('span', {}, name);
}

function commitmentSheet(p: Page): HTMLElement {
  return el('section', { class: 'pc-sheet', 'data-testid': 'commitment-sheet' },
    el('h1', {}, tr('title', { year: p.year })),
    el('p', { class: 'pc-sub' }, p.enterpriseName),
    ...p.sections.map((s, i) => el('div', { class: 'pc-section' },
      el('strong', {}, `${'一二三四五六七八九'[i] ?? i + 1}、${s.title}`),
      el('p', { class: 'pc-para' }, s.text))),
    el('p', { class: 'pc-closing' }, p.closing),
    el('div', { class: 'pc-sign' },
      el('div', {}, tr('signature'), signature(p.signatureImage, p.principalName)),
      el('div', {}, tr('signedOn', { date: dateLabel(localDay(p.signedAt)) }))),
  );
}

function row(label: string, value: Child): HTMLElement {
  return el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, value));
}

function noticeSheet(n: Notice): HTMLElement {
  const work = SPECIAL_WORK_KINDS.filter((k) => n.specialWork[k] > 0 || k === 'hot_work' || k === 'confined_space')
    .map((k) => `${SPECIAL_WORK_NAMES[k][EN ? 1 : 0]} ${n.specialWork[k]}`);
  const major = n.majorHazards.total === 0
    ? el('span', {}, tr('majorNone'))
    : el('span', { class: n.majorHazards.safe ? 'pc-ok' : 'pc-bad' }, tr(n.majorHazards.safe ? 'majorSafe' : 'majorUnsafe', { n: n.majorHazards.total }));
  const yesNo = (v: boolean) => tr(v ? 'yes' : 'no');
  return el('section', { class: 'pc-sheet', 'data-testid': 'daily-notice' },
    el('h2', {}, tr('noticeTitle')),
    el('p', { class: 'pc-sub' }, `${n.enterpriseName} · ${dateLabel(n.day)}`),
    el('table', { class: 'pc-figures' }, el('tbody', {},
      row(tr('units'), tr('unitsValue', n.units)),
      row(tr('majorHazards'), major),
      row(tr('specialWork'), n.specialWorkTotal === 0 ? tr('specialNone') : work.join(EN ? '; ' : '；')),
      row(tr('trialProduction'), yesNo(n.trialProduction)),
      row(tr('startStop'), yesNo(n.startStop)),
      row(tr('maintenanceWork'), yesNo(n.maintenanceWork)),
      n.note ? row(tr('remark'), n.note) : null,
    )),
    el('p', { class: 'pc-closing' }, n.commitment),
    el('div', { class: 'pc-sign' },
      el('div', {}, tr('principal'), signature(n.signatureImage, n.principalName)),
      el('div', {}, tr('postedAt', { at: localDateTime(n.postedAt) }))),
  );
}

function show(root: HTMLElement, ...children: Child[]) {
  root.replaceChildren(...children.filter((c): c is Node | string => !!c));
}

async function load(root: HTMLElement, token: string): Promise<void> {
  show(root, el('p', { class: 'pc-status' }, tr('loading')));
  let res: Response;
  try {
    res = await fetch(`/api/v1/public/commitments/${encodeURIComponent(token)}`, {
      headers: { accept: 'application/json', 'accept-language': EN ? 'en-US' : 'zh-CN' }, credentials: 'omit',
    });
  } catch {
    res = new Response(null, { status: 599 });
  }
  if (res.status === 404 || res.status === 400) {
    show(root, el('div', { class: 'pc-error', 'data-testid': 'public-commitment-missing' }, el('h1', {}, tr('notFound'))));
    return;
  }
  if (!res.ok) {
    const retry = el('button', { class: 'pc-button', type: 'button' }, tr('retry'));
    retry.addEventListener('click', () => void load(root, token));
    show(root, el('div', { class: 'pc-error' }, el('h1', {}, tr('failed')), retry));
    return;
  }
  const page = (await res.json()) as Page;
  document.title = `${tr('title', { year: page.year })} · ${page.enterpriseName}`;
  const print = el('button', { class: 'pc-button ghost', type: 'button' }, tr('print'));
  print.addEventListener('click', () => window.print());
  show(root,
    el('div', { class: 'pc-toolbar' }, print),
    page.superseded && el('div', { class: 'pc-alert', role: 'alert' }, tr('superseded')),
    commitmentSheet(page),
    page.dailyNotice && noticeSheet(page.dailyNotice),
    el('p', { class: 'pc-note' }, tr('note')),
  );
}

const root = document.getElementById('pc');
if (root) {
  document.documentElement.lang = EN ? 'en' : 'zh-CN';
  root.dataset.testid = 'public-commitment';
  const token = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).at(-1) ?? '');
  if (/^[A-Za-z0-9_-]{20,64}$/.test(token)) void load(root, token);
  else show(root, el('div', { class: 'pc-error', 'data-testid': 'public-commitment-missing' }, el('h1', {}, tr('notFound'))));
}
