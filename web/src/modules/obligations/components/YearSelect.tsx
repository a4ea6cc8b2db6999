import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { districtToday } from '../api/period';

/** The current year on the district's clock. */
export function currentYear(): number {
  return Number(districtToday().slice(0, 4));
}

/** A year from the URL (`?year=`), or this year. */
export function yearParam(raw: string | null): number {
  const y = Number(raw);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : currentYear();
}

/** The year of the rates or the board: this year and the five before it. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  const now = currentYear();
  const years = Array.from({ length: 6 }, (_, i) => now - i);
  if (!years.includes(value)) years.push(value);
  return (
    <Select<number>
      style={{ width: 120 }}
      value={value}
      onChange={onChange}
      aria-label={t('obligation.rates.year')}
      options={years.map((y) => ({ value: y, label: t('obligation.rates.yearOption', { y }) }))}
      data-testid="obligation-year"
    />
  );
}
