import { Button, Result } from 'antd';
import type { ApiError } from '../api';
import { useI18n } from '../i18n';

/** A failed load: the server's (translated) message, the request id for support, and a retry. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const status = error.code === 'NOT_FOUND' ? '404' : error.code === 'FORBIDDEN' ? '403' : 'error';
  const title = error.code === 'NOT_FOUND' ? t('error.notFoundTitle') : error.code === 'FORBIDDEN' ? t('error.forbiddenTitle') : t('error.loadFailed');
  return (
    <Result
      status={status}
      title={title}
      subTitle={
        <>
          <div>{error.message}</div>
          {error.requestId && <div style={{ fontSize: 12 }}>{t('error.requestId', { id: error.requestId })}</div>}
        </>
      }
      extra={onRetry && error.code !== 'NOT_FOUND' && error.code !== 'FORBIDDEN' ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
