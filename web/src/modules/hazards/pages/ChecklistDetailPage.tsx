import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { checksApi } from '../api/checks.api';
import { checklistWhere } from '../components/checklist-where';
import { ChecklistItemsEditor } from '../components/ChecklistItemsEditor';

/** One checklist: where it applies, its items (editable by managers), and the way to its printable card. */
export function ChecklistDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const { data, error, loading, reload, setData } = useApiQuery(['checklists', enterpriseId, 'detail', id], (signal) => checksApi.checklist(enterpriseId, id, signal));
  usePageTitle(data?.name);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <PageLoading /> : null;
  return (
    <div data-testid="checklist-detail-page">
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap>
          <div>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>{data.name}</Typography.Title>
              <Tag>{t(`checklistLevel.${data.level}`)}</Tag>
            </Flex>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 8 }} items={[
              { key: 'where', label: t('checklist.appliesTo'), children: checklistWhere(data) || t('checklist.wholeEnterprise') },
              { key: 'items', label: t('checklist.items'), children: `${data.itemCount}${data.majorCount ? ` · ${t('checklist.majorCount', { n: data.majorCount })}` : ''}` },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(data.updatedAt) },
            ]} />
          </div>
          <Link to={`/checklists/${data.id}/print`}><Button icon={<PrinterOutlined />} data-testid="checklist-print">{t('checklist.print')}</Button></Link>
        </Flex>
      </Card>
      <Card>
        <ChecklistItemsEditor enterpriseId={enterpriseId} checklist={data} onSaved={setData} />
      </Card>
    </div>
  );
}
