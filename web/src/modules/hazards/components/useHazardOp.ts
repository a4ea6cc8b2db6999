import { App } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { hazardQueries, type HazardDetail } from '../api/hazards.api';

/**
 * Runs one workflow operation from a form: hands the hazard as it now is to the page, and reloads the lists and
 * figures it shows in. `run` rejects with the server's refusal (409 STATE, 403, validation), which the form drawer
 * shows, validation on its fields.
 */
export function useHazardOp(enterpriseId: string, onDone: (h: HazardDetail) => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const op = useApiMutation((call: () => Promise<HazardDetail>) => call(), {
    invalidates: hazardQueries(enterpriseId),
    onSuccess: (h) => {
      message.success(t('hazard.opDone'));
      onDone(h);
    },
  });
  return { saving: op.saving, run: op.run };
}
