import { Calendar, Flex, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { MEANING_COLOUR, MEANING_TAG } from '../../../app/palette';
import { useIsMobile } from '../../../app/responsive';
import type { Occurrence } from '../api/obligations.api';
import { districtToday } from '../api/period';
import { dutyPath } from './DutyCard';
import { DutyCardList } from './DutyCardList';
import { STATUS_MEANING } from './status-style';
import type { CalendarState } from './useCalendarState';

const PER_CELL = 3;

type Props = {
  items: Occurrence[];
  state: CalendarState;
  set: (patch: Partial<Record<keyof CalendarState, string | undefined>>) => void;
};

/** The occurrences of a month grouped by due day. */
export function byDueDay(items: Occurrence[]): Map<string, Occurrence[]> {
  const map = new Map<string, Occurrence[]>();
  for (const o of items) map.set(o.dueOn, [...(map.get(o.dueOn) ?? []), o]);
  return map;
}

/**
 * The month grid: on a desk each day lists its duties as tags coloured by status (a click opens one); on a phone each
 * day shows a dot per duty and the picked day's duties are listed under the grid as cards.
 */
export function DutyMonthGrid({ items, state, set }: Props) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const days = byDueDay(items);
  const picked = state.day && state.day.startsWith(state.month) ? state.day : undefined;
  const value = dayjs(picked ?? `${state.month}-01`);
  const today = districtToday();

  const select = (date: Dayjs, source: string) => {
    if (source !== 'date') return;
    const day = date.format('YYYY-MM-DD');
    set({ day, month: day.slice(0, 7) });
  };

  const dots = (list: Occurrence[]) => (
    <Flex gap={2} justify="center" style={{ height: 6 }}>
      {list.slice(0, 4).map((o) => (
        <span key={o.id} style={{ width: 5, height: 5, borderRadius: '50%', background: MEANING_COLOUR[STATUS_MEANING[o.status]] }} />
      ))}
    </Flex>
  );

  const tags = (list: Occurrence[]) => (
    <Flex vertical gap={2}>
      {list.slice(0, PER_CELL).map((o) => (
        <Tooltip key={o.id} title={`${o.name}${o.subjectLabel ? ` · ${o.subjectLabel}` : ''}`}>
          <Link to={dutyPath(o)} onClick={(e) => e.stopPropagation()} data-testid="duty-grid-item" data-status={o.status}>
            <Tag color={MEANING_TAG[STATUS_MEANING[o.status]]} style={{ display: 'block', marginInlineEnd: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', cursor: 'pointer' }}>
              {o.name}
            </Tag>
          </Link>
        </Tooltip>
      ))}
      {list.length > PER_CELL && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('obligation.calendar.more', { n: list.length - PER_CELL })}</Typography.Text>}
    </Flex>
  );

  const pickedList = picked ? days.get(picked) ?? [] : [];
  return (
    <div data-testid="duty-grid">
      <Calendar
        fullscreen={!isMobile}
        value={value}
        headerRender={() => null}
        onSelect={(date, info) => select(date, info.source)}
        fullCellRender={isMobile ? (date, info) => {
          if (info.type !== 'date') return info.originNode;
          const key = date.format('YYYY-MM-DD');
          return (
            <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1 }} data-testid={`duty-day-${key}`}>
              <div className="ant-picker-cell-inner" style={key === today ? { fontWeight: 600 } : undefined}>{date.date()}</div>
              {dots(days.get(key) ?? [])}
            </div>
          );
        } : undefined}
        cellRender={isMobile ? undefined : (date, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = days.get(date.format('YYYY-MM-DD'));
          return list ? tags(list) : null;
        }}
      />
      {picked && (
        <div style={{ marginTop: 12 }} data-testid="duty-day-list">
          <Typography.Title level={5}>{t('obligation.calendar.dayTitle', { day: picked })}</Typography.Title>
          <DutyCardList items={pickedList} empty={t('obligation.calendar.dayEmpty')} testId="duty-day-cards" />
        </div>
      )}
    </div>
  );
}
