/**
 * The printed double report (R-HAZ-5): what the PDF archived at submission shows. It is a Chinese document filed
 * with the regulator and posted for the workers' congress, so its labels are Chinese whatever the reader's language.
 * Pure: no I/O.
 */
import type { PdfModel } from '../../../platform/submissions/submission.service';
import { localDateTime } from '../../../platform/time';
import type { Rate } from '../stats/hazard-stats.rules';
import type { Snapshot } from './double-report.service';

const PERIOD = { month: '月度', quarter: '季度', year: '年度' } as Record<string, string>;
const LEVEL: Record<string, string> = { general: '一般隐患', major: '重大隐患' };
const CLASS: Record<string, string> = { thing: '物的不安全状态', behaviour: '人的不安全行为', management: '管理缺陷' };
const SOURCE: Record<string, string> = {
  self_check: '企业自查', employee_report: '员工报告', regulator: '监管检查', tip_off: '举报', insurer: '保险机构', service: '技术服务机构',
};
const pct = (r: Rate) => (r.rate === null ? `—（${r.numerator}/${r.denominator}）` : `${(r.rate * 100).toFixed(1)}%（${r.numerator}/${r.denominator}）`);
const when = (iso: string | null | undefined) => (iso ? localDateTime(new Date(iso)) : '—');
const buckets = (labels: Record<string, string>, xs: { key: string; count: number }[]) => xs.map((x) => [labels[x.key] ?? x.key, String(x.count)]);

export function doubleReportPdfModel(s: Snapshot): PdfModel {
  const d = s.data;
  const h = d.hazards;
  const r = d.risk;
  return {
    title: `隐患排查治理${PERIOD[d.period.type] ?? ''}报告（双报告）`,
    header: [
      ['企业名称', s.enterprise?.name ?? ''],
      ['统一社会信用代码', s.enterprise?.creditCode ?? ''],
      ['统计期', `${d.period.key}（${d.period.firstDay} 至 ${d.period.lastDay}）`],
      ['数据截至', d.asOf],
    ],
    sections: [
      {
        heading: '一、风险管控情况',
        fields: [
          ['风险点总数', String(r.total)],
          ['一级（重大风险）', String(r.byGrade[1])], ['二级（较大风险）', String(r.byGrade[2])], ['三级（一般风险）', String(r.byGrade[3])], ['四级（低风险）', String(r.byGrade[4])],
          ['未评估', String(r.unassessed)], ['逾期未复评', String(r.overdue)], ['管控失效', String(r.controlFailing)], ['缺少“四个到位”措施', String(r.missingR8)],
        ],
      },
      {
        heading: '二、隐患排查治理情况',
        fields: [
          ['本期发现隐患', String(h.found)], ['其中重大隐患', String(h.foundMajor)], ['本期整改销号', String(h.fixed)], ['其中按期整改', String(h.fixedOnTime)],
          ['作废', String(h.voided)], ['期末未整改', String(h.openAtEnd)], ['期末逾期未整改', String(h.overdueAtEnd)], ['期末重大隐患未整改', String(h.majorOpenAtEnd)],
          ['整改率', pct(h.rectificationRate)], ['按期整改率', pct(h.onTimeRate)],
        ],
      },
      { heading: '三、隐患按级别', table: { columns: ['级别', '数量'], rows: buckets(LEVEL, h.byLevel) } },
      { heading: '四、隐患按类别', table: { columns: ['类别', '数量'], rows: buckets(CLASS, h.byClass) } },
      { heading: '五、隐患按来源', table: { columns: ['来源', '数量'], rows: buckets(SOURCE, h.bySource) } },
      {
        heading: '六、确认与报送',
        fields: [
          ['主要负责人确认', `${s.confirmedBy.name}　${when(s.confirmedAt)}`],
          ['报送人', s.submittedBy ? `${s.submittedBy.name}　${when(s.submittedAt)}` : '—'],
        ],
      },
    ],
  };
}
