import { AlertOutlined, CameraOutlined, FileSearchOutlined, DashboardOutlined, FileDoneOutlined, FundOutlined, ScheduleOutlined, UnorderedListOutlined, WarningOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';
import { hasPermission, isRegulator } from './permissions';

/** Hazard entries of the side menu for this user. */
export function hazardNavItems(me: Me): NavItem[] {
  const items: NavItem[] = [];
  const own = me.scope.enterpriseId;
  if (own) {
    if (hasPermission(me, 'hazard.report')) items.push({ key: 'hazardReport', path: '/report', label: 'nav.hazardReport', icon: <CameraOutlined />, group: 'prevention' });
    if (hasPermission(me, 'hazard.read')) {
      items.push(
        // Under the enterprise's own address, so that a hazard or task page (/enterprises/…/hazards/…) lights this entry,
        // not 本企业档案 (/enterprises/…).
        { key: 'hazards', path: `/enterprises/${own}/hazards`, label: 'nav.hazards', icon: <AlertOutlined />, group: 'prevention' },
        { key: 'checkTasks', path: `/enterprises/${own}/check-tasks`, label: 'nav.checkTasks', icon: <ScheduleOutlined />, group: 'prevention' },
        { key: 'checklists', path: '/checklists', label: 'nav.checklists', icon: <UnorderedListOutlined />, group: 'prevention' },
        { key: 'hazardStats', path: '/hazard-stats', label: 'nav.hazardStats', icon: <FundOutlined />, group: 'prevention' },
        { key: 'hazardReports', path: '/hazard-reports', label: 'nav.hazardReports', icon: <FileDoneOutlined />, group: 'prevention' },
      );
    }
  } else if (!hasPermission(me, 'hazard.read') && hasPermission(me, 'hazard.report')) {
    // Insurers and service institutions report hazards to the enterprises they serve and follow their own reports.
    items.push(
      { key: 'hazardReport', path: '/report', label: 'nav.hazardReport', icon: <CameraOutlined />, group: 'prevention' },
      { key: 'myReports', path: '/my-reports', label: 'nav.myReports', icon: <FileSearchOutlined />, group: 'prevention' },
    );
  } else if (isRegulator(me) && hasPermission(me, 'hazard.read')) {
    items.push(
      { key: 'hazardOverview', path: '/hazard-overview', label: 'nav.hazardOverview', icon: <DashboardOutlined />, group: 'prevention' },
      { key: 'majorHazards', path: '/major-hazards', label: 'nav.majorHazards', icon: <WarningOutlined />, group: 'prevention' },
      { key: 'hazards', path: '/hazards', label: 'nav.hazardLedger', icon: <AlertOutlined />, group: 'prevention' },
      { key: 'hazardReports', path: '/hazard-reports', label: 'nav.hazardReportsReceived', icon: <FileDoneOutlined />, group: 'prevention' },
    );
  }
  return items;
}
