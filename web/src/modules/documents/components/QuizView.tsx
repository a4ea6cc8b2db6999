import { CheckCircleTwoTone } from '@ant-design/icons';
import { List, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { QuizQuestionView } from '../api/documents.api';

/** A version's quiz as the library shows it; the correct option is marked for those who keep the library. */
export function QuizView({ quiz }: { quiz: QuizQuestionView[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="documents-quiz-view">
      <Typography.Title level={5}>{t('documents.quiz.title')}</Typography.Title>
      <List size="small" bordered dataSource={quiz} renderItem={(q, i) => (
        <List.Item>
          <div>
            <Typography.Text strong>{`${i + 1}. ${q.text}`}</Typography.Text>
            {q.options.map((o, j) => (
              <div key={j} style={{ paddingLeft: 16 }}>
                {String.fromCharCode(65 + j)}. {o} {q.correct === j && <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t('documents.quiz.correct')} />}
              </div>
            ))}
          </div>
        </List.Item>
      )} />
    </div>
  );
}
