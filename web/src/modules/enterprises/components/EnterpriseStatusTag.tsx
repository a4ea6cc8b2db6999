import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_COLOUR, MEANING_TAG, type Meaning } from '../../../app/palette';
import type { EnterpriseStatus } from '../api/enterprises.api';

// An operating enterprise is normal (blue), not "finished well": green is kept for what is done.
const MEANING: Record<EnterpriseStatus, Meaning> = { active: 'normal', suspended: 'warning', closed: 'none' };

/** A status's colour in a chart, the same hue as its tag (grey for a status this screen does not know). */
export function enterpriseStatusColour(status: string): string {
  return MEANING_COLOUR[Object.hasOwn(MEANING, status) ? MEANING[status as EnterpriseStatus] : 'none'];
}

export function EnterpriseStatusTag({ status }: { status: EnterpriseStatus }) {
  const { tx } = useI18n();
  return <Tag color={MEANING_TAG[MEANING[status]]}>{tx(`enterpriseStatus.${status}`, status)}</Tag>;
}
