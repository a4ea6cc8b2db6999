import { DownloadOutlined, EnvironmentOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, List, Popconfirm, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { useExport } from '../../../app/components/useExport';
import { useI18n, type Translate } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import {
  rescueApi, rescueQueries, type AgreementState, type EmergencyContact, type EquipmentState, type RescueAgreement, type RescueEquipment, type RescueOverview,
  type RescueTeam,
} from '../api/rescue.api';
import { EquipmentPlan } from './EquipmentPlan';
import { AgreementDrawer, ContactDrawer, EquipmentDrawer, InspectDrawer, TeamDrawer } from './RescueDrawers';

export const RESCUE_TABS = ['organisation', 'equipment', 'contacts'] as const;
export type RescueTab = (typeof RESCUE_TABS)[number];

const STATE_COLOR: Record<EquipmentState, string> = { ok: 'green', due_soon: 'orange', overdue: 'red', expired: 'red' };
const AGREEMENT_COLOR: Record<AgreementState, string> = { valid: 'green', expiring: 'orange', expired: 'red', future: 'default' };

/**
 * An enterprise's rescue organisation and resources (issue 14 §2, R-EMG-3): what the rules ask of it and whether its
 * rescue organisation is in place, its teams and agreements, emergency equipment with inspections, and contacts
 * (printable as a card). The managers edit; everyone else — a regulator's enterprise file included — reads.
 */
export function RescueBoard({ enterpriseId, sync = 'local' }: { enterpriseId: string; sync?: 'url' | 'local' }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [localTab, setLocalTab] = useState<RescueTab>('organisation');
  const tab = sync === 'url' ? (RESCUE_TABS.find((x) => x === params.get('tab')) ?? 'organisation') : localTab;
  const setTab = (k: string) => (sync === 'url' ? setParams({ tab: k }) : setLocalTab(k as RescueTab));
  const overview = useApiQuery(['rescue', enterpriseId, 'overview'], (signal) => rescueApi.overview(enterpriseId, signal));
  if (overview.error) return <ErrorState error={overview.error} onRetry={overview.reload} />;
  const o = overview.data;
  if (!o) return <Skeleton active />;
  const attention = sync === 'url' && params.get('state') === 'attention';
  return (
    <div data-testid="rescue-board">
      <Requirements o={o} t={t} />
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
        { key: 'organisation', label: t('rescue.tab.organisation'), children: <Organisation enterpriseId={enterpriseId} canManage={o.abilities.canManage} /> },
        { key: 'equipment', label: `${t('rescue.tab.equipment')}${o.counts.equipmentDue ? ` (${o.counts.equipmentDue})` : ''}`,
          children: <Equipment enterpriseId={enterpriseId} canManage={o.abilities.canManage} initialAttention={attention} /> },
        { key: 'contacts', label: t('rescue.tab.contacts'), children: <Contacts enterpriseId={enterpriseId} canManage={o.abilities.canManage} /> },
      ]} />
    </div>
  );
}

function Requirements({ o, t }: { o: RescueOverview; t: Translate }) {
  const r = o.requirements;
  const ready = o.readiness;
  return (
    <Card size="small" title={t('rescue.req.title')} style={{ marginBottom: 12 }} data-testid="rescue-requirements">
      <Flex wrap gap={6} style={{ marginBottom: 8 }}>
        <Tag color={r.rescueOrganisation === 'not_required' ? 'default' : 'blue'}>{t(`rescue.req.${r.rescueOrganisation}`)}</Tag>
        <Tag>{t(r.halfYearlyDrills ? 'rescue.req.halfYear' : 'rescue.req.yearly')}</Tag>
        {r.threeYearEvaluation && <Tag>{t('rescue.req.evaluation')}</Tag>}
        <Tag>{t(`rescue.req.${r.planReview}`)}</Tag>
      </Flex>
      {ready.required && (ready.met
        ? <Alert type="success" showIcon title={t('rescue.ready.met')} data-testid="rescue-ready" />
        : <Alert type="warning" showIcon title={t('rescue.ready.notMet')} data-testid="rescue-not-ready"
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{ready.reasons.map((x) => <li key={x}>{t(`rescue.reason.${x}`)}</li>)}</ul>} />)}
    </Card>
  );
}

function RowActions({ canManage, onEdit, onDelete, extra }: { canManage: boolean; onEdit: () => void; onDelete: () => Promise<unknown>; extra?: ReactNode }) {
  const { t } = useI18n();
  if (!canManage) return null;
  return (
    <Space wrap size={4}>
      {extra}
      <Button size="small" onClick={onEdit}>{t('rescue.edit')}</Button>
      <Popconfirm title={t('rescue.deleteConfirm')} onConfirm={onDelete}><Button size="small" danger>{t('rescue.delete')}</Button></Popconfirm>
    </Space>
  );
}

