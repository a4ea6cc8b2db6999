/**
 * The printed self-assessment (R-STD-1): what the PDF archived at submission shows. A Chinese document filed with the
 * regulators, so its labels are Chinese whatever the reader's language. Pure: no I/O.
 */
import type { PdfModel } from '../../../platform/submissions/submission.service';
import { localDateTime } from '../../../platform/time';
import type { Snapshot } from './standardisation.service';

const GRADE: Record<string, string> = { 1: '一级', 2: '二级', 3: '三级', none: '未达到三级' };
const when = (iso: string | null | undefined) => (iso ? localDateTime(new Date(iso)) : '—');
const num = (n: number | null) => (n === null ? '未评' : String(n));

export function standardisationPdfModel(s: Snapshot, year: number): PdfModel {
  const t = s.totals;
  return {
    title: `${year}年度安全生产标准化自评报告（GB/T 33000-2016）`,
    header: [
      ['企业名称', s.enterprise?.name ?? ''],
      ['统一社会信用代码', s.enterprise?.creditCode ?? ''],
      ['自评年度', String(year)],
      ['自评得分', t.normalised === null ? '—' : `${t.normalised} 分（已评要素得分 ${t.rawScore} ÷ 已评要素满分 ${t.assessedMax} × 100）`],
      ['拟申请等级', t.intendedGrade ? GRADE[t.intendedGrade] ?? t.intendedGrade : '—'],
      ['说明', '本报告为企业自评结果和拟申请等级，不是评审授予的等级'],
    ],
    sections: [
      {
        heading: '一、一级要素得分',
        table: {
          columns: ['一级要素', '满分', '已评满分', '得分'], widths: [3, 1, 1, 1],
          rows: s.firstLevel.map((f) => [`${f.code} ${f.name}`, String(f.maxPoints), String(f.assessedMax), f.assessed ? String(f.score) : '未评']),
        },
      },
      {
        heading: '二、二级要素得分及依据',
        table: {
          columns: ['要素', '满分', '预填', '得分', '依据'], widths: [2.2, 0.7, 0.7, 0.7, 4],
          rows: s.elements.map((e) => [
            `${e.code} ${e.name}`, String(e.maxPoints), num(e.prefilledScore), num(e.score),
            [...e.records.map((r) => `${r.label}：${r.value}`), ...(e.adjusted ? [`调整理由：${e.adjusted.reason}（佐证 ${e.adjusted.evidenceIds.length} 份）`] : [])].join('；') || '—',
          ]),
        },
      },
      {
        heading: '三、签字与报送',
        fields: [
          ['主要负责人签字', s.confirmedBy ? `${s.confirmedBy.name}　${when(s.confirmedAt)}` : '—'],
          ['报送人', s.submittedBy ? `${s.submittedBy.name}　${when(s.submittedAt)}` : '—'],
          ['分数线', `一级 ≥ ${s.thresholds.first}，二级 ≥ ${s.thresholds.second}，三级 ≥ ${s.thresholds.third}（百分制）`],
        ],
      },
    ],
  };
}
