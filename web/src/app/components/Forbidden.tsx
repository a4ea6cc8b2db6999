import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n';

export function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenBody')} extra={<Link to="/"><Button type="primary">{t('common.backHome')}</Button></Link>} />;
}
