import { useState } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { staffingApi, staffingQueries, type Engagement, type Engineer, type Staff } from '../api/staffing.api';
import { DepartmentDrawer } from './DepartmentDrawer';
import { EngagementDrawer } from './EngagementDrawer';
import { EngineerDrawer } from './EngineerDrawer';
import { StaffDrawer } from './StaffDrawer';
import { StaffingCheckCard } from './StaffingCheckCard';
import { StaffingFiles } from './StaffingFiles';

type Open = { kind: 'department' } | { kind: 'staff'; item: Staff | null } | { kind: 'engineer'; item: Engineer | null } | { kind: 'engagement'; item: Engagement | null } | null;

/**
 * An enterprise's safety organisation (R-TEAM-1/2): the check with what is missing, the department, the safety staff,
 * the registered engineers and the outsourced services. The edit buttons show only when the server says `canManage`.
 */
export function StaffingDetail({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [open, setOpen] = useState<Open>(null);
  const q = useApiQuery(['staffing', enterpriseId], (signal) => staffingApi.get(enterpriseId, signal), !!enterpriseId);
  const remove = useApiMutation((f: () => Promise<unknown>) => f(), {
    invalidates: staffingQueries(enterpriseId), onSuccess: () => { void message.success(t('common.saved')); },
  });
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  const s = q.data;
  if (!s) return <Spin />;
  const can = s.abilities.canManage;
  const del = (confirm: Parameters<typeof t>[0], f: () => Promise<unknown>) => (
    <Popconfirm key="del" title={t(confirm)} onConfirm={() => remove.run(f).catch(showError)}>
      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
    </Popconfirm>
  );
  const edit = (onClick: () => void) => <Button key="edit" size="small" icon={<EditOutlined />} onClick={onClick} aria-label={t('common.edit')} />;
  const add = (label: Parameters<typeof t>[0], onClick: () => void, testId: string) =>
    can && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>{t(label)}</Button>;

  return (
    <Flex vertical gap={16} data-testid="staffing-detail">
      <StaffingCheckCard s={s} />

      <Card size="small" title={t('staffing.department.title')} extra={can && (
        <Space>
          <Button size="small" onClick={() => setOpen({ kind: 'department' })} data-testid="staffing-department-edit">{t(s.department ? 'staffing.department.edit' : 'staffing.department.set')}</Button>
          {s.department && del('staffing.department.removeConfirm', () => staffingApi.removeDepartment(enterpriseId))}
        </Space>
      )}>
        {s.department ? (
          <Flex vertical gap={4}>
            <Typography.Text strong>{s.department.name}</Typography.Text>
            {(s.department.documentNo || s.department.establishedOn) && (
              <Typography.Text type="secondary">{[s.department.documentNo, s.department.establishedOn].filter(Boolean).join(' · ')}</Typography.Text>
            )}
            {s.department.note && <Typography.Text>{s.department.note}</Typography.Text>}
            <StaffingFiles enterpriseId={enterpriseId} owner="department" ownerId={null} files={s.department.files} canManage={can} />
          </Flex>
        ) : <Typography.Text type="secondary">{t('staffing.department.none')}</Typography.Text>}
      </Card>

      <Card size="small" title={t('staffing.staff.title')} extra={add('staffing.staff.add', () => setOpen({ kind: 'staff', item: null }), 'staffing-staff-add')}>
        <List
          dataSource={s.staff} locale={{ emptyText: <Empty description={t('staffing.staff.empty')} /> }} data-testid="staffing-staff-list"
          renderItem={(x) => (
            <List.Item actions={can ? [edit(() => setOpen({ kind: 'staff', item: x })), del('staffing.staff.removeConfirm', () => staffingApi.removeStaff(enterpriseId, x.id))] : []}>
              <List.Item.Meta
                title={<Flex gap={8} wrap align="center">{x.employeeName}
                  <Tag color={MEANING_TAG[x.kind === 'full_time' ? 'normal' : 'none']}>{t(`staffing.kind.${x.kind}`)}</Tag>
                  {!x.counted && <Tag color={MEANING_TAG.danger}>{t('staffing.left')}</Tag>}
                </Flex>}
                description={<Flex vertical gap={4}>
                  {[x.orgUnitName, x.appointmentNo, x.appointedOn, x.duties].filter(Boolean).join(' · ')}
                  <StaffingFiles enterpriseId={enterpriseId} owner="staff" ownerId={x.id} files={x.files} canManage={can} />
                </Flex>}
              />
            </List.Item>
          )}
        />
      </Card>

      <Card size="small" title={t('staffing.engineers.title')} extra={add('staffing.engineers.add', () => setOpen({ kind: 'engineer', item: null }), 'staffing-engineer-add')}>
        <List
          dataSource={s.engineers} locale={{ emptyText: <Empty description={t('staffing.engineers.empty')} /> }}
          renderItem={(x) => (
            <List.Item actions={can ? [edit(() => setOpen({ kind: 'engineer', item: x })), del('staffing.engineers.removeConfirm', () => staffingApi.removeEngineer(enterpriseId, x.id))] : []}>
              <List.Item.Meta
                title={<Flex gap={8} wrap align="center">{x.employeeName}
                  <Tag>{t(`staffing.specialty.${x.specialty}`)}</Tag>
                  {x.expired && <Tag color={MEANING_TAG.danger}>{t('staffing.engineers.expired')}</Tag>}
                  {!x.employeeActive && <Tag color={MEANING_TAG.danger}>{t('staffing.left')}</Tag>}
                </Flex>}
                description={`${t('staffing.field.certificateNo')} ${x.certificateNo} · ${t('staffing.field.validUntil')} ${x.validUntil}`}
              />
            </List.Item>
          )}
        />
      </Card>

      <Card size="small" title={t('staffing.engagements.title')} extra={add('staffing.engagements.add', () => setOpen({ kind: 'engagement', item: null }), 'staffing-engagement-add')}>
        <Typography.Paragraph type="secondary">{t('staffing.engagements.hint')}</Typography.Paragraph>
        <List
          dataSource={s.engagements} locale={{ emptyText: <Empty description={t('staffing.engagements.empty')} /> }}
          renderItem={(x) => (
            <List.Item actions={can ? [edit(() => setOpen({ kind: 'engagement', item: x })), del('staffing.engagements.removeConfirm', () => staffingApi.removeEngagement(enterpriseId, x.id))] : []}>
              <List.Item.Meta
                title={<Flex gap={8} wrap align="center">{x.institutionName}
                  <Tag color={MEANING_TAG[x.current ? 'normal' : 'none']}>{t(x.current ? 'staffing.engagements.current' : 'staffing.engagements.ended')}</Tag>
                </Flex>}
                description={<Flex vertical gap={4}>
                  {[`${t('staffing.field.period')} ${x.startsOn} ~ ${x.endsOn ?? ''}`, x.services, x.contractNo].filter(Boolean).join(' · ')}
                  <StaffingFiles enterpriseId={enterpriseId} owner="engagement" ownerId={x.id} files={x.files} canManage={can} />
                </Flex>}
              />
            </List.Item>
          )}
        />
      </Card>

      {open?.kind === 'department' && <DepartmentDrawer enterpriseId={enterpriseId} department={s.department} onClose={() => setOpen(null)} />}
      {open?.kind === 'staff' && <StaffDrawer enterpriseId={enterpriseId} staff={open.item} onClose={() => setOpen(null)} />}
      {open?.kind === 'engineer' && <EngineerDrawer enterpriseId={enterpriseId} engineer={open.item} onClose={() => setOpen(null)} />}
      {open?.kind === 'engagement' && <EngagementDrawer enterpriseId={enterpriseId} engagement={open.item} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
