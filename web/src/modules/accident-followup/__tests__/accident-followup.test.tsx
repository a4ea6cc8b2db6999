import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { addMessages, I18nContext } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { Me } from '../../auth/api/auth.api';
import { accidentFollowupMessages } from '../accident-followup.messages';
import { peopleFromText, peopleToText, type Action, type HistoryEntry, type Interview } from '../api/followup.api';
import { ActionList } from '../components/ActionList';
import { InterviewList } from '../components/InterviewList';
import { InvestigationHistory } from '../components/InvestigationHistory';
import { accidentFollowupNavItems } from '../nav';

const person = (role: Me['role'], permissions: string[], enterpriseId: string | null) => ({
  id: 'u1', username: 'u', displayName: '张三', role, roleName: role, locale: 'zh-CN', mustChangePassword: false, csrfToken: 'x',
  assignableRoles: [], permissions,
  scope: { kind: enterpriseId ? 'enterprise' : 'department', id: 's', name: '区应急管理局', enterpriseId },
}) as Me;

const action = (over: Partial<Action>): Action => ({
  id: 'x1', accidentId: 'a1', accidentSummary: '灼伤', accidentOccurredAt: '2026-05-11T02:00:00Z', kind: 'corrective', content: '铺设防滑垫',
  ownerEmployeeId: 'e1', ownerName: '李四', dueOn: '2026-06-01', status: 'open', overdue: false, doneNote: '', doneAt: null, doneByName: null, version: 1,
  abilities: { done: false }, ...over,
});

const interview: Interview = {
  id: 'i1', enterpriseId: 'e1', enterpriseName: '测试企业', accidentIds: ['a1', 'a2'], merged: true, heldAt: '2026-05-20T01:30:00Z', place: '会议室',
  principalName: '王总', participants: [{ name: '李监管', role: '约谈人', organisation: '区应急管理局' }], record: '通报事故', commitments: '整改',
  followUp: '复查', followUpDue: '2026-06-01', followUpDoneAt: null, followUpNote: '', followUpOverdue: true, departmentName: '区应急管理局', recordedByName: null,
  version: 1, files: [], abilities: { followUpDone: true, upload: false, correct: false },
};

function wrap(ui: React.ReactNode) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter><I18nContext.Provider value={zhI18n}><App>{ui}</App></I18nContext.Provider></MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeAll(() => addMessages(accidentFollowupMessages as never));
afterEach(cleanup);

describe('accident follow-up (issue 14 §4–5)', () => {
  test('the menu: regulators get interviews and findings, enterprise people their accident actions, all in the emergency group', () => {
    expect(accidentFollowupNavItems(person('department_officer', ['accident_followup.read'], null)).map((i) => [i.path, i.group]))
      .toEqual([['/accident-interviews', 'emergency'], ['/accident-findings', 'emergency']]);
    expect(accidentFollowupNavItems(person('employee', ['accident_followup.read'], 'e1')).map((i) => i.path)).toEqual(['/enterprises/e1/accident-actions']);
    expect(accidentFollowupNavItems(person('insurer_staff', [], null))).toEqual([]);
    expect(accidentFollowupNavItems(person('insurer_staff', ['accident.claims'], null)).map((i) => [i.path, i.group])).toEqual([['/insurer/accident-notices', 'emergency']]);
  });

  test('participants typed one per line become people and back', () => {
    const people = peopleFromText('李监管、约谈人、区应急管理局\n\n王总,主要负责人');
    expect(people).toEqual([{ name: '李监管', role: '约谈人', organisation: '区应急管理局' }, { name: '王总', role: '主要负责人', organisation: '' }]);
    expect(peopleToText(people)).toBe('李监管、约谈人、区应急管理局\n王总、主要负责人');
  });

  test('an action offers "report done" only when the server allows it, and shows overdue', () => {
    wrap(<ActionList enterpriseId="e1" actions={[action({ abilities: { done: true }, overdue: true }), action({ id: 'x2', content: '培训', status: 'done' })]} />);
    expect(screen.getAllByTestId('action-done')).toHaveLength(1);
    expect(screen.getByText('已逾期')).toBeTruthy();
    expect(screen.getByText('已完成')).toBeTruthy();
  });

  test('a merged interview says how many accidents it covers, and its follow-up is late', () => {
    wrap(<InterviewList enterpriseId="e1" interviews={[interview]} />);
    expect(screen.getByText('合并约谈 2 起事故')).toBeTruthy();
    expect(screen.getByTestId('follow-up-done')).toBeTruthy();
    expect(screen.getByText('已逾期')).toBeTruthy();
  });

  test('a corrected interview shows its corrections with the reason and what changed; the office may correct it', () => {
    wrap(<InterviewList enterpriseId="e1" accidentId="a1" accidentSummary="灼伤" interviews={[{
      ...interview, abilities: { followUpDone: false, upload: false, correct: true },
      corrections: [{ version: 2, at: '2026-05-21T02:00:00Z', byName: '李监管', reason: '误将两起事故合并', changes: [
        { field: 'accidentIds', before: 'a1,a2', after: 'a1' }, { field: 'record', before: '通报事故', after: '通报事故（更正）' },
      ] }],
    }]} />);
    expect(screen.getByTestId('correct-interview')).toBeTruthy();
    expect(screen.getByText('更正记录（1 次）')).toBeTruthy();
  });

  test('the investigation\'s history reads in Chinese: the decision, what an edit changed, the action, the correction and its reason', () => {
    const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
      op: 'update', at: '2026-05-12T02:00:00Z', byName: '李监管', note: '', parts: [], responsibilityBefore: null, responsibilityAfter: null, conductedBy: null,
      team: [], content: '', ownerName: '', dueOn: null, ...over,
    });
    wrap(<InvestigationHistory history={[
      entry({ op: 'open', conductedBy: 'district' }),
      entry({ parts: ['team', 'responsibility'], team: ['李监管', '王专家'], responsibilityBefore: null, responsibilityAfter: true }),
      entry({ op: 'action_add', content: '更换阀门', ownerName: '李四', dueOn: '2026-06-01' }),
      entry({ op: 'correct', parts: ['responsibility', 'personFindings'], responsibilityBefore: true, responsibilityAfter: false, note: '复核认定为非责任事故' }),
    ]} />);
    expect(screen.getByText('确定调查方式')).toBeTruthy();
    expect(screen.getByText('修改了：调查组、责任事故认定')).toBeTruthy();
    expect(screen.getByText('调查组：李监管、王专家')).toBeTruthy();
    expect(screen.getByText('未认定 → 责任事故')).toBeTruthy();
    expect(screen.getByText('更换阀门，李四，2026-06-01')).toBeTruthy();
    expect(screen.getByText('责任事故 → 非责任事故')).toBeTruthy();
    expect(screen.getByText('更正理由：复核认定为非责任事故')).toBeTruthy();
  });
});
