import type { ModuleManifest } from '../../../platform/module';
import { investmentAuditNames, investmentMessages } from './investment.messages';
import { INVESTMENT_PERMISSIONS, INVESTMENT_ROLE_GRANTS } from './investment.permissions';
import './investment.policy';
import { investmentRoutes } from './investment.routes';
import { SAFETY_FEE_RULES } from './investment.rule-sets';
import { investmentWorkbench } from './investment.workbench';

/**
 * Safety investment and the safety production fee (R-INV-1, issue 12 §3): the yearly budget by category of use
 * approved by the principal's signature, the accrual computed by 财资〔2022〕136号 (rule-set `safety-fee`), the usage
 * ledger with vouchers and its .xlsx import, balance and carry-over, shortfall and misuse flags, the fee's audits, the
 * principal's signed yearly check (the ten-ones item `resp.ten.investment_check`), and the regulators' list.
 */
export const investmentManifest: ModuleManifest = {
  name: 'management.investment', routes: [investmentRoutes],
  permissions: INVESTMENT_PERMISSIONS, roleGrants: INVESTMENT_ROLE_GRANTS,
  messages: investmentMessages, auditEntities: investmentAuditNames.entities, auditActions: investmentAuditNames.actions,
  notificationKinds: { 'investment.budgetApproved': ['安全生产投入预算已批准', 'Safety investment budget approved'] },
  ruleSets: [SAFETY_FEE_RULES], workbench: investmentWorkbench,
};
