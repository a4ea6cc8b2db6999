import { Card, Descriptions, Table, Tag } from 'antd';
import { formatDate } from '../../../app/format';
import type { PlanReport, ReportLine } from '../api/training.api';
import { useI18n } from '../../../app/i18n';

/** The quarter's plan-versus-actual report, as the principal reviews and signs it. */
export function PlanReportView({ r }: { r: PlanReport }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('training.review.quarter', { year: r.year, quarter: r.quarter })} data-testid="training-report">
      <Descriptions size="small" column={1} items={[
        { key: 'p', label: t('training.tab.plan'), children: t('training.review.planned', { items: r.plannedItems, hours: r.plannedHours, done: r.doneItems }) },
        { key: 'h', label: t('training.tab.sessions'), children: t('training.review.held', { sessions: r.sessions, hours: r.heldHours, attendances: r.attendances }) },
        { key: 'o', label: t('training.people'), children: t('training.review.people', { people: r.people, short: r.shortfallPeople, legal: r.legalCovered }) },
      ]} />
      <Table<ReportLine> rowKey={(l) => String(l.lineNo)} size="small" pagination={false} dataSource={r.lines} scroll={{ x: true }}
        locale={{ emptyText: t('training.plan.none') }}
        columns={[
          { title: t('training.col.month'), dataIndex: 'month' },
          { title: t('training.col.type'), dataIndex: 'courseName' },
          { title: t('training.col.title'), dataIndex: 'title' },
          { title: t('training.col.plannedHours'), dataIndex: 'plannedHours' },
          { title: t('training.col.hours'), dataIndex: 'heldHours' },
          { title: '', dataIndex: 'done', render: (d: boolean) => (d ? <Tag color="success">{t('training.review.done')}</Tag> : <Tag color="error">{t('training.review.notDone')}</Tag>) },
        ]} />
      {r.unplanned.length > 0 && (
        <Table rowKey="id" size="small" pagination={false} dataSource={r.unplanned} title={() => t('training.review.unplanned')} scroll={{ x: true }}
          columns={[
            { title: t('training.col.heldOn'), dataIndex: 'heldOn', render: (d: string) => formatDate(d) },
            { title: t('training.col.type'), dataIndex: 'courseName' },
            { title: t('training.col.title'), dataIndex: 'title' },
            { title: t('training.col.hours'), dataIndex: 'hours' },
            { title: t('training.col.attendees'), dataIndex: 'attendees' },
          ]} />
      )}
    </Card>
  );
}
