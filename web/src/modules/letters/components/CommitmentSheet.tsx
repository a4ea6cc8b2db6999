import { Typography } from 'antd';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';

type Sheet = {
  enterpriseName: string; year: number; principalName: string; closing: string;
  sections: { aspect: string; title: string; text: string }[];
  signedAt: string | null; signatureImage: string | null;
};

/**
 * The principal's commitment as it is read, posted and published: the five aspects, the closing pledge, the signature
 * and its date, and, on the poster, the QR code of the public page. Sized by the caller (screen, A4, A3).
 */
export function CommitmentSheet({ c, qr, scale = 1 }: { c: Sheet; qr?: { svg: string; fullUrl: string } | null; scale?: number }) {
  const { t } = useI18n();
  const size = (n: number) => n * scale;
  return (
    <div className="print-sheet" style={{ background: '#fff', padding: size(28), fontSize: size(15) }} data-testid="commitment-sheet">
      <Typography.Title level={2} style={{ textAlign: 'center', fontSize: size(26), marginBottom: size(4) }}>
        {t('commitment.sheet.heading', { year: c.year })}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center', fontSize: size(16) }}>{c.enterpriseName}</Typography.Paragraph>
      {c.sections.map((s, i) => (
        <div key={s.aspect} style={{ marginBottom: size(10) }}>
          <Typography.Text strong style={{ fontSize: size(16) }}>{`${'一二三四五'[i] ?? i + 1}、${s.title}`}</Typography.Text>
          <Typography.Paragraph style={{ textIndent: '2em', lineHeight: 1.9, fontSize: size(15), marginBottom: 0 }}>{s.text}</Typography.Paragraph>
        </div>
      ))}
      <Typography.Paragraph strong style={{ textIndent: '2em', lineHeight: 1.9, fontSize: size(15) }}>{c.closing}</Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', gap: size(16), marginTop: size(20) }}>
        {qr ? (
          <div style={{ textAlign: 'center', width: size(140) }} data-testid="commitment-qr">
            <div style={{ width: size(130), height: size(130), margin: '0 auto' }} dangerouslySetInnerHTML={{ __html: qr.svg }} />
            <div style={{ fontSize: size(11) }}>{t('commitment.sheet.scan')}</div>
          </div>
        ) : <span />}
        <div style={{ textAlign: 'right' }}>
          <div>
            {t('commitment.sheet.signature')}
            {c.signatureImage
              ? <img src={c.signatureImage} alt={c.principalName} style={{ height: size(70), verticalAlign: 'middle' }} />
              : <span style={{ display: 'inline-block', minWidth: size(120), borderBottom: '1px solid #000' }}>{c.signedAt ? c.principalName : '\u00a0'}</span>}
          </div>
          <div>{t('commitment.sheet.date', { date: c.signedAt ? formatDate(c.signedAt) : '____年__月__日' })}</div>
        </div>
      </div>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: size(16), fontSize: size(12) }}>{t('commitment.sheet.supervise')}</Typography.Paragraph>
    </div>
  );
}
