import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { SPECIAL_WORK_KINDS, type Notice } from '../api/letters.api';

type Sheet = Pick<Notice, 'enterpriseName' | 'day' | 'units' | 'majorHazards' | 'specialWork' | 'specialWorkTotal' | 'trialProduction' | 'startStop'
  | 'maintenanceWork' | 'note' | 'commitment' | 'principalName' | 'postedAt' | 'signatureImage'>;

const cell = { border: '1px solid #8c8c8c', padding: '6px 10px', textAlign: 'left' as const, verticalAlign: 'top' as const };

/**
 * 安全风险研判与承诺公告 (R-COM-1, issue 11 §6) as it is posted at the gate and printed on A4: the day, the installations,
 * the major hazard sources, the special operations (动火 and 受限空间 always named), trial production / start-stop /
 * maintenance, the principal's commitment, his signature and the time it was posted.
 */
export function DailyNoticeSheet({ n, scale = 1 }: { n: Sheet; scale?: number }) {
  const { t } = useI18n();
  const size = (x: number) => x * scale;
  const [y, m, d] = n.day.split('-').map(Number);
  const yesNo = (v: boolean) => t(v ? 'dailyNotice.yes' : 'dailyNotice.no');
  const work = SPECIAL_WORK_KINDS.filter((k) => k === 'hot_work' || k === 'confined_space' || n.specialWork[k] > 0)
    .map((k) => t('dailyNotice.workCount', { kind: t(`dailyNotice.work.${k}`), n: n.specialWork[k] }));
  const rows: [string, ReactNode][] = [
    [t('dailyNotice.units'), t('dailyNotice.unitsValue', n.units)],
    [t('dailyNotice.majorHazards'), n.majorHazards.total === 0 ? t('dailyNotice.majorNone') : (
      <Typography.Text strong type={n.majorHazards.safe ? 'success' : 'danger'}>
        {t(n.majorHazards.safe ? 'dailyNotice.majorSafe' : 'dailyNotice.majorUnsafe', { n: n.majorHazards.total })}
      </Typography.Text>
    )],
    [t('dailyNotice.specialWork'), n.specialWorkTotal === 0 ? t('dailyNotice.specialNone') : work.join('；')],
    [t('dailyNotice.trialProduction'), yesNo(n.trialProduction)],
    [t('dailyNotice.startStop'), yesNo(n.startStop)],
    [t('dailyNotice.maintenanceWork'), yesNo(n.maintenanceWork)],
    ...(n.note ? [[t('dailyNotice.note'), n.note] as [string, ReactNode]] : []),
  ];
  return (
    <div className="print-sheet" style={{ background: '#fff', padding: size(24), fontSize: size(15) }} data-testid="daily-notice-sheet">
      <Typography.Title level={2} style={{ textAlign: 'center', fontSize: size(26), marginBottom: size(4) }}>{t('dailyNotice.sheet.heading')}</Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center', fontSize: size(16) }}>
        {n.enterpriseName} · {t('dailyNotice.sheet.date', { y: y ?? '', m: m ?? '', d: d ?? '' })}
      </Typography.Paragraph>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: size(15), marginBottom: size(16) }}>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}><th style={{ ...cell, width: '32%', background: '#f5f7fa' }}>{label}</th><td style={cell}>{value}</td></tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph strong style={{ textIndent: '2em', lineHeight: 1.9, fontSize: size(16) }}>{n.commitment}</Typography.Paragraph>
      <div style={{ textAlign: 'right', marginTop: size(16) }}>
        <div>
          {t('dailyNotice.sheet.signature')}
          {n.signatureImage
            ? <img src={n.signatureImage} alt={n.principalName} style={{ height: size(64), verticalAlign: 'middle' }} />
            : <span style={{ display: 'inline-block', minWidth: size(120), borderBottom: '1px solid #000' }}>{n.postedAt ? n.principalName : '\u00a0'}</span>}
        </div>
        <div>{t('dailyNotice.sheet.postedAt', { at: n.postedAt ? formatDateTime(n.postedAt) : '____' })}</div>
      </div>
    </div>
  );
}
