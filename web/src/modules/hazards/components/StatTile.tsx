import type { ReactNode } from 'react';
import { Card, Statistic } from 'antd';
import { Link } from 'react-router';

type Props = { title: string; value: number; testId: string; link?: string; danger?: boolean; icon?: ReactNode };

/** One count of a dashboard; a tap opens the list it counts. */
export function StatTile({ title, value, testId, link, danger, icon }: Props) {
  const card = (
    <Card size="small" hoverable={!!link}>
      <Statistic title={title} value={value} prefix={icon} styles={{ content: danger && value > 0 ? { color: '#cf1322' } : undefined }} />
    </Card>
  );
  return <div data-testid={testId} data-value={value}>{link ? <Link to={link}>{card}</Link> : card}</div>;
}
