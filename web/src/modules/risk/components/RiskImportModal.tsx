import { Alert, Collapse, Tag } from 'antd';
import { SpreadsheetImportModal } from '../../../app/components/SpreadsheetImportModal';
import { useI18n } from '../../../app/i18n';
import { riskApi, riskQueries, type RiskImportReport } from '../api/risk.api';

type Props = { enterpriseId: string; onClose: () => void };

/**
 * What the import will do, before anything is written (issue 10): rows whose code is an existing point's update it,
 * the others add points, and the points the file leaves out stay as they are.
 */
function ImportPlan({ plan }: { plan: RiskImportReport['plan'] }) {
  const { t } = useI18n();
  const regraded = plan.updated.filter((u) => u.gradeChanged).length;
  const lines = [
    plan.created.length > 0 && t('risk.importPlan.created', { n: plan.created.length }),
    plan.updated.length > 0 && `${t('risk.importPlan.updated', { n: plan.updated.length })}${regraded ? t('risk.p.paren', { x: t('risk.importPlan.regraded', { n: regraded }) }) : ''}`,
    plan.notInFile.length > 0 && t('risk.importPlan.notInFile', { n: plan.notInFile.length }),
  ].filter((l): l is string => !!l);
  if (lines.length === 0) return null;
  const section = (key: string, label: string, items: { key: string; text: string; tag?: string }[]) => items.length > 0 && {
    key, label,
    children: (
      <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}>
        {items.map((i) => <li key={i.key}>{i.text}{i.tag && <Tag color="orange" style={{ marginInlineStart: 8 }}>{i.tag}</Tag>}</li>)}
      </ul>
    ),
  };
  const items = [
    section('created', t('risk.importPlan.created', { n: plan.created.length }), plan.created.map((c) => ({ key: `r${c.row}`, text: `${c.code ?? t('risk.importPlan.autoCode')} · ${c.name}` }))),
    section('updated', t('risk.importPlan.updated', { n: plan.updated.length }), plan.updated.map((u) => ({ key: u.code, text: `${u.code} · ${u.name}`, ...(u.gradeChanged ? { tag: t('risk.importPlan.gradeChanged') } : {}) }))),
    section('notInFile', t('risk.importPlan.notInFile', { n: plan.notInFile.length }), plan.notInFile.map((p) => ({ key: p.code, text: `${p.code} · ${p.name}` }))),
  ].filter((i) => !!i);
  return (
    <>
      <Alert type="info" showIcon title={lines.map((l) => <div key={l}>{l}</div>)} data-testid="risk-import-plan" />
      <Collapse size="small" items={items} />
    </>
  );
}

/**
 * The ledger from a spreadsheet in the customary layout, as the employee import does it: a strict run imports all
 * or nothing; with errors the user sees each row's problem and may import the valid rows only. Warnings name cells
 * the import overrode (a grade that disagrees with its evaluation values).
 */
export function RiskImportModal({ enterpriseId, onClose }: Props) {
  const { t } = useI18n();
  return (
    <SpreadsheetImportModal
      title={t('risk.importTitle')}
      hint={t('risk.importHint')}
      width={800}
      testId="risk-import"
      upload={(file, mode) => riskApi.import(enterpriseId, file, mode)}
      preview={(file) => riskApi.import(enterpriseId, file, 'preview')}
      renderPlan={(data) => <ImportPlan plan={data.plan} />}
      downloadTemplate={() => riskApi.downloadTemplate(enterpriseId, t('risk.templateFile'))}
      warningsTitle={(n) => t('risk.importWarnings', { n })}
      onClose={onClose}
      invalidates={riskQueries(enterpriseId)}
    />
  );
}
