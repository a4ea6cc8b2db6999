import { useState } from 'react';
import { CheckOutlined, ExportOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { obligationQueries, obligationsApi, type Occurrence, type OccurrenceDetail } from '../api/obligations.api';
import { EvidenceDrawer } from './EvidenceDrawer';
import { isOpen } from './status-style';
import { WaiveDrawer } from './WaiveDrawer';

type Props = {
  occurrence: Occurrence;
  /** The detail page takes the answer as its new state. */
  onChanged?: (d: OccurrenceDetail) => void;
  /** 豁免 is offered on the duty's own page, where its reason can be read in context. */
  withWaive?: boolean;
  /** On a phone card the buttons fill the row, easy to hit with a thumb. */
  block?: boolean;
  onConflict?: () => void;
};

/**
 * One tap to fulfil (issue 11 §1): 去办理 opens the page where the record that fulfils it is made, 上传佐证 takes
 * evidence, 确认 is the principal's confirmation of someone else's evidence, 豁免 (where allowed) waives it. Every
 * button comes from the occurrence's `abilities`, except 去办理, which the enterprise's own people see on an open duty.
 */
export function DutyActions({ occurrence: o, onChanged, withWaive, block, onConflict }: Props) {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [drawer, setDrawer] = useState<'evidence' | 'waive' | null>(null);
  const confirm = useApiMutation(() => obligationsApi.confirm(o.enterpriseId, o.id), {
    invalidates: obligationQueries(o.enterpriseId),
    onSuccess: (d) => {
      void message.success(t('obligation.confirmed'));
      onChanged?.(d);
    },
  });
  const insider = me.scope.enterpriseId === o.enterpriseId;
  const goDo = isOpen(o.status) && insider && !!o.link && !o.abilities.confirm;
  const { evidence, waive } = o.abilities;
  const confirmable = o.abilities.confirm;
  if (!goDo && !evidence && !confirmable && !(withWaive && waive)) return null;
  const style = block ? { flex: 1 } : undefined;

  return (
    <Flex gap={8} wrap data-testid="obligation-actions">
      {confirmable && (
        <Popconfirm
          title={t('obligation.confirmTitle')}
          okText={t('obligation.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={async () => {
            try {
              await confirm.run(undefined);
            } catch (e) {
              showError(e, { onConflict });
            }
          }}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={confirm.saving} style={style} data-testid="obligation-confirm">{t('obligation.confirm')}</Button>
        </Popconfirm>
      )}
      {goDo && (
        <Link to={o.link!} style={style}>
          <Button type="primary" icon={<ExportOutlined />} block={block} data-testid="obligation-go">{t('obligation.goDo')}</Button>
        </Link>
      )}
      {evidence && (
        <Button type={goDo || confirmable ? 'default' : 'primary'} icon={<UploadOutlined />} style={style} onClick={() => setDrawer('evidence')} data-testid="obligation-upload">
          {t('obligation.uploadEvidence')}
        </Button>
      )}
      {withWaive && waive && (
        <Button danger icon={<StopOutlined />} style={style} onClick={() => setDrawer('waive')} data-testid="obligation-waive-button">{t('obligation.waive')}</Button>
      )}
      {drawer === 'evidence' && (
        <EvidenceDrawer
          occurrence={o}
          principal={me.role === 'enterprise_principal'}
          onDone={onChanged}
          onClose={() => setDrawer(null)}
          onConflict={onConflict && (() => { setDrawer(null); onConflict(); })}
        />
      )}
      {drawer === 'waive' && <WaiveDrawer occurrence={o} onDone={onChanged} onClose={() => setDrawer(null)} />}
    </Flex>
  );
}
