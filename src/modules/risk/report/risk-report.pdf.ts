/**
 * The printed annual risk report (R-RISK-9): what the PDF archived at submission shows. It is a Chinese document
 * filed with the subdistrict, so its labels are Chinese whatever the reader's language. Pure: no I/O.
 */
import type { PdfModel } from '../../../platform/submissions/submission.service';
import { localDateTime } from '../../../platform/time';
import { CATEGORY_LABELS, KIND_LABELS, LEVEL_LABELS, R8_LABELS } from '../ledger/risk-excel.sheet';
import type { Snapshot } from './risk-report.service';

const GRADE = ['', '一级（重大）', '二级（较大）', '三级（一般）', '四级（低）'];
const grade = (g: number | null) => (g === null ? '未评估' : GRADE[g] ?? String(g));
const label = <T extends string>(labels: Record<T, string>, k: string) => (labels as Record<string, string>)[k] ?? k;
const when = (iso: string | null | undefined) => (iso ? localDateTime(new Date(iso)) : '—');

export function riskReportPdfModel(s: Snapshot, year: number): PdfModel {
  const d = s.data;
  const t = d.totals;
  return {
    title: `${year}年度风险点清单与风险管控分析报告`,
    header: [
      ['企业名称', s.enterprise?.name ?? ''],
      ['统一社会信用代码', s.enterprise?.creditCode ?? ''],
      ['报告年度', `${year}年（截止 ${d.asOf}）`],
      ['报送期限', `${year}-12-31`],
      ['是否按时报送', s.onTime === undefined ? '—' : s.onTime ? '按时' : '逾期'],
    ],
    sections: [
      {
        heading: '一、风险点总体情况',
        fields: [
          ['风险点总数', String(t.total)],
          ['一级（重大风险）', String(t.byGrade[1])], ['二级（较大风险）', String(t.byGrade[2])],
          ['三级（一般风险）', String(t.byGrade[3])], ['四级（低风险）', String(t.byGrade[4])],
          ['未评估', String(t.unassessed)], ['逾期未复评', String(t.overdue)], ['缺少“四个到位”措施', String(t.missingR8)],
          ['管控失效', String(t.controlFailing)], ['重大危险源', String(t.majorHazardSources)],
        ],
      },
      {
        heading: '二、按类型统计',
        table: { columns: ['类型', '合计', '一级', '二级', '三级', '四级'], rows: d.byKind.map((k) => [label(KIND_LABELS, k.kind), String(k.total), String(k.byGrade[1]), String(k.byGrade[2]), String(k.byGrade[3]), String(k.byGrade[4])]) },
      },
      {
        heading: '三、按部门统计',
        table: { columns: ['部门', '合计', '一级', '二级', '三级', '四级'], widths: [3, 1, 1, 1, 1, 1], rows: d.byUnit.map((u) => [u.orgUnitName, String(u.total), String(u.byGrade[1]), String(u.byGrade[2]), String(u.byGrade[3]), String(u.byGrade[4])]) },
      },
      {
        heading: '四、管控措施（按类别）',
        fields: Object.entries(d.measuresByCategory).map(([c, n]) => [label(CATEGORY_LABELS, c), String(n)] as [string, string]),
      },
      {
        heading: '五、本年度评估',
        fields: [['本年评估次数', String(d.assessments.inYear)], ['首次评估', String(d.assessments.initial)], ['复评', String(d.assessments.reassessments.length)]],
      },
      {
        heading: '六、重大风险（一级）',
        table: {
          columns: ['编号', '名称', '部门', '管控层级', '缺少的措施', '管控失效'], widths: [1, 2, 2, 1, 2, 1],
          rows: d.grade1.map((g) => [g.code, g.name, g.orgUnitName, g.controlLevel ? label(LEVEL_LABELS, g.controlLevel) : '—', g.missingR8.map((m) => R8_LABELS[m]).join('、') || '无', g.controlFailing ? '是' : '否']),
        },
      },
      {
        heading: '七、风险点清单',
        table: {
          columns: ['编号', '名称', '类型', '部门', '等级', '管控层级', '复评日期'], widths: [1, 2, 1, 2, 1.3, 1, 1.3],
          rows: d.riskList.map((p) => [p.code, p.name, label(KIND_LABELS, p.kind), p.orgUnitName, grade(p.grade), p.controlLevel ? label(LEVEL_LABELS, p.controlLevel) : '—', p.reassessDue ?? '—']),
        },
      },
      { heading: '八、风险管控分析', text: s.narrative },
      {
        heading: '九、确认与报送',
        fields: [
          ['主要负责人确认', s.confirmedBy ? `${s.confirmedBy.name}　${when(s.confirmedAt)}` : '—'],
          ['报送人', s.submittedBy ? `${s.submittedBy.name}　${when(s.submittedAt)}` : '—'],
        ],
      },
    ],
  };
}
