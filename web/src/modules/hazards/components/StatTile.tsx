import type { ReactNode } from 'react';
import { Card, Statistic } from 'antd';
import { Link } from 'react-router';
import { figureColour, type SeriesKey } from '../../../app/palette';

type Props = { title: string; value: number; testId: string; link?: string; counts?: SeriesKey; icon?: ReactNode };

/**
 * One count of a dashboard; a tap opens the list it counts. `counts` says what it counts and so its colour, the same as
 * that series in the charts: overdue and major red, open orange, found blue, closed green; a zero stays plain.
 */
export function StatTile({ title, value, testId, link, counts, icon }: Props) {
  const colour = counts ? figureColour(counts, value) : undefined;
  const card = (
    <Card size="small" hoverable={!!link}>
      <Statistic title={title} value={value} prefix={icon} styles={{ content: colour ? { color: colour } : undefined }} />
    </Card>
  );
  return <div data-testid={testId} data-value={value}>{link ? <Link to={link}>{card}</Link> : card}</div>;
}
