import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { OCCURRENCE_OWNERS, OCCURRENCE_STATUSES } from '../api/obligations.api';
import { addMonths, districtToday } from '../api/period';
import type { CalendarState } from './useCalendarState';
import { useDefinitions } from './useDefinitions';

type Props = { state: CalendarState; set: (patch: Partial<Record<keyof CalendarState, string | undefined>>) => void };

/** The calendar's month (previous, next, this month), its view (month grid or list) and its filters. */
export function DutyFilters({ state, set }: Props) {
  const { t } = useI18n();
  const definitions = useDefinitions();
  const [y, m] = state.month.split('-').map(Number) as [number, number];
  const thisMonth = districtToday().slice(0, 7);
  const go = (month: string) => set({ month, day: undefined });
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="duty-filters">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={4}>
          <Button icon={<LeftOutlined />} aria-label={t('obligation.calendar.prev')} onClick={() => go(addMonths(state.month, -1))} data-testid="duty-month-prev" />
          <Typography.Text strong style={{ minWidth: 96, textAlign: 'center' }} data-testid="duty-month">{t('obligation.calendar.month', { y, m })}</Typography.Text>
          <Button icon={<RightOutlined />} aria-label={t('obligation.calendar.next')} onClick={() => go(addMonths(state.month, 1))} data-testid="duty-month-next" />
          {state.month !== thisMonth && <Button type="link" onClick={() => go(thisMonth)}>{t('obligation.calendar.today')}</Button>}
        </Flex>
        <Segmented<'grid' | 'list'>
          value={state.view}
          onChange={(v) => set({ view: v === 'grid' ? undefined : v })}
          options={[{ value: 'grid', label: t('obligation.calendar.viewGrid') }, { value: 'list', label: t('obligation.calendar.viewList') }]}
          data-testid="duty-view"
        />
      </Flex>
      <Flex gap={8} wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 200, flex: '1 1 200px' }}
          placeholder={t('obligation.calendar.allRules')}
          value={state.rule}
          onChange={(v?: string) => set({ rule: v })}
          options={definitions.map((d) => ({ value: d.key, label: d.name }))}
          data-testid="duty-filter-rule"
        />
        <Select
          allowClear
          style={{ minWidth: 140, flex: '1 1 140px' }}
          placeholder={t('obligation.calendar.allOwners')}
          value={state.owner}
          onChange={(v?: string) => set({ owner: v })}
          options={OCCURRENCE_OWNERS.map((o) => ({ value: o, label: t(`obligationOwner.${o}`) }))}
          data-testid="duty-filter-owner"
        />
        <Select
          allowClear
          style={{ minWidth: 120, flex: '1 1 120px' }}
          placeholder={t('obligation.calendar.allStatuses')}
          value={state.status}
          onChange={(v?: string) => set({ status: v })}
          options={OCCURRENCE_STATUSES.map((s) => ({ value: s, label: t(`obligationStatus.${s}`) }))}
          data-testid="duty-filter-status"
        />
      </Flex>
    </Flex>
  );
}