function Organisation({ enterpriseId, canManage }: { enterpriseId: string; canManage: boolean }) {
  const { t } = useI18n();
  const teams = useApiQuery(['rescue', enterpriseId, 'teams'], (signal) => rescueApi.teams(enterpriseId, signal));
  const agreements = useApiQuery(['rescue', enterpriseId, 'agreements'], (signal) => rescueApi.agreements(enterpriseId, signal));
  const [team, setTeam] = useState<RescueTeam | null | undefined>(undefined);
  const [agreement, setAgreement] = useState<RescueAgreement | null | undefined>(undefined);
  const delTeam = useApiMutation((id: string) => rescueApi.deleteTeam(enterpriseId, id), { invalidates: rescueQueries(enterpriseId) });
  const delAgreement = useApiMutation((id: string) => rescueApi.deleteAgreement(enterpriseId, id), { invalidates: rescueQueries(enterpriseId) });
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('rescue.teams')}</Typography.Title>
        {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setTeam(null)} data-testid="rescue-team-add">{t('rescue.team.add')}</Button>}
      </Flex>
      <List<RescueTeam> loading={teams.loading} dataSource={teams.data?.items ?? []} locale={{ emptyText: t('rescue.empty') }} data-testid="rescue-teams"
        renderItem={(team) => (
          <List.Item key={team.id}>
            <div style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={8}>
                <Space wrap><Typography.Text strong>{team.name}</Typography.Text><Tag>{t(`rescue.team.kind.${team.kind}`)}</Tag></Space>
                <RowActions canManage={canManage} onEdit={() => setTeam(team)} onDelete={() => delTeam.run(team.id)} />
              </Flex>
              {team.duties && <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>{team.duties}</Typography.Paragraph>}
              {team.members.length === 0
                ? <Typography.Text type="secondary">{t('rescue.team.noMembers')}</Typography.Text>
                : <Flex wrap gap={6}>{team.members.map((m) => (
                  <Tag key={m.id}>{[m.name, m.role, m.phone].filter(Boolean).join(' · ')}</Tag>
                ))}</Flex>}
            </div>
          </List.Item>
        )} />
      <Flex justify="space-between" align="center" style={{ margin: '16px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('rescue.agreements')}</Typography.Title>
        {canManage && <Button icon={<PlusOutlined />} onClick={() => setAgreement(null)} data-testid="rescue-agreement-add">{t('rescue.agreement.add')}</Button>}
      </Flex>
      <List<RescueAgreement> loading={agreements.loading} dataSource={agreements.data?.items ?? []} locale={{ emptyText: t('rescue.empty') }} data-testid="rescue-agreements"
        renderItem={(a) => (
          <List.Item key={a.id}>
            <div style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={8}>
                <Space wrap><Typography.Text strong>{a.counterpart}</Typography.Text><Tag color={AGREEMENT_COLOR[a.state]}>{t(`rescue.agreement.state.${a.state}`)}</Tag></Space>
                <RowActions canManage={canManage} onEdit={() => setAgreement(a)} onDelete={() => delAgreement.run(a.id)} />
              </Flex>
              <Typography.Text type="secondary">
                {`${t('rescue.agreement.validity')}：${a.validFrom} ~ ${a.validTo}`}
                {a.contactName || a.contactPhone ? `　${t('rescue.agreement.contact')}：${[a.contactName, a.contactPhone].filter(Boolean).join(' ')}` : ''}
              </Typography.Text>
              {a.attachmentIds.length > 0 && <div><Typography.Text type="secondary">{t('rescue.agreement.hasFile')} ✓</Typography.Text></div>}
            </div>
          </List.Item>
        )} />
      {team !== undefined && <TeamDrawer enterpriseId={enterpriseId} team={team} onClose={() => setTeam(undefined)} />}
      {agreement !== undefined && <AgreementDrawer enterpriseId={enterpriseId} agreement={agreement} onClose={() => setAgreement(undefined)} />}
    </>
  );
}

