import type { CSSProperties } from 'react';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEASURE_CATEGORIES, type MeasureCategory } from '../api/risk.api';
import type { PostCard, PublicCard } from '../api/risk-card.api';
import { GRADE_HEX, GRADE_TEXT } from './grade-style';
import { PhoneLink } from './PhoneLink';

type Props = {
  card: PublicCard | PostCard;
  /** The QR code as the server drew it, and the address it encodes (shown in full under it). */
  qr?: { svg: string; fullUrl: string } | null;
};

/**
 * R-RISK-7: the post's risk-notice card — hazards, possible accidents, measures, emergency actions, emergency phone —
 * in the grade's colour. The same sheet is printed for the wall and shown on the public page behind its QR code.
 */
export function RiskCardSheet({ card, qr }: Props) {
  const { t, tx } = useI18n();
  const vars = {
    '--grade': card.grade ? GRADE_HEX[card.grade] : '#595959',
    '--grade-text': card.grade ? GRADE_TEXT[card.grade] : '#fff',
  } as CSSProperties;
  const measures = new Map<MeasureCategory, string[]>();
  for (const p of card.points) {
    for (const m of p.measures) measures.set(m.category, [...(measures.get(m.category) ?? []), ...m.items]);
  }
  return (
    <div className="rc-card" style={vars} data-testid="risk-card" data-grade={card.grade ?? ''}>
      <div className="rc-head">
        <div className="rc-title">{t('risk.card.title')}</div>
        <div className="rc-post" data-testid="risk-card-post">{card.post.name}</div>
      </div>
      <table className="rc-info">
        <tbody>
          <tr><th>{t('risk.card.enterprise')}</th><td>{card.enterpriseName}</td></tr>
          <tr><th>{t('risk.card.unit')}</th><td data-testid="risk-card-unit">{card.post.unitPath}</td></tr>
          <tr>
            <th>{t('risk.card.grade')}</th>
            <td>
              {card.grade
                ? <span className="rp-grade-badge" style={{ background: GRADE_HEX[card.grade], color: GRADE_TEXT[card.grade] }} data-testid="risk-card-grade">{t(`risk.grade.${card.grade}`)}</span>
                : t('risk.unassessed')}
            </td>
          </tr>
          <tr>
            <th>{t('risk.card.points')}</th>
            <td>{card.points.length === 0 ? t('risk.card.noPoints') : card.points.map((p) => `${p.code} ${p.name}${p.grade ? t('risk.p.paren', { x: t(`risk.gradeShort.${p.grade}`) }) : ''}`).join(t('risk.p.semi'))}</td>
          </tr>
        </tbody>
      </table>
      <div className="rc-section">
        <h3>{t('risk.card.hazards')}</h3>
        <div>{card.hazards.length ? card.hazards.join(t('risk.p.semi')) : '—'}</div>
      </div>
      <div className="rc-section">
        <h3>{t('risk.card.accidents')}</h3>
        <div>{card.accidentTypes.length ? card.accidentTypes.map((a) => tx(`accident.${a}`, a)).join(t('risk.p.list')) : '—'}</div>
      </div>
      <div className="rc-section">
        <h3>{t('risk.card.measures')}</h3>
        {measures.size === 0 ? '—' : (
          <ul>
            {MEASURE_CATEGORIES.filter((c) => measures.has(c)).map((c) => (
              <li key={c}><span className="rc-cat">{t(`risk.measure.${c}`)}{t('risk.p.colon')}</span>{(measures.get(c) ?? []).join(t('risk.p.semi'))}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="rc-section">
        <h3>{t('risk.card.emergency')}</h3>
        {card.emergencyActions.length === 0 ? '—' : <ul>{card.emergencyActions.map((a, i) => <li key={i}>{a}</li>)}</ul>}
      </div>
      <div className="rc-foot">
        <div>
          <div className="rc-phones">{t('risk.card.emergencyPhone')}{t('risk.p.colon')}<PhoneLink value={card.emergencyPhone} /></div>
          <div className="rc-phones">{t('risk.card.alarmPhones')}{t('risk.p.colon')}<PhoneLink value={card.alarmPhones} /></div>
          {card.updatedAt && <div style={{ fontSize: '9pt', marginTop: '1mm' }}>{t('risk.card.updatedAt', { date: formatDate(card.updatedAt) })}</div>}
        </div>
        {qr && (
          <div className="rc-qr" data-testid="risk-card-qr">
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.svg)}`} alt={t('risk.card.qr')} />
            <div style={{ fontSize: '9pt' }}>{t('risk.card.qr')}</div>
            <div className="rc-url" data-testid="card-qr-url">{qr.fullUrl}</div>
          </div>
        )}
      </div>
    </div>
  );
}

