import { Divider, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { LetterDetail } from '../api/letters.api';

/**
 * One person's letter as it is read, signed and printed: the wording, the parties, and the signature with its time and
 * method (a drawn image, or a note for a password or a paper list). `print-sheet` keeps it alone on paper.
 */
export function LetterSheet({ letter }: { letter: LetterDetail }) {
  const { t } = useI18n();
  const sig = letter.signature;
  return (
    <div className="print-sheet" style={{ background: '#fff', padding: 24, maxWidth: 760, margin: '0 auto' }} data-testid="letter-sheet">
      <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>{letter.title}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>{t('letters.sheet.year', { year: letter.year })}</Typography.Paragraph>
      {letter.body.split('\n').map((p, i) => <Typography.Paragraph key={i} style={{ textIndent: '2em', lineHeight: 1.9, marginBottom: 8 }}>{p}</Typography.Paragraph>)}
      <Divider />
      <Typography.Paragraph>{t('letters.sheet.partyA', { name: letter.enterpriseName })}</Typography.Paragraph>
      <Typography.Paragraph>{t('letters.sheet.partyB', { name: letter.employeeName, unit: letter.orgUnitName })}</Typography.Paragraph>
      {sig && (
        <div data-testid="letter-signature">
          <Typography.Text>{t('letters.sheet.signature')}：</Typography.Text>
          {sig.image
            ? <img src={sig.image} alt={sig.signerName} style={{ height: 72, verticalAlign: 'middle' }} />
            : <Typography.Text strong>{sig.signerName}</Typography.Text>}
          {sig.method === 'password' && <Typography.Text type="secondary"> {t('letters.sheet.passwordSigned')}</Typography.Text>}
          {sig.method === 'paper' && <Typography.Text type="secondary"> {t(sig.confirmed ? 'letters.sheet.paperSigned' : 'letters.sheet.paperPending')}</Typography.Text>}
          <div><Typography.Text type="secondary">{t('letters.sheet.signedAt', { at: formatDateTime(sig.signedAt) })}</Typography.Text></div>
          {sig.operatorName && sig.method === 'proxy_pad' && <div><Typography.Text type="secondary">{t('letters.sheet.operator', { name: sig.operatorName })}</Typography.Text></div>}
          <div><Typography.Text type="secondary" style={{ fontSize: 11, wordBreak: 'break-all' }}>{t('letters.sheet.hash')}：{sig.contentSha256}</Typography.Text></div>
        </div>
      )}
    </div>
  );
}
