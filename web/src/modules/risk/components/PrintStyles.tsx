export type Paper = 'A4-portrait' | 'A4-landscape' | 'A3-portrait' | 'A3-landscape';
export const PAPERS: readonly Paper[] = ['A4-portrait', 'A4-landscape', 'A3-portrait', 'A3-landscape'];

/** Paper sizes in millimetres (width × height as printed). */
export const PAPER_MM: Record<Paper, [number, number]> = {
  'A4-portrait': [210, 297], 'A4-landscape': [297, 210], 'A3-portrait': [297, 420], 'A3-landscape': [420, 297],
};
export const PAGE_MARGIN_MM = 10;

const CSS = `
.rp-page { background: #e9edf2; min-height: 100vh; padding-bottom: 24px; }
.rp-toolbar { position: sticky; top: 0; z-index: 10; background: #0f2747; color: #fff; padding: 8px 16px; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.rp-toolbar .rp-title { flex: 1 1 200px; font-weight: 600; }
.rp-sheet { background: #fff; margin: 16px auto; box-shadow: 0 2px 12px rgba(0,0,0,.15); box-sizing: border-box; color: #000;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; }
.rp-sheet h1 { font-size: 22pt; text-align: center; margin: 0 0 4mm; letter-spacing: 2px; }
.rp-sub { text-align: center; margin-bottom: 4mm; font-size: 11pt; }
.rp-table { width: 100%; border-collapse: collapse; font-size: 9.5pt; line-height: 1.45; }
.rp-table th, .rp-table td { border: 1px solid #333; padding: 3px 5px; vertical-align: top; text-align: left; }
.rp-table th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
.rp-table thead { display: table-header-group; }
.rp-table tr { break-inside: avoid; }
.rp-grade { font-weight: 700; text-align: center !important; white-space: nowrap; }
.rp-foot { display: flex; flex-wrap: wrap; gap: 8mm; margin-top: 4mm; font-size: 10.5pt; }
.rp-counts { display: flex; gap: 3mm; justify-content: center; margin-bottom: 4mm; flex-wrap: wrap; }
.rp-counts span { padding: 1.5mm 4mm; border-radius: 2mm; font-weight: 600; }
.rc-card { border: 1.2mm solid var(--grade); font-size: 11pt; line-height: 1.55; }
.rc-head { background: var(--grade); color: var(--grade-text); text-align: center; padding: 3mm 2mm; }
.rc-head .rc-title { font-size: 24pt; font-weight: 700; letter-spacing: 4px; }
.rc-head .rc-post { font-size: 14pt; margin-top: 1mm; }
.rc-info { width: 100%; border-collapse: collapse; }
.rc-info th, .rc-info td { border-bottom: 1px solid #333; padding: 1.5mm 3mm; text-align: left; vertical-align: top; }
.rc-info th { width: 7.5em; background: #f4f6f9; white-space: nowrap; font-weight: 600; }
.rc-section { border-bottom: 1px solid #333; padding: 2mm 3mm; break-inside: avoid; }
.rc-section h3 { font-size: 12.5pt; margin: 0 0 1mm; }
.rc-section ul { margin: 0; padding-left: 1.4em; }
.rc-cat { font-weight: 600; }
.rc-foot { display: flex; justify-content: space-between; align-items: flex-end; gap: 4mm; padding: 3mm; flex-wrap: wrap; }
.rc-phones { font-size: 13pt; font-weight: 700; }
.rc-qr { text-align: center; }
.rc-qr img { width: 34mm; height: 34mm; display: block; margin: 0 auto; }
.rc-url { font-size: 7.5pt; word-break: break-all; max-width: 62mm; margin-top: 1mm; font-family: monospace; }
.rp-grade-badge { display: inline-block; padding: 0 3mm; border-radius: 1.5mm; font-weight: 700; }
@media (max-width: 600px) {
  .rc-card { font-size: 10.5pt; }
  .rc-head .rc-title { font-size: 19pt; letter-spacing: 2px; }
}
@media print {
  html, body { background: #fff !important; }
  .rp-toolbar, .no-print { display: none !important; }
  .rp-page { background: #fff; padding: 0; min-height: 0; }
  .rp-sheet { box-shadow: none; margin: 0; padding: 0 !important; width: auto !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The print pages' CSS, with @page set to the chosen paper so that the browser prints it at that size. */
export function PrintStyles({ paper }: { paper?: Paper }) {
  const size = paper ? paper.replace('-', ' ') : null;
  return <style>{`${CSS}${size ? `@page { size: ${size}; margin: ${PAGE_MARGIN_MM}mm; }` : ''}`}</style>;
}
