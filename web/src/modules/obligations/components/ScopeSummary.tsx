import { DashboardOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { figureColour } from '../../../app/palette';
import { hasObligationPermission } from '../permissions';

/** An officer's 我的履职: the overdue duties of the area this year, and the way to the board that breaks them down. */
export function ScopeSummary({ overdue }: { overdue: number }) {
  const me = useMe();
  const { t } = useI18n();
  const board = hasObligationPermission(me, 'obligation.supervise');
  return (
    <Card size="small" title={t('obligation.scope.title')} data-testid="obligation-scope-summary">
      <Flex vertical gap={12}>
        {board ? (
          <>
            <Statistic title={t('obligation.scope.overdue')} value={overdue} styles={{ content: { color: figureColour('overdue', overdue) } }} data-testid="obligation-scope-overdue" />
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('obligation.scope.hint')}</Typography.Paragraph>
            <Link to="/duties/board"><Button type="primary" icon={<DashboardOutlined />} data-testid="obligation-open-board">{t('obligation.scope.openBoard')}</Button></Link>
          </>
        ) : (
          <Typography.Text type="secondary">{t('obligation.scope.none')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
