import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { toneColour } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { workbenchApi, type WorkbenchItem } from '../api/dashboard.api';

/**
 * 我的待办 (issue 10 §1): what waits on this person, first on the home page. Each tile is a count that opens the list it
 * counts; red is late or major, orange waits on you, grey is nothing to do. A regulator's tile can urge (催报) the
 * enterprises that have not reported. `exclude` leaves out items a page already shows in its own way (an officer's
 * 我的履职 shows the area's overdue duties above it).
 */
export function Workbench({ exclude = [], testId = 'workbench' }: { exclude?: readonly string[]; testId?: string } = {}) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['workbench'], (signal) => workbenchApi.get(signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Card style={{ marginBottom: 16 }}><Skeleton active paragraph={{ rows: 2 }} /></Card>;
  if (!data) return null;
  const items = data.items.filter((i) => !exclude.includes(i.key));
  const waiting = items.filter((i) => i.count > 0).length;
  return (
    <Card title={t('workbench.title')} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      {data.incomplete && <Alert type="warning" showIcon title={t('workbench.incomplete')} style={{ marginBottom: 12 }} />}
      {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.none')} />}
      {items.length > 0 && waiting === 0 && <Alert type="success" showIcon title={t('workbench.none')} style={{ marginBottom: 12 }} />}
      {items.length > 0 && (
        <Row gutter={[12, 12]}>
          {items.map((item) => (
            <Col key={item.key} xs={12} md={8} xl={6}>
              <WorkbenchTile item={item} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

function WorkbenchTile({ item }: { item: WorkbenchItem }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const urge = useApiMutation(workbenchApi.urge, { invalidates: [['workbench']] });
  const colour = toneColour(item.tone, item.count);
  return (
    <div
      data-testid={`workbench-${item.key}`}
      data-count={item.count}
      style={{ border: '1px solid #f0f0f0', borderLeft: `4px solid ${colour}`, borderRadius: 8, padding: '8px 12px', height: '100%', background: '#fff' }}
    >
      <Link to={item.to} style={{ display: 'block', color: 'inherit' }}>
        <div style={{ fontSize: 13, color: '#595959', lineHeight: 1.4, minHeight: 36 }}>{item.label}</div>
        <div style={{ fontSize: 26, fontWeight: 600, color: colour, lineHeight: 1.3 }}>{item.count}</div>
        {item.detail && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.detail}</Typography.Text>}
      </Link>
      {item.urge?.urgedAt && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }} data-testid={`workbench-urged-${item.key}`}>
          {t('workbench.urgedToday', { time: formatTime(item.urge.urgedAt) })}
        </Typography.Text>
      )}
      {item.urge && !item.urge.urgedAt && (
        <Popconfirm
          title={t('workbench.urgeConfirm', { n: item.count })}
          okText={t('workbench.urge')}
          cancelText={t('common.cancel')}
          onConfirm={async () => {
            try {
              const out = await urge.run(item.urge!);
              void message.success(t('workbench.urged', { n: out.urged }));
            } catch (e) {
              showError(e);
            }
          }}
        >
          <Button size="small" danger loading={urge.saving} style={{ marginTop: 6 }} data-testid={`workbench-urge-${item.key}`}>{t('workbench.urge')}</Button>
        </Popconfirm>
      )}
    </div>
  );
}
