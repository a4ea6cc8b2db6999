import { Empty, Flex } from 'antd';
import type { Occurrence } from '../api/obligations.api';
import { districtToday } from '../api/period';
import { DutyCard } from './DutyCard';

/** Duties as a column of cards (a phone's list; the desk shows the same), or what an empty list means. */
export function DutyCardList({ items, empty, testId = 'duty-cards' }: { items: Occurrence[]; empty: string; testId?: string }) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={`${testId}-empty`} />;
  const today = districtToday();
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {items.map((o) => <DutyCard key={o.id} occurrence={o} today={today} />)}
    </Flex>
  );
}
