import { useState } from 'react';
import { SafetyOutlined } from '@ant-design/icons';
import { App, Button, List } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { auditApi } from '../api/audit.api';

/** Recomputes the hash chain on the server and says whether the log was tampered with. */
export function AuditVerifyButton() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      const r = await auditApi.verify();
      if (r.ok) {
        modal.success({
          title: t('audit.verifyOk'),
          content: <span data-testid="audit-verify-result">{t('audit.verifyOkBody', { checked: r.checked, chains: r.chains, lastSeq: r.lastSeq })}</span>,
          okText: t('common.ok'),
        });
      } else {
        modal.error({
          title: t('audit.verifyFailed'),
          width: 560,
          okText: t('common.ok'),
          content: (
            <div data-testid="audit-verify-result">
              <p>{t('audit.verifyFailedBody', { checked: r.checked, n: r.problems.length })}</p>
              <List
                size="small"
                dataSource={r.problems.slice(0, 50)}
                renderItem={(p) => (
                  <List.Item>
                    #{p.seq} — {t(`audit.problem.${p.reason}`)}
                    <span style={{ color: '#888', marginInlineStart: 8 }}>
                      {p.chain === 'platform' ? t('audit.chainPlatform') : `${t('audit.chainEnterprise')} ${p.chain.slice(0, 8)}`}
                    </span>
                  </List.Item>
                )}
              />
            </div>
          ),
        });
      }
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<SafetyOutlined />} loading={busy} onClick={() => void verify()} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}
