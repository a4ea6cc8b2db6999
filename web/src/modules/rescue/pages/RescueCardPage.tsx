import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import '../../../app/components/print-sheet.css';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { CONTACT_KINDS, rescueApi } from '../api/rescue.api';

/**
 * The emergency contact card (应急联络卡, issue 14 §2): the enterprise's contacts grouped by kind on one printable A4
 * sheet (print-sheet.css), with the reporting rule at its foot; on a phone it reads as a list with tap-to-call numbers.
 */
export function RescueCardPage() {
  const { t } = useI18n();
  const { enterpriseId = '' } = useParams();
  const { data, error, reload } = useApiQuery(['rescue', enterpriseId, 'contacts'], (signal) => rescueApi.contacts(enterpriseId, signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const groups = CONTACT_KINDS.map((k) => ({ kind: k, items: data.items.filter((c) => c.kind === k) })).filter((g) => g.items.length > 0);
  return (
    <div data-testid="rescue-card-page">
      <Flex justify="flex-end" className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="rescue-card-print">{t('rescue.card.print')}</Button>
      </Flex>
      <div className="print-sheet-doc">
        <h1>{t('rescue.card.title')}</h1>
        <div className="sheet-sub">{data.enterpriseName}</div>
        <table>
          <thead>
            <tr><th>{t('rescue.contact.kind')}</th><th>{t('rescue.contact.name')}</th><th>{t('rescue.contact.organisation')}</th><th>{t('rescue.contact.phone')}</th></tr>
          </thead>
          <tbody>
            {groups.flatMap((g) => g.items.map((c, i) => (
              <tr key={c.id}>
                <td>{i === 0 ? t(`rescue.contact.kind.${g.kind}`) : ''}</td>
                <td>{c.name}{c.role ? `（${c.role}）` : ''}</td>
                <td>{c.organisation}</td>
                <td style={{ fontSize: 15, fontWeight: 600 }}><a href={`tel:${c.phone}`}>{c.phone}</a></td>
              </tr>
            )))}
          </tbody>
        </table>
        <p style={{ marginTop: 12 }}>{t('rescue.card.footer')}</p>
      </div>
    </div>
  );
}
