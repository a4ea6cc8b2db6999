import { useState, type ReactNode } from 'react';
import {
  CameraOutlined, CheckOutlined, ClockCircleOutlined, CloseOutlined, FileProtectOutlined, FlagOutlined, SendOutlined, StopOutlined, ThunderboltOutlined,
} from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { hazardsApi, type HazardDetail } from '../api/hazards.api';
import { AssignForm } from './AssignForm';
import { ConfirmForm } from './ConfirmForm';
import { ExtensionDecisionForm } from './ExtensionDecisionForm';
import { ExtensionRequestForm } from './ExtensionRequestForm';
import { NoteForm } from './NoteForm';
import { PlanForm } from './PlanForm';
import { SubmitForm } from './SubmitForm';
import { SupervisionForm } from './SupervisionForm';

type Action = 'confirm' | 'plan' | 'assign' | 'submit' | 'fixOnSpot' | 'accept' | 'reject' | 'void' | 'requestExtension' | 'decideExtension' | 'supervise' | 'delist';

type Props = { hazard: HazardDetail; onChange: (h: HazardDetail) => void };

/** The buttons the server's abilities allow, each opening its small form; nothing else is offered. */
export function HazardActions({ hazard: h, onChange }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Action | null>(null);
  const a = h.abilities;
  const pending = h.extensions.find((x) => x.status === 'pending');
  const close = () => setOpen(null);
  const done = (next: HazardDetail) => {
    setOpen(null);
    onChange(next);
  };

  const buttons: { action: Action; show: boolean; label: MessageKey; icon: ReactNode; primary?: boolean; danger?: boolean }[] = [
    { action: 'confirm', show: a.confirm, label: 'hazardOp.confirm', icon: <CheckOutlined />, primary: true },
    { action: 'plan', show: a.editPlan, label: h.plan ? 'hazard.planEdit' : 'hazard.planCreate', icon: <FileProtectOutlined />, primary: h.level === 'major' && !h.plan && a.assign },
    { action: 'assign', show: a.assign, label: h.status === 'rectifying' ? 'hazard.reassign' : 'hazardOp.assign', icon: <SendOutlined />, primary: h.status === 'confirmed' && (h.level !== 'major' || !!h.plan) },
    { action: 'submit', show: a.submit, label: 'hazardOp.submit', icon: <CameraOutlined />, primary: true },
    { action: 'fixOnSpot', show: a.fixOnSpot, label: 'hazardOp.fixOnSpot', icon: <ThunderboltOutlined /> },
    { action: 'accept', show: a.accept, label: 'hazardOp.accept', icon: <CheckOutlined />, primary: true },
    { action: 'reject', show: a.reject, label: 'hazardOp.reject', icon: <CloseOutlined />, danger: true },
    { action: 'requestExtension', show: a.requestExtension, label: 'hazardOp.requestExtension', icon: <ClockCircleOutlined /> },
    { action: 'decideExtension', show: a.decideExtension && !!pending, label: 'hazardOp.decideExtension', icon: <ClockCircleOutlined />, primary: true },
    { action: 'supervise', show: a.supervise, label: 'hazardOp.supervise', icon: <FlagOutlined />, primary: true },
    { action: 'delist', show: a.delist, label: 'hazardOp.delist', icon: <FlagOutlined /> },
    { action: 'void', show: a.void, label: 'hazardOp.void', icon: <StopOutlined />, danger: true },
  ];
  const shown = buttons.filter((b) => b.show);
  if (shown.length === 0) return null;

  const eid = h.enterpriseId;
  return (
    <>
      <Flex gap={8} wrap data-testid="hazard-actions">
        {shown.map((b) => (
          <Button
            key={b.action}
            type={b.primary ? 'primary' : 'default'}
            danger={b.danger}
            icon={b.icon}
            onClick={() => setOpen(b.action)}
            data-testid={`hazard-action-${b.action}`}
          >
            {t(b.label)}
          </Button>
        ))}
      </Flex>
      {open === 'confirm' && <ConfirmForm hazard={h} onDone={done} onClose={close} />}
      {open === 'plan' && <PlanForm hazard={h} onDone={done} onClose={close} />}
      {open === 'assign' && <AssignForm hazard={h} onDone={done} onClose={close} />}
      {(open === 'submit' || open === 'fixOnSpot') && <SubmitForm hazard={h} onSpot={open === 'fixOnSpot'} onDone={done} onClose={close} />}
      {open === 'requestExtension' && <ExtensionRequestForm hazard={h} onDone={done} onClose={close} />}
      {open === 'decideExtension' && pending && <ExtensionDecisionForm hazard={h} extension={pending} onDone={done} onClose={close} />}
      {open === 'supervise' && <SupervisionForm hazard={h} onDone={done} onClose={close} />}
      {open === 'accept' && (
        <NoteForm
          enterpriseId={eid}
          title="hazardOp.accept"
          label={h.level === 'major' ? 'hazard.acceptanceEvaluation' : 'hazard.acceptanceNote'}
          hint="hazard.acceptHint"
          required={h.level === 'major'}
          minLength={h.level === 'major' ? 5 : undefined}
          testId="hazard-accept-form"
          call={(note) => hazardsApi.accept(eid, h.id, { note })}
          onDone={done}
          onClose={close}
        />
      )}
      {open === 'reject' && (
        <NoteForm enterpriseId={eid} title="hazardOp.reject" label="hazard.rejectReason" required danger testId="hazard-reject-form" call={(note) => hazardsApi.reject(eid, h.id, { note })} onDone={done} onClose={close} />
      )}
      {open === 'void' && (
        <NoteForm enterpriseId={eid} title="hazardOp.void" label="hazard.voidReason" required danger testId="hazard-void-form" call={(reason) => hazardsApi.void(eid, h.id, { reason })} onDone={done} onClose={close} />
      )}
      {open === 'delist' && (
        <NoteForm enterpriseId={eid} title="hazardOp.delist" label="hazard.delistNote" hint="hazard.delistHint" testId="hazard-delist-form" call={(note) => hazardsApi.delist(eid, h.id, { note })} onDone={done} onClose={close} />
      )}
    </>
  );
}
