import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TEXT } from '../../../app/palette';
import { MEASURE_CATEGORIES } from '../api/risk.api';
import type { RiskBoard } from '../api/risk-card.api';
import { GRADE_HEX, GRADE_TEXT, GRADES } from './grade-style';

/** R-RISK-7: the enterprise notice board (公告栏) — main risk points, kind, grade, measures and emergency measures. */
export function BoardSheet({ board }: { board: RiskBoard }) {
  const { t, tx } = useI18n();
  const today = formatDate(new Date().toISOString());
  return (
    <div data-testid="risk-board">
      <h1>{t('risk.board.title')}</h1>
      <div className="rp-sub">{board.enterprise.name}</div>
      <div className="rp-counts">
        {GRADES.map((g) => (
          <span key={g} style={{ background: GRADE_HEX[g], color: GRADE_TEXT[g] }}>{t(`risk.grade.${g}`)} {board.counts[g]}</span>
        ))}
      </div>
      <table className="rp-table">
        <thead>
          <tr>
            <th>{t('risk.board.seq')}</th>
            <th>{t('risk.name')}</th>
            <th>{t('risk.kindLabel')}</th>
            <th>{t('risk.orgUnit')}</th>
            <th>{t('risk.gradeLabel')}</th>
            <th>{t('risk.board.hazards')}</th>
            <th>{t('risk.accidentTypes')}</th>
            <th>{t('risk.card.measures')}</th>
            <th>{t('risk.emergencyMeasures')}</th>
            <th>{t('risk.board.control')}</th>
          </tr>
        </thead>
        <tbody>
          {board.points.length === 0 && <tr><td colSpan={10} style={{ textAlign: 'center' }}>{t('risk.board.empty')}</td></tr>}
          {board.points.map((p, i) => {
            const hazards = [...p.hazards.people, ...p.hazards.things, ...p.hazards.environment, ...p.hazards.management];
            return (
              <tr key={p.id ?? p.code}>
                <td>{i + 1}</td>
                <td>{p.code} {p.name}{p.location ? <div style={{ fontSize: '8.5pt', color: '#444' }}>{p.location}</div> : null}</td>
                <td>{t(`risk.kind.${p.kind}`)}</td>
                <td>{p.unitPath}</td>
                <td className="rp-grade" style={p.grade ? { background: GRADE_HEX[p.grade], color: GRADE_TEXT[p.grade] } : undefined}>
                  {p.grade ? t(`risk.gradeShort.${p.grade}`) : t('risk.unassessed')}
                </td>
                <td>{hazards.join(t('risk.p.semi')) || '—'}</td>
                <td>{p.accidentTypes.map((a) => tx(`accident.${a}`, a)).join(t('risk.p.list')) || '—'}</td>
                <td>
                  {MEASURE_CATEGORIES.map((c) => {
                    const items = p.measures.filter((m) => m.category === c).flatMap((m) => m.items);
                    return items.length ? <div key={c}><b>{t(`risk.measure.${c}`)}{t('risk.p.colon')}</b>{items.join(t('risk.p.semi'))}</div> : null;
                  })}
                  {p.checklist && (
                    <div style={{ marginTop: 2 }}>
                      {p.checklist.map((c) => <span key={c.item} style={{ marginRight: 6, color: c.present ? MEANING_TEXT.done : MEANING_TEXT.danger }}>{c.present ? '✓' : '✗'}{t(`risk.r8.${c.item}`)}</span>)}
                    </div>
                  )}
                </td>
                <td>{p.emergencyMeasures || '—'}</td>
                <td>
                  {p.controlLevel ? t(`risk.level.${p.controlLevel}`) : '—'}
                  {p.controllers.map((c) => <div key={c.level} style={{ fontSize: '8.5pt' }}>{t(`risk.levelShort.${c.level}`)}{t('risk.p.colon')}{c.name}</div>)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="rp-foot">
        <span>{t('risk.board.principal')}{t('risk.p.colon')}{board.enterprise.principalName || '—'}</span>
        <span><b>{t('risk.card.emergencyPhone')}{t('risk.p.colon')}{board.emergencyPhone || '—'}</b></span>
        <span><b>{t('risk.card.alarmPhones')}{t('risk.p.colon')}{board.alarmPhones || '—'}</b></span>
        <span>{t('risk.board.address')}{t('risk.p.colon')}{board.enterprise.address || '—'}</span>
        <span>{t('risk.printedOn', { date: today })}</span>
      </div>
    </div>
  );
}
