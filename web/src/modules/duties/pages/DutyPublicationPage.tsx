import { PrinterOutlined } from '@ant-design/icons';
import { Button, Collapse, Empty, Segmented, Skeleton, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { dutiesApi, type Publication, type PublishedList } from '../api/duties.api';
import { DutyItemsTable } from '../components/DutyItemsTable';

type Section = { key: string; title: string; sub: string; list: PublishedList };

/** Every published list as sections: posts, departments and named people. */
export function publicationSections(data: Publication, t: ReturnType<typeof useI18n>['t']): Section[] {
  return [
    ...data.posts.map((p) => ({ key: `p-${p.postId}`, title: `${p.unitPath} / ${p.postName}`, sub: p.list.name, list: p.list })),
    ...data.departments.map((d) => ({ key: `d-${d.orgUnitId}`, title: d.unitPath, sub: p(d.list.name, t('dutyLevel.department')), list: d.list })),
    ...data.people.map((m) => ({ key: `m-${m.employeeId}`, title: `${m.name}（${m.unitPath}）`, sub: p(m.list.name, t('dutyLevel.person')), list: m.list })),
  ];
}
const p = (name: string, kind: string) => `${name} · ${kind}`;

/**
 * 责任清单公示: what every employee reads (and prints) — his own duties first, then every post's, department's and
 * person's list in force. Works at phone width: each list opens as a block.
 */
export function DutyPublicationPage() {
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const mine = params.get('all') !== 'true';
  const { data, error, loading, reload } = useApiQuery(['duties', enterpriseId, 'publication', mine], (signal) => dutiesApi.publication(enterpriseId, mine ? { mine: 'true' } : {}, signal));
  const sections = data ? publicationSections(data, t) : [];
  return (
    <div data-testid="duty-publication-page">
      <PageHeader
        title={t('nav.dutyPublication')}
        sub={data ? t('dutyPublication.asOf', { name: data.enterpriseName, date: formatDate(data.asOf) }) : undefined}
        extra={<Button icon={<PrinterOutlined />} onClick={() => void navigate(`/duty-publication/print${mine ? '?mine=true' : ''}`)} data-testid="duty-publication-print">{t('dutyPublication.print')}</Button>}
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={mine ? 'mine' : 'all'}
        onChange={(v) => setParams(v === 'all' ? { all: 'true' } : {}, { replace: true })}
        options={[{ value: 'mine', label: t('dutyPublication.mine') }, { value: 'all', label: t('dutyPublication.all') }]}
        data-testid="duty-publication-switch"
      />
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Skeleton active />}
      {data && sections.length === 0 && <Empty description={mine ? t('dutyPublication.noneMine') : t('dutyPublication.none')} />}
      {data && sections.length > 0 && (
        <Collapse
          defaultActiveKey={mine ? sections.map((s) => s.key) : []}
          items={sections.map((s) => ({
            key: s.key,
            label: <span data-testid="duty-publication-section">{s.title}</span>,
            extra: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dutyList.versionN', { version: s.list.version })}</Typography.Text>,
            children: (
              <>
                <Typography.Paragraph type="secondary">{s.sub} · {t('dutyPublication.effective', { date: formatDate(s.list.effectiveOn) })}</Typography.Paragraph>
                <DutyItemsTable items={s.list.items} />
              </>
            ),
          }))}
        />
      )}
    </div>
  );
}
