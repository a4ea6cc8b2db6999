/**
 * The printed self-assessment (R-STD-1): what the PDF archived at submission shows. The archived PDF is the Chinese
 * document filed with the regulators (zh-CN, whatever the submitter's language); a reader in another language downloads
 * a translation rendered from the same locked snapshot (standardisation.service.ts `assessmentPdf`), never archived.
 * Every text is the module's messages (`standardisation.pdf.*`). Pure: no I/O.
 */
import { t, type Locale } from '../../../platform/i18n/messages';
import type { PdfModel, PdfSignature } from '../../../platform/submissions/pdf';
import { localDateTime } from '../../../platform/time';
import { presentEvidence } from './standardisation.evidence';
import type { Snapshot } from './standardisation.service';

const when = (iso: string | Date | null | undefined) => (iso ? localDateTime(new Date(iso)) : '—');

export function standardisationPdfModel(s: Snapshot, year: number, locale: Locale = 'zh-CN'): PdfModel {
  const m = (key: string, params?: Record<string, string | number>) => t(locale, `standardisation.pdf.${key}`, params);
  const num = (n: number | null) => (n === null ? m('notAssessed') : String(n));
  const byAt = (who: { name: string } | null | undefined, at: string | null | undefined) => (who ? m('byAt', { name: who.name, at: when(at) }) : '—');
  const tot = s.totals;
  return {
    title: m('title', { year }),
    header: [
      [m('enterprise'), s.enterprise?.name ?? ''],
      [m('creditCode'), s.enterprise?.creditCode ?? ''],
      [m('year'), String(year)],
      [m('score'), tot.normalised === null ? '—' : m('scoreValue', { score: tot.normalised, raw: tot.rawScore, max: tot.assessedMax })],
      [m('intendedGrade'), tot.intendedGrade ? t(locale, `standardisation.grade.${tot.intendedGrade}`) : '—'],
      [m('note'), m('noteValue')],
      ...(locale === 'zh-CN' ? [] : [[m('translation'), m('translationValue')] as [string, string]]),
    ],
    sections: [
      {
        heading: m('firstLevel'),
        table: {
          columns: [m('col.firstLevel'), m('col.max'), m('col.assessedMax'), m('col.score')], widths: [3, 1, 1, 1],
          rows: s.firstLevel.map((f) => [`${f.code} ${f.name}`, String(f.maxPoints), String(f.assessedMax), f.assessed ? String(f.score) : m('notAssessed')]),
        },
      },
      {
        heading: m('elements'),
        table: {
          columns: [m('col.element'), m('col.max'), m('col.prefilled'), m('col.score'), m('col.basis')], widths: [2.2, 0.7, 0.7, 0.7, 4],
          rows: s.elements.map((e) => [
            `${e.code} ${e.name}`, String(e.maxPoints), num(e.prefilledScore), num(e.score),
            [
              ...e.records.map((r) => presentEvidence(locale, r)).map((r) => m('record', { label: r.label, value: r.value })),
              ...(e.adjusted ? [m('adjusted', { reason: e.adjusted.reason, count: e.adjusted.evidenceIds.length })] : []),
            ].join(m('recordSeparator')) || '—',
          ]),
        },
      },
      {
        heading: m('signing'),
        fields: [
          [m('principal'), byAt(s.confirmedBy, s.confirmedAt)],
          [m('submitter'), byAt(s.submittedBy, s.submittedAt)],
          [m('thresholds'), m('thresholdsValue', { first: s.thresholds.first, second: s.thresholds.second, third: s.thresholds.third })],
        ],
      },
    ],
  };
}

/**
 * The signature block of a translated rendering: the same facts as the platform's block on the archived PDF
 * (platform/submissions `signatureOf`, Chinese), in the reader's language.
 */
export function standardisationPdfSignature(locale: Locale, v: {
  version: number; confirmedBy: string | null; confirmedAt: Date | null; submittedBy: string | null; submittedAt: Date | null; sha256: string;
}): PdfSignature {
  const m = (key: string, params?: Record<string, string | number>) => t(locale, `standardisation.pdf.${key}`, params);
  const byAt = (name: string | null, at: Date | null) => (name ? m('byAt', { name, at: at ? localDateTime(at) : '' }) : '—');
  return [
    [m('sig.version'), m(v.version > 1 ? 'sig.correction' : 'sig.versionValue', { version: v.version })],
    [m('sig.confirmed'), byAt(v.confirmedBy, v.confirmedAt)],
    [m('sig.submitted'), byAt(v.submittedBy, v.submittedAt)],
    [m('sig.time'), m('sig.timeValue')],
    [m('sig.sha256'), v.sha256],
  ];
}
