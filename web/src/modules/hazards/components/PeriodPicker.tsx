import { DatePicker, Flex, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { REPORT_PERIOD_TYPES, type ReportPeriodType } from '../api/double-report.api';

type Props = { type: ReportPeriodType; periodKey: string; onChange: (type: ReportPeriodType, key: string) => void; defaultKey: (t: ReportPeriodType) => string };

function toDay(type: ReportPeriodType, key: string): Dayjs {
  if (type === 'quarter') {
    const [y, q] = key.split('-Q');
    return dayjs(`${y}-01-01`).month((Number(q) - 1) * 3);
  }
  return dayjs(type === 'year' ? `${key}-01-01` : `${key}-01`);
}

function toKey(type: ReportPeriodType, d: Dayjs): string {
  switch (type) {
    case 'month': return d.format('YYYY-MM');
    case 'quarter': return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
    case 'year': return String(d.year());
  }
}

/** 月报 / 季报 / 年报 and the period: month 2026-11, quarter 2026-Q4, year 2026. */
export function PeriodPicker({ type, periodKey, onChange, defaultKey }: Props) {
  const { t } = useI18n();
  return (
    <Flex gap={8} wrap>
      <Segmented<ReportPeriodType>
        value={type}
        onChange={(next) => onChange(next, defaultKey(next))}
        options={REPORT_PERIOD_TYPES.map((p) => ({ value: p, label: t(`doubleReportType.${p}`) }))}
      />
      <DatePicker
        picker={type}
        allowClear={false}
        inputReadOnly
        value={toDay(type, periodKey)}
        format={(d) => toKey(type, d)}
        disabledDate={(d) => d.isAfter(dayjs(), type === 'quarter' ? 'month' : type)}
        onChange={(d) => d && onChange(type, toKey(type, d))}
        data-testid="report-period"
      />
    </Flex>
  );
}
