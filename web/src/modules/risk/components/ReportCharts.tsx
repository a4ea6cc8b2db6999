import { Card, Col, Row } from 'antd';
import { useI18n } from '../../../app/i18n';
import { CATEGORY } from '../../../app/palette';
import { MEASURE_CATEGORIES } from '../api/risk.api';
import type { ReportData } from '../api/risk-report.api';
import { GRADE_HEX, GRADES } from './grade-style';
import { ReportChart } from './ReportChart';

/** The report's generated figures: points by grade (pie), by unit (stacked bars by grade), measures by category. */
export function ReportCharts({ data }: { data: ReportData }) {
  const { t } = useI18n();
  const pie = {
    color: GRADES.map((g) => GRADE_HEX[g]),
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['38%', '66%'], center: ['50%', '44%'], label: { formatter: '{c}' },
      data: GRADES.filter((g) => data.totals.byGrade[g] > 0).map((g) => ({ name: t(`risk.grade.${g}`), value: data.totals.byGrade[g], itemStyle: { color: GRADE_HEX[g] } })),
    }],
  };
  const units = data.byUnit.map((u) => u.orgUnitName);
  const bar = {
    color: GRADES.map((g) => GRADE_HEX[g]),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: units, axisLabel: { interval: 0, rotate: units.length > 2 ? 30 : 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: GRADES.map((g) => ({ type: 'bar', stack: 'grade', name: t(`risk.grade.${g}`), barMaxWidth: 36, itemStyle: { color: GRADE_HEX[g] }, data: data.byUnit.map((u) => u.byGrade[g]) })),
  };
  const cats = MEASURE_CATEGORIES.map((c) => ({ name: t(`risk.measure.${c}`), value: data.measuresByCategory[c] }));
  const measures = {
    // Measure categories carry no safety meaning: one neutral colour, not a warning one.
    color: [CATEGORY.blue],
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: cats.map((c) => c.name), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 32, data: cats.map((c) => c.value) }],
  };
  return (
    <Row gutter={[16, 16]} data-testid="report-charts">
      <Col xs={24} lg={8}>
        <Card size="small" title={t('risk.report.byGrade')}><ReportChart option={pie} empty={data.totals.total === 0} testId="chart-grade" /></Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('risk.report.byUnit')}><ReportChart option={bar} empty={data.byUnit.length === 0} testId="chart-unit" /></Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('risk.report.measuresByCategory')}><ReportChart option={measures} empty={cats.every((c) => c.value === 0)} testId="chart-measures" /></Card>
      </Col>
    </Row>
  );
}