function Equipment({ enterpriseId, canManage, initialAttention }: { enterpriseId: string; canManage: boolean; initialAttention: boolean }) {
  const { t } = useI18n();
  const [attention, setAttention] = useState(initialAttention);
  const query = { state: attention ? 'attention' : 'all' };
  const list = useApiQuery(['rescue', enterpriseId, 'equipment', query.state], (signal) => rescueApi.equipment(enterpriseId, query, signal));
  const [editing, setEditing] = useState<RescueEquipment | null | undefined>(undefined);
  const [inspecting, setInspecting] = useState<RescueEquipment | null>(null);
  const [locating, setLocating] = useState<RescueEquipment | null>(null);
  const del = useApiMutation((id: string) => rescueApi.deleteEquipment(enterpriseId, id), { invalidates: rescueQueries(enterpriseId) });
  const exporter = useExport();
  const today = list.data?.today ?? '';
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Checkbox checked={attention} onChange={(e) => setAttention(e.target.checked)} data-testid="rescue-equipment-attention">{t('rescue.equipment.attention')}</Checkbox>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={() => void exporter.start(() => rescueApi.exportEquipment(enterpriseId, query))}>{t('rescue.export')}</Button>
          {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="rescue-equipment-add">{t('rescue.equipment.add')}</Button>}
        </Space>
      </Flex>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <List<RescueEquipment> loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('rescue.empty') }} data-testid="rescue-equipment"
          renderItem={(q) => (
            <List.Item key={q.id}>
              <div style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={8}>
                  <Space wrap>
                    <Typography.Text strong>{q.name}</Typography.Text>
                    <Tag>{t(`rescue.category.${q.category}`)}</Tag>
                    <Typography.Text>{`${q.quantity} ${q.unit}`}</Typography.Text>
                    <Tag color={STATE_COLOR[q.state]}>{t(`rescue.state.${q.state}`)}</Tag>
                    {q.floorPlanId && q.position && (
                      <Button size="small" icon={<EnvironmentOutlined />} onClick={() => setLocating(q)} data-testid="rescue-equipment-locate">{t('rescue.equipment.showOnPlan')}</Button>
                    )}
                  </Space>
                  <RowActions canManage={canManage} onEdit={() => setEditing(q)} onDelete={() => del.run(q.id)}
                    extra={<Button size="small" type="primary" ghost onClick={() => setInspecting(q)}>{t('rescue.equipment.inspect')}</Button>} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    q.location && `${t('rescue.equipment.location')}：${q.location}`,
                    q.keeper && `${t('rescue.equipment.keeper')}：${q.keeper}`,
                    q.lastInspectedOn && `${t('rescue.equipment.lastInspected')}：${q.lastInspectedOn}`,
                    q.nextInspectionDue && `${t('rescue.equipment.nextDue')}：${q.nextInspectionDue}`,
                    q.expiresOn && `${t('rescue.equipment.expiresOn')}：${q.expiresOn}`,
                  ].filter(Boolean).join('　')}
                </Typography.Text>
              </div>
            </List.Item>
          )} />
      )}
      {editing !== undefined && <EquipmentDrawer enterpriseId={enterpriseId} item={editing} today={today} onClose={() => setEditing(undefined)} />}
      {locating && <EquipmentPlan enterpriseId={enterpriseId} item={locating} onClose={() => setLocating(null)} />}
      {inspecting && <InspectDrawer enterpriseId={enterpriseId} item={inspecting} today={today} onClose={() => setInspecting(null)} />}
    </>
  );
}

function Contacts({ enterpriseId, canManage }: { enterpriseId: string; canManage: boolean }) {
  const { t } = useI18n();
  const list = useApiQuery(['rescue', enterpriseId, 'contacts'], (signal) => rescueApi.contacts(enterpriseId, signal));
  const [editing, setEditing] = useState<EmergencyContact | null | undefined>(undefined);
  const del = useApiMutation((id: string) => rescueApi.deleteContact(enterpriseId, id), { invalidates: rescueQueries(enterpriseId) });
  return (
    <>
      <Flex justify="flex-end" wrap gap={8} style={{ marginBottom: 8 }}>
        <Link to={`/enterprises/${enterpriseId}/rescue-card`}><Button icon={<PrinterOutlined />} data-testid="rescue-card-link">{t('rescue.card.print')}</Button></Link>
        {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="rescue-contact-add">{t('rescue.contact.add')}</Button>}
      </Flex>
      <List<EmergencyContact> loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('rescue.empty') }} data-testid="rescue-contacts"
        renderItem={(c) => (
          <List.Item key={c.id}>
            <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
              <Space wrap>
                <Tag>{t(`rescue.contact.kind.${c.kind}`)}</Tag>
                <Typography.Text strong>{c.name}</Typography.Text>
                {(c.organisation || c.role) && <Typography.Text type="secondary">{[c.organisation, c.role].filter(Boolean).join(' · ')}</Typography.Text>}
                <a href={`tel:${c.phone}`}>{c.phone}</a>
              </Space>
              <RowActions canManage={canManage} onEdit={() => setEditing(c)} onDelete={() => del.run(c.id)} />
            </Flex>
          </List.Item>
        )} />
      {editing !== undefined && <ContactDrawer enterpriseId={enterpriseId} contact={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
