import { DatePicker } from 'antd';
import dayjs from 'dayjs';

type Props = { from?: string; to?: string; onChange: (range: { from?: string; to?: string }) => void };

/** A period of whole months (YYYY-MM); empty means the last twelve months. */
export function MonthRange({ from, to, onChange }: Props) {
  return (
    <DatePicker.RangePicker
      picker="month"
      allowClear
      inputReadOnly
      value={from && to ? [dayjs(`${from}-01`), dayjs(`${to}-01`)] : null}
      onChange={(v) => onChange(v?.[0] && v[1] ? { from: v[0].format('YYYY-MM'), to: v[1].format('YYYY-MM') } : {})}
      style={{ maxWidth: 280 }}
      data-testid="stats-period"
    />
  );
}
