import { CheckOutlined, CloseOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Flex, Segmented, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import type { CheckResult, CheckTaskItem } from '../api/checks.api';
import { LocalPhotoField, type LocalPhoto } from './LocalPhotoField';

export type Answer = { result: CheckResult | null; note: string; photos: LocalPhoto[] };

type Props = { index: number; item: CheckTaskItem; answer: Answer; onChange: (a: Answer) => void; missingPhoto: boolean };

const BORDER: Record<CheckResult, string> = { pass: '#b7eb8f', fail: '#ffa39e', na: '#d9d9d9' };
const BACKGROUND: Record<CheckResult, string | undefined> = { pass: undefined, fail: '#fff1f0', na: '#fafafa' };

/** One line of the card on a phone: pass / fail / not applicable with big targets; a failure asks for a note and a photo. */
export function CheckItemRunner({ index, item, answer, onChange, missingPhoto }: Props) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      data-testid="check-item"
      data-result={answer.result ?? ''}
      style={answer.result ? { borderColor: BORDER[answer.result], background: BACKGROUND[answer.result] } : undefined}
    >
      <Flex vertical gap={8}>
        <div>
          <Typography.Text strong>{index + 1}. {item.content}</Typography.Text>
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            {item.majorCriterion && <Tag color="red">{t('check.majorCriterion')}</Tag>}
            {item.riskPointName && <Tag>{item.riskPointName}</Tag>}
            {item.category && <Tag variant="filled">{item.category}</Tag>}
          </Flex>
          {item.method && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>{t('check.method')}：{item.method}</Typography.Paragraph>}
        </div>
        <Segmented<CheckResult>
          block
          size="large"
          value={answer.result ?? undefined}
          onChange={(result) => onChange({ ...answer, result })}
          options={[
            { value: 'pass', label: <span data-testid="check-pass"><CheckOutlined /> {t('checkResult.pass')}</span> },
            { value: 'fail', label: <span data-testid="check-fail"><CloseOutlined /> {t('checkResult.fail')}</span> },
            { value: 'na', label: <span data-testid="check-na"><MinusOutlined /> {t('checkResult.na')}</span> },
          ]}
        />
        {answer.result === 'fail' && (
          <Flex vertical gap={8}>
            <LimitedTextArea
              rows={2}
              max={1000}
              placeholder={t('check.failNote')}
              value={answer.note}
              onChange={(e) => onChange({ ...answer, note: e.target.value })}
              data-testid="check-fail-note"
            />
            <LocalPhotoField value={answer.photos} onChange={(photos) => onChange({ ...answer, photos })} label={t('hazardPhoto.take')} testId="check-fail-photo" />
            {missingPhoto && <Typography.Text type="danger">{t('check.failPhotoRequired')}</Typography.Text>}
          </Flex>
        )}
        {answer.result === 'na' && (
          <LimitedInput
            max={1000}
            placeholder={t('check.naNote')}
            value={answer.note}
            onChange={(e) => onChange({ ...answer, note: e.target.value })}
          />
        )}
      </Flex>
    </Card>
  );
}
