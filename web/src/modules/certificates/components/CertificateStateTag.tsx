import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { CertificateState } from '../api/certificates.api';

const COLOR: Record<CertificateState, string> = {
  valid: MEANING_TAG.done, review_due: MEANING_TAG.warning, expiring: MEANING_TAG.warning, review_overdue: MEANING_TAG.danger,
  expired: MEANING_TAG.danger, revoked: MEANING_TAG.none,
};

/** A certificate's state on the server's today: valid, due soon (expiry or review), void (expired, review overdue, revoked). */
export function CertificateStateTag({ state }: { state: CertificateState }) {
  const { t } = useI18n();
  return <Tag color={COLOR[state]}>{t(`certificates.state.${state}`)}</Tag>;
}
