import { SoundOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { obligationsApi, type Definition } from '../api/obligations.api';
import { currentPeriodKey, periodLabel } from '../api/period';

/**
 * 催报 of one duty for the period running now (monthly 2026-03, quarterly 2026-Q1, half-yearly 2026-H1, yearly 2026):
 * the enterprises in scope that have not fulfilled it are reminded, once a day (the server refuses a second urge and
 * an urge with nobody to remind, with its message). A duty opened by an event has no period to urge.
 */
export function UrgeButton({ definition, now }: { definition: Pick<Definition, 'key' | 'name' | 'cadence'>; now?: Date }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const urge = useApiMutation(obligationsApi.urge, { invalidates: [['workbench']] });
  const periodKey = currentPeriodKey(definition.cadence, now);
  if (!periodKey) return null;
  return (
    <Popconfirm
      title={t('obligation.board.urgeConfirm', { duty: definition.name, period: periodLabel(periodKey, locale) })}
      okText={t('obligation.board.urge')}
      cancelText={t('common.cancel')}
      onConfirm={async () => {
        try {
          const out = await urge.run({ definitionKey: definition.key, periodKey });
          void message.success(t('obligation.board.urged', { n: out.urged }));
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Button size="small" danger icon={<SoundOutlined />} loading={urge.saving} data-testid={`obligation-urge-${definition.key}`} data-period={periodKey}>
        {t('obligation.board.urge')}
      </Button>
    </Popconfirm>
  );
}
