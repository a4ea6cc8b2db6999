import { Button, Card, Col, Drawer, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useDrawerSize } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { dutiesApi, type TemplateKey, type TemplateSummary } from '../api/duties.api';
import { DutyItemsTable } from './DutyItemsTable';
import { ListCreateDrawer } from './ListCreateDrawer';

const GROUPS = ['leaders', 'management', 'operations', 'nonRegular', 'departments'] as const;

/** The built-in templates by position and department, each with its items and the law they come from; copy one into a list. */
export function TemplateLibrary({ enterpriseId, canManage }: { enterpriseId: string; canManage: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<TemplateKey | null>(null);
  const [copying, setCopying] = useState<TemplateKey | null>(null);
  const { data, error, loading, reload } = useApiQuery(['duties', 'templates'], (signal) => dutiesApi.templates(signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Skeleton active /> : null;
  return (
    <div data-testid="duty-template-library">
      {GROUPS.map((g) => (
        <div key={g} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{t(`dutyTemplateGroup.${g}`)}</Typography.Title>
          <Row gutter={[12, 12]}>
            {data.filter((x) => x.group === g).map((x) => (
              <Col key={x.key} xs={24} md={12} xl={8}>
                <TemplateCard template={x} onOpen={() => setOpen(x.key)} onCopy={canManage ? () => setCopying(x.key) : undefined} />
              </Col>
            ))}
          </Row>
        </div>
      ))}
      {open && <TemplateDrawer templateKey={open} onClose={() => setOpen(null)} onCopy={canManage ? () => { setCopying(open); setOpen(null); } : undefined} />}
      {copying && <ListCreateDrawer enterpriseId={enterpriseId} templateKey={copying} onClose={() => setCopying(null)} />}
    </div>
  );
}

function TemplateCard({ template, onOpen, onCopy }: { template: TemplateSummary; onOpen: () => void; onCopy?: () => void }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={template.name}
      extra={<Tag>{t(`dutyLevel.${template.level}`)}</Tag>}
      actions={[
        <Button key="open" type="link" onClick={onOpen} data-testid="duty-template-open">{t('dutyTemplate.view')}</Button>,
        ...(onCopy ? [<Button key="copy" type="link" onClick={onCopy} data-testid="duty-template-copy">{t('dutyTemplate.copy')}</Button>] : []),
      ]}
      data-testid={`duty-template-${template.key}`}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} ellipsis={{ rows: 2 }}>
        {t('dutyList.itemCount', { n: template.itemCount })} · {template.sources.slice(0, 3).join('；')}
      </Typography.Paragraph>
    </Card>
  );
}

function TemplateDrawer({ templateKey, onClose, onCopy }: { templateKey: TemplateKey; onClose: () => void; onCopy?: () => void }) {
  const { t } = useI18n();
  const size = useDrawerSize(960);
  const { data, error, reload } = useApiQuery(['duties', 'templates', templateKey], (signal) => dutiesApi.template(templateKey, signal));
  return (
    <Drawer open size={size} title={data?.name ?? ''} onClose={onClose} extra={onCopy && <Button type="primary" onClick={onCopy}>{t('dutyTemplate.copy')}</Button>}>
      {error ? <ErrorState error={error} onRetry={reload} /> : data ? <DutyItemsTable items={data.items} testId="duty-template-items" /> : <Skeleton active />}
    </Drawer>
  );
}
