import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const MeetingList = lazy(() => import('./components/MeetingList').then((m) => ({ default: m.MeetingList })));

/** A regulator's enterprise file shows the enterprise's confirmed meetings. */
export function meetingEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('meeting.read')) return [];
  return [{
    key: 'meetings', label: 'enterpriseFile.tabMeetings',
    render: (id) => <Suspense fallback={<Skeleton active />}><MeetingList enterpriseId={id} sync="local" /></Suspense>,
  }];
}
