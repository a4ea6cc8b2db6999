import { Tag } from 'antd';
import { formatDate } from '../../../app/format';
import type { Archive } from '../api/training.api';
import { useI18n } from '../../../app/i18n';
import '../../../app/components/print-sheet.css';

/** 一人一档: the person's training record as a printable A4 sheet (print-sheet.css). */
export function ArchiveSheet({ a }: { a: Archive }) {
  const { t } = useI18n();
  return (
    <div className="print-sheet-doc" data-testid="training-archive">
      <h1>{t('training.archive.title')}</h1>
      <div className="sheet-sub">{a.enterpriseName}</div>
      <table>
        <tbody>
          <tr><th>{t('training.col.name')}</th><td>{a.name}</td><th>{t('training.unit')}</th><td>{a.unitName}</td></tr>
          <tr><th>{t('training.col.role')}</th><td>{a.roleName}</td><th>{t('training.archive.hire')}</th><td>{a.hireDate ? formatDate(a.hireDate) : '—'}</td></tr>
          <tr>
            <th>{t('training.archive.induction')}</th>
            <td>{a.inductionPassed ? t('training.archive.inductionDone') : t('training.archive.inductionNot')}{a.priorTraining && `（${t('training.archive.prior', { note: a.priorTraining.note })}）`}</td>
            <th>{t('training.archive.now')}</th>
            <td>{a.now ? `${t(`training.phase.${a.now.phase}`)} ${a.now.done} / ${a.now.required}` : '—'}{a.now?.short && <Tag color="red" style={{ marginLeft: 8 }}>{t('training.shortfallPeople')}</Tag>}</td>
          </tr>
        </tbody>
      </table>
      <h3>{t('training.archive.hoursByYear')}</h3>
      <table>
        <thead><tr><th>{t('training.col.heldOn')}</th><th>{t('training.col.hours')}</th><th>{t('training.col.attendees')}</th></tr></thead>
        <tbody>{a.hoursByYear.map((y) => <tr key={y.year}><td>{y.year}</td><td>{y.hours}</td><td>{y.sessions}</td></tr>)}</tbody>
      </table>
      <h3>{t('training.archive.sessions')}</h3>
      <table>
        <thead><tr><th>{t('training.col.heldOn')}</th><th>{t('training.col.type')}</th><th>{t('training.col.title')}</th><th>{t('training.col.trainer')}</th><th>{t('training.col.hours')}</th><th>{t('training.session.result')}</th></tr></thead>
        <tbody>
          {a.sessions.map((s) => (
            <tr key={s.sessionId}>
              <td>{formatDate(s.heldOn)}</td><td>{s.courseName}</td><td>{s.title}</td><td>{s.trainer}</td><td>{s.hours}</td>
              <td>{s.score ?? ''} {s.passed === null ? '' : s.passed ? t('training.session.passed') : t('training.session.failed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.retraining.length > 0 && (
        <>
          <h3>{t('training.archive.retraining')}</h3>
          <table>
            <tbody>
              {a.retraining.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.occurredOn)}</td><td>{t(`training.retraining.${r.reason}`)}</td><td>{r.note}</td>
                  <td>{r.coveredOn ? t('training.archive.covered', { day: formatDate(r.coveredOn) }) : t('training.archive.pending')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
