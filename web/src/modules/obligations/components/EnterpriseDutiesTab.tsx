import { CalendarOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { Query } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { obligationKeys, obligationsApi } from '../api/obligations.api';
import { DutyCalendarView } from './DutyCalendarView';
import { DutyCardList } from './DutyCardList';
import { RatesView } from './RatesView';
import { useCalendarState } from './useCalendarState';
import { currentYear } from './YearSelect';

const OVERDUE: Query = { status: 'overdue' };

/**
 * 履职 on a regulator's enterprise file (issue 11 §10): this year's rates, what is overdue now (whenever it fell due),
 * and the duty calendar, whose month and filters stay in the tab (the address belongs to the file).
 */
export function EnterpriseDutiesTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const [state, set] = useCalendarState('local', { view: 'list' });
  const overdue = useApiQuery(obligationKeys.list(enterpriseId, OVERDUE), (signal) => obligationsApi.list(enterpriseId, OVERDUE, signal));
  return (
    <Flex vertical gap={16} data-testid="enterprise-duties-tab">
      <Flex justify="flex-end">
        <Link to={`/duties/calendar?enterpriseId=${encodeURIComponent(enterpriseId)}`}>
          <Button icon={<CalendarOutlined />}>{t('obligation.calendar.openCalendar')}</Button>
        </Link>
      </Flex>
      <RatesView enterpriseId={enterpriseId} year={currentYear()} compact />
      {overdue.data && overdue.data.items.length > 0 && (
        <Card size="small" title={<Typography.Text type="danger">{t('obligation.mine.tabOverdue')}</Typography.Text>}>
          <DutyCardList items={overdue.data.items} empty="" testId="enterprise-duties-overdue" />
        </Card>
      )}
      <Card size="small" title={t('nav.obligations.calendar')}>
        <DutyCalendarView enterpriseId={enterpriseId} state={state} set={set} />
      </Card>
    </Flex>
  );
}
