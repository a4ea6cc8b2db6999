import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { KeyMomentSummary, OfficialHoliday } from '../api/key-moments.api';
import { KindTag } from './KeyMomentTags';

type Entry = { key: string; startsOn: string; endsOn: string; name: string; moment: KeyMomentSummary | null };

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const monthOf = (day: string) => Number(day.slice(5, 7));
const dayRange = (a: string, b: string) => (a === b ? a.slice(5) : `${a.slice(5)}～${b.slice(5)}`);

/**
 * The year at a glance: per month, the key moments that start in it and the statutory holidays of the official calendar
 * that have no moment yet (they open a month ahead). A moment with a missed day is red.
 */
export function YearCalendar({ enterpriseId, year, moments, holidays }: { enterpriseId: string; year: number; moments: KeyMomentSummary[]; holidays: OfficialHoliday[] }) {
  const { t, locale } = useI18n();
  const entries: Entry[] = [
    ...moments.map((m) => ({ key: m.id, startsOn: m.startsOn, endsOn: m.endsOn, name: m.name, moment: m })),
    ...holidays.filter((h) => !h.momentId).map((h) => ({ key: `h${h.startsOn}`, startsOn: h.startsOn, endsOn: h.endsOn, name: h.name, moment: null })),
  ].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const monthName = (m: number) => (locale === 'en-US' ? new Date(Date.UTC(year, m - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }) : `${m}月`);
  return (
    <Row gutter={[12, 12]} data-testid="key-moment-calendar">
      {MONTHS.map((month) => {
        const here = entries.filter((e) => monthOf(e.startsOn) === month && e.startsOn.startsWith(String(year)));
        return (
          <Col key={month} xs={24} sm={12} lg={8} xl={6}>
            <Card size="small" title={monthName(month)} styles={{ body: { minHeight: 64 } }}>
              <Flex vertical gap={6}>
                {here.map((e) => (
                  <Flex key={e.key} gap={6} align="center" wrap>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayRange(e.startsOn, e.endsOn)}</Typography.Text>
                    {e.moment ? (
                      <>
                        <Link to={`/enterprises/${enterpriseId}/key-moments/${e.moment.id}`}>{e.name}</Link>
                        <KindTag kind={e.moment.kind} />
                        {e.moment.missingDays > 0 && <Tag color={MEANING_TAG.danger}>{t('keyMoment.missing', { n: e.moment.missingDays })}</Tag>}
                        {e.moment.covered && <Tag color={MEANING_TAG.done}>{t('keyMoment.covered')}</Tag>}
                      </>
                    ) : (
                      <><span>{e.name}</span><Tag>{t('keyMoment.officialHoliday')}</Tag></>
                    )}
                  </Flex>
                ))}
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
