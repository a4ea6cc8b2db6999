import type { Role } from '../../src/platform/db/schema';

const REPORTERS: Role[] = ['district_admin', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
const READERS: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
const REPORT_UP: Role[] = ['district_admin', 'enterprise_principal', 'safety_manager'];
const RECEIVERS: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer'];
const FORWARDERS: Role[] = ['district_admin', 'department_officer'];

/** The authorisation matrix's rows for issue 14's accidents routes (spread into test/authz-matrix.test.ts), written out by hand. */
export const ACCIDENTS_MATRIX: Record<string, 'public' | Role[]> = {
  // Quick reports, reporting up, supplements, statistics (accidents/reports/accident.routes.ts). No DELETE on purpose.
  'POST /api/v1/enterprises/:enterpriseId/accidents': REPORTERS,
  'GET /api/v1/enterprises/:enterpriseId/accidents': READERS,
  'GET /api/v1/enterprises/:enterpriseId/accidents/:id': READERS,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/report-up': REPORT_UP,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/unit-head-informed': REPORT_UP,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/supplements': REPORT_UP,
  'GET /api/v1/enterprises/:enterpriseId/accident-stats': READERS,
  'GET /api/v1/enterprises/:enterpriseId/accident-stats/export': READERS,
  // The regulators' inbox, the district's upward forward (the emergency department's officers, decided per office), stats, duty phones.
  'GET /api/v1/accident-inbox': RECEIVERS,
  'GET /api/v1/accident-inbox/:id': RECEIVERS,
  'POST /api/v1/accident-inbox/:id/read': RECEIVERS,
  'POST /api/v1/accident-inbox/:id/forward': FORWARDERS,
  'GET /api/v1/accident-stats': RECEIVERS,
  'GET /api/v1/accident-stats/export': RECEIVERS,
  'GET /api/v1/regulator-duty-phones': RECEIVERS,
  'PUT /api/v1/regulator-duty-phones': ['district_admin'],
  // The public QR form: the post's risk-card token is the credential.
  'GET /api/v1/public/accident-report/:token': 'public',
  'POST /api/v1/public/accident-report/:token': 'public',
};
