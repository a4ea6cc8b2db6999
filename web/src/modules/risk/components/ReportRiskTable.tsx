import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { MEASURE_CATEGORIES } from '../api/risk.api';
import type { ReportData } from '../api/risk-report.api';
import { GradeTag } from './GradeTag';

type Row = ReportData['riskList'][number];

/** The risk-point list of the report (R-RISK-9), as it stands or as it was fixed at confirmation. */
export function ReportRiskTable({ rows }: { rows: Row[] }) {
  const { t, tx } = useI18n();
  const isMobile = useIsMobile();
  const columns: ColumnsType<Row> = [
    { key: 'code', dataIndex: 'code', title: t('risk.code') },
    { key: 'name', dataIndex: 'name', title: t('risk.name') },
    { key: 'kind', dataIndex: 'kind', title: t('risk.kindLabel'), render: (v: Row['kind']) => t(`risk.kind.${v}`) },
    { key: 'unit', dataIndex: 'orgUnitName', title: t('risk.orgUnit') },
    { key: 'grade', dataIndex: 'grade', title: t('risk.gradeLabel'), render: (g: Row['grade']) => <GradeTag grade={g} short /> },
    { key: 'level', dataIndex: 'controlLevel', title: t('risk.controlLevel'), render: (v: Row['controlLevel']) => (v ? t(`risk.level.${v}`) : '—') },
    { key: 'controllers', dataIndex: 'controllers', title: t('risk.controllers'), render: (cs: Row['controllers']) => cs.map((c) => `${t(`risk.levelShort.${c.level}`)}${t('risk.p.colon')}${c.name}`).join('  ') || '—' },
    { key: 'accidents', dataIndex: 'accidentTypes', title: t('risk.accidentTypes'), render: (v: string[]) => v.map((a) => tx(`accident.${a}`, a)).join(t('risk.p.list')) || '—' },
    {
      key: 'measures', dataIndex: 'measures', title: t('risk.card.measures'),
      render: (ms: Row['measures']) => (ms.length === 0 ? '—' : (
        <div style={{ maxWidth: 420, fontSize: 12 }}>
          {MEASURE_CATEGORIES.map((c) => {
            const items = ms.filter((m) => m.category === c).map((m) => m.content);
            return items.length ? <div key={c}><b>{t(`risk.measure.${c}`)}{t('risk.p.colon')}</b>{items.join(t('risk.p.semi'))}</div> : null;
          })}
        </div>
      )),
    },
    { key: 'due', dataIndex: 'reassessDue', title: t('risk.reassessDue'), render: (v: string | null) => formatDate(v) },
  ];
  return (
    <Table<Row>
      data-testid="report-risk-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={rows.length > 20 ? { pageSize: 20, simple: isMobile } : false}
    />
  );
}
