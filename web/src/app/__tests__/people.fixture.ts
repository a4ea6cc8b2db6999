import type { Me } from '../../modules/auth/api/auth.api';

/*
 * The demo's people as /auth/me describes them: role, scope and the permissions the server grants that role (read
 * from GET /auth/me of each demo account, December 2026). The menu tests build each role's side menu from these.
 * A role's grants changing on the server does not fail the menu tests by itself: copy the new list here.
 */

const person = (username: string, role: Me['role'], kind: Me['scope']['kind'], enterpriseId: string | null, permissions: string[]): Me => ({
  id: `u-${username}`, username, displayName: username, role, roleName: role, locale: 'zh-CN', mustChangePassword: false,
  csrfToken: 'x', assignableRoles: [], permissions,
  scope: { kind, id: enterpriseId ?? `s-${username}`, name: '关上街道', enterpriseId },
}) as Me;

export const PEOPLE = {
  admin: person('admin', 'district_admin', 'district', null, [
    'reference.read', 'reference.manage', 'enterprise.read', 'enterprise.create', 'enterprise.update',
    'orgunit.read', 'orgunit.manage', 'employee.read', 'employee.manage', 'employee.import', 'employee.export',
    'user.read', 'user.manage', 'audit.read', 'audit.verify', 'job.read', 'rules.manage', 'signature.sign',
    'risk.read', 'risk.manage', 'risk.rules', 'risk.report.confirm', 'risk.report.submit', 'risk.supervise',
    'risk.card.acknowledge', 'risk.card.proxy', 'risk.card.acks', 'hazard.read', 'hazard.report', 'hazard.act',
    'hazard.manage', 'hazard.supervise', 'obligation.read', 'obligation.fulfil', 'obligation.waive',
    'obligation.supervise', 'duty.read', 'duty.manage', 'duty.coverage', 'duty.sign', 'duty.assess', 'letters.read',
    'letters.manage', 'letters.sign', 'letters.operate', 'commitment.read', 'commitment.manage', 'commitment.sign',
    'commitment.supervise', 'meeting.read', 'meeting.record', 'meeting.act', 'key_moment.read', 'key_moment.manage',
    'key_moment.checkin', 'key_moment.supervise', 'pay_link.read', 'pay_link.record', 'mentoring.read',
    'mentoring.manage', 'mentoring.sign', 'daily_notice.read', 'daily_notice.draft', 'daily_notice.sign',
    'daily_notice.supervise', 'staffing.read', 'staffing.manage', 'staffing.supervise', 'equipment.read',
    'equipment.manage', 'equipment.supervise', 'culture.read', 'culture.manage', 'insurance.read',
    'insurance.confirm', 'insurance.work_injury', 'insurance.underwrite', 'insurance.supervise', 'investment.read',
    'investment.manage', 'investment.approve', 'investment.supervise', 'documents.read', 'documents.manage',
    'documents.approve', 'documents.acknowledge', 'documents.supervise', 'laws.manage', 'training.read',
    'training.manage', 'training.review', 'training.record', 'training.attend', 'training.supervise',
    'certificate.read', 'certificate.manage', 'certificate.supervise', 'ppe.read', 'ppe.manage', 'ppe.issue',
    'ppe.own', 'ppe.supervise', 'standardisation.read', 'standardisation.manage', 'standardisation.sign',
    'standardisation.supervise', 'management.overview',
  ]),
  yjj: person('yjj', 'department_officer', 'department', null, [
    'reference.read', 'enterprise.read', 'orgunit.read', 'employee.read', 'employee.export', 'risk.read',
    'risk.supervise', 'risk.card.acks', 'hazard.read', 'hazard.report', 'hazard.supervise', 'obligation.read',
    'obligation.waive', 'obligation.supervise', 'duty.read', 'duty.coverage', 'commitment.read',
    'commitment.supervise', 'meeting.read', 'key_moment.read', 'key_moment.supervise', 'pay_link.read',
    'mentoring.read', 'daily_notice.read', 'daily_notice.supervise', 'staffing.read', 'staffing.supervise',
    'equipment.read', 'equipment.supervise', 'insurance.read', 'insurance.supervise', 'investment.read',
    'investment.supervise', 'documents.read', 'documents.supervise', 'training.read', 'training.supervise',
    'certificate.read', 'certificate.supervise', 'ppe.read', 'ppe.supervise', 'standardisation.read',
    'standardisation.supervise', 'management.overview',
  ]),
  guanshang: person('guanshang', 'subdistrict_officer', 'subdistrict', null, [
    'reference.read', 'enterprise.read', 'orgunit.read', 'employee.read', 'employee.export', 'risk.read',
    'risk.supervise', 'risk.card.acks', 'hazard.read', 'hazard.report', 'hazard.supervise', 'obligation.read',
    'obligation.supervise', 'duty.read', 'duty.coverage', 'commitment.read', 'commitment.supervise', 'meeting.read',
    'key_moment.read', 'key_moment.supervise', 'pay_link.read', 'mentoring.read', 'daily_notice.read',
    'daily_notice.supervise', 'staffing.read', 'staffing.supervise', 'equipment.read', 'equipment.supervise',
    'insurance.read', 'insurance.supervise', 'investment.read', 'investment.supervise', 'documents.read',
    'documents.supervise', 'training.read', 'training.supervise', 'certificate.read', 'certificate.supervise',
    'ppe.read', 'ppe.supervise', 'standardisation.read', 'standardisation.supervise', 'management.overview',
  ]),
  principal: person('principal', 'enterprise_principal', 'enterprise', 'e1', [
    'reference.read', 'enterprise.read', 'enterprise.update', 'orgunit.read', 'orgunit.manage', 'employee.read',
    'employee.manage', 'employee.import', 'employee.export', 'user.read', 'user.manage', 'audit.read',
    'signature.sign', 'risk.read', 'risk.manage', 'risk.report.submit', 'risk.report.confirm',
    'risk.card.acknowledge', 'risk.card.proxy', 'risk.card.acks', 'hazard.read', 'hazard.report', 'hazard.act',
    'hazard.manage', 'obligation.read', 'obligation.fulfil', 'obligation.waive', 'duty.read', 'duty.manage',
    'duty.coverage', 'duty.sign', 'duty.assess', 'letters.read', 'letters.manage', 'letters.sign', 'letters.operate',
    'commitment.read', 'commitment.manage', 'commitment.sign', 'meeting.read', 'meeting.record', 'meeting.act',
    'key_moment.read', 'key_moment.manage', 'key_moment.checkin', 'pay_link.read', 'pay_link.record',
    'mentoring.read', 'mentoring.manage', 'mentoring.sign', 'daily_notice.read', 'daily_notice.draft',
    'daily_notice.sign', 'staffing.read', 'staffing.manage', 'equipment.read', 'equipment.manage', 'culture.read',
    'culture.manage', 'insurance.read', 'insurance.confirm', 'insurance.work_injury', 'investment.read',
    'investment.manage', 'investment.approve', 'documents.read', 'documents.manage', 'documents.approve',
    'documents.acknowledge', 'training.read', 'training.manage', 'training.review', 'training.record',
    'training.attend', 'certificate.read', 'certificate.manage', 'ppe.read', 'ppe.manage', 'ppe.issue', 'ppe.own',
    'standardisation.read', 'standardisation.manage', 'standardisation.sign',
  ]),
  safety: person('safety', 'safety_manager', 'enterprise', 'e1', [
    'reference.read', 'enterprise.read', 'enterprise.update', 'orgunit.read', 'orgunit.manage', 'employee.read',
    'employee.manage', 'employee.import', 'employee.export', 'user.read', 'user.manage', 'audit.read',
    'signature.sign', 'risk.read', 'risk.manage', 'risk.report.submit', 'risk.card.acknowledge', 'risk.card.proxy',
    'risk.card.acks', 'hazard.read', 'hazard.report', 'hazard.act', 'hazard.manage', 'obligation.read',
    'obligation.fulfil', 'duty.read', 'duty.manage', 'duty.coverage', 'duty.assess', 'letters.read',
    'letters.manage', 'letters.sign', 'letters.operate', 'commitment.read', 'commitment.manage', 'meeting.read',
    'meeting.record', 'meeting.act', 'key_moment.read', 'key_moment.manage', 'key_moment.checkin', 'pay_link.read',
    'pay_link.record', 'mentoring.read', 'mentoring.manage', 'mentoring.sign', 'daily_notice.read',
    'daily_notice.draft', 'staffing.read', 'staffing.manage', 'equipment.read', 'equipment.manage', 'culture.read',
    'culture.manage', 'insurance.read', 'insurance.confirm', 'insurance.work_injury', 'investment.read',
    'investment.manage', 'documents.read', 'documents.manage', 'documents.acknowledge', 'training.read',
    'training.manage', 'training.record', 'training.attend', 'certificate.read', 'certificate.manage', 'ppe.read',
    'ppe.manage', 'ppe.issue', 'ppe.own', 'standardisation.read', 'standardisation.manage',
  ]),
  leader: person('leader', 'unit_leader', 'enterprise', 'e1', [
    'reference.read', 'enterprise.read', 'orgunit.read', 'employee.read', 'employee.export', 'signature.sign',
    'risk.read', 'risk.card.acknowledge', 'risk.card.proxy', 'risk.card.acks', 'hazard.read', 'hazard.report',
    'hazard.act', 'obligation.read', 'obligation.fulfil', 'duty.read', 'duty.coverage', 'duty.assess',
    'letters.read', 'letters.sign', 'letters.operate', 'commitment.read', 'meeting.read', 'meeting.act',
    'key_moment.read', 'key_moment.checkin', 'mentoring.read', 'mentoring.sign', 'daily_notice.read',
    'equipment.read', 'documents.read', 'documents.acknowledge', 'training.read', 'training.record',
    'training.attend', 'certificate.read', 'ppe.read', 'ppe.issue', 'ppe.own',
  ]),
  worker: person('worker', 'employee', 'enterprise', 'e1', [
    'reference.read', 'enterprise.read', 'orgunit.read', 'signature.sign', 'risk.read', 'risk.card.acknowledge',
    'hazard.read', 'hazard.report', 'hazard.act', 'obligation.read', 'obligation.fulfil', 'duty.read',
    'letters.sign', 'commitment.read', 'meeting.read', 'meeting.act', 'key_moment.read', 'key_moment.checkin',
    'mentoring.read', 'mentoring.sign', 'daily_notice.read', 'documents.acknowledge', 'training.attend', 'ppe.own',
  ]),
  insurer: person('insurer', 'insurer_staff', 'institution', null, [
    'reference.read', 'enterprise.read', 'hazard.report', 'insurance.underwrite',
  ]),
} satisfies Record<string, Me>;
