import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG, SERIES_MEANING } from '../../../app/palette';
import { hazardsApi } from '../api/hazards.api';
import type { CheckTaskDetail } from '../api/checks.api';
import { PhotoStrip } from './PhotoStrip';

/** A finished task: every item's result, with the hazards its failures opened. */
export function CheckTaskResults({ enterpriseId, task }: { enterpriseId: string; task: CheckTaskDetail }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8} data-testid="check-task-results">
      <Flex gap={8} wrap>
        <Tag color={MEANING_TAG.done}>{t('checkResult.pass')} {task.passCount}</Tag>
        <Tag color={task.failCount ? MEANING_TAG.danger : undefined}>{t('checkResult.fail')} {task.failCount}</Tag>
        <Tag>{t('checkResult.na')} {task.naCount}</Tag>
      </Flex>
      {task.items.map((item, i) => (
        <Card key={item.id} size="small">
          <Flex justify="space-between" gap={8} align="flex-start">
            <Typography.Text>{i + 1}. {item.content}</Typography.Text>
            {item.result && <Tag color={MEANING_TAG[SERIES_MEANING[item.result]]}>{t(`checkResult.${item.result}`)}</Tag>}
          </Flex>
          {item.note && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{item.note}</Typography.Paragraph>}
          {item.photoIds.length > 0 && (
            <div style={{ marginTop: 6 }}><PhotoStrip size={56} photos={item.photoIds.map((id) => ({ key: id, src: hazardsApi.photoUrl(enterpriseId, id) }))} /></div>
          )}
          {item.hazardId && (
            <Link to={`/enterprises/${enterpriseId}/hazards/${item.hazardId}`} data-testid="check-created-hazard">
              {t('check.hazardOpened', { code: item.hazardCode ?? '' })}
            </Link>
          )}
        </Card>
      ))}
    </Flex>
  );
}

