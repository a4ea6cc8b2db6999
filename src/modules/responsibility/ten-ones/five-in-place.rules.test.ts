import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fiveInPlace, type FiveFacts } from './five-in-place.rules';

const full = { postsPercent: 100, peoplePercent: 100, complete: true };
const ready: NonNullable<FiveFacts['emergency']> = { comprehensivePlanFiled: true, mainDrillWithinYear: true, drillWithinHalfYear: null, rescue: { required: false, met: true } };
const managed: Pick<FiveFacts, 'management' | 'investment' | 'training' | 'emergency'> = {
  management: { missingRules: [], staffingCompliant: true }, investment: { budgetApproved: true, fee: { accrued: '1000.00', shortfall: '0.00' } },
  training: { shortfall: 0, unqualifiedOnPost: 0, minorsOnHazardous: 0 }, emergency: ready,
};
const facts = (f: Partial<FiveFacts>) => fiveInPlace({ coverage: full, letters: { roster: 1, done: 1, complete: true }, ...managed, ...f });

test('R-RESP-4: responsibility is in place only with full coverage and this year\'s letters all signed', () => {
  assert.equal(facts({ letters: { roster: 10, done: 10, complete: true } })[0]!.state, 'met');
  assert.deepEqual(facts({ letters: { roster: 10, done: 9, complete: false } })[0]!.reasons, ['lettersPending']);
  assert.deepEqual(facts({ letters: null })[0]!.reasons, ['noCampaign']);
  assert.deepEqual(facts({ coverage: { postsPercent: 90, peoplePercent: 100, complete: false }, letters: null })[0]!.reasons, ['coverageIncomplete', 'noCampaign']);
});

test('R-RESP-4: management is in place only with every required rule in force (R-DOC-1) and the staffing compliant (R-TEAM)', () => {
  const m = (management: FiveFacts['management']) => facts({ management }).find((i) => i.key === 'management')!;
  assert.deepEqual([m(managed.management).state, m(managed.management).reasons], ['met', []]);
  assert.deepEqual(m({ missingRules: ['安全生产教育和培训制度'], staffingCompliant: true }).reasons, ['rulesMissing']);
  assert.deepEqual(m({ missingRules: [], staffingCompliant: false }).reasons, ['staffingShort']);
  assert.deepEqual([m({ missingRules: ['a', 'b'], staffingCompliant: false }).state, m({ missingRules: ['a', 'b'], staffingCompliant: false }).reasons], ['notMet', ['rulesMissing', 'staffingShort']]);
});

test('R-RESP-4: investment is in place with this year\'s budget approved and the fee accrued per R-INV-1 where the industry accrues it', () => {
  const v = (investment: FiveFacts['investment']) => facts({ investment }).find((i) => i.key === 'investment')!;
  const rows: [FiveFacts['investment'], string, string[]][] = [
    [{ budgetApproved: true, fee: { accrued: '1000.00', shortfall: '0.00' } }, 'met', []],
    [{ budgetApproved: true, fee: null }, 'met', []],
    [{ budgetApproved: false, fee: null }, 'notMet', ['noBudget']],
    [{ budgetApproved: true, fee: { accrued: null, shortfall: '0.00' } }, 'notMet', ['feeNotRecorded']],
    [{ budgetApproved: true, fee: { accrued: '900.00', shortfall: '0.01' } }, 'notMet', ['feeShort']],
    [{ budgetApproved: false, fee: { accrued: '900.00', shortfall: '100.00' } }, 'notMet', ['noBudget', 'feeShort']],
  ];
  for (const [input, state, reasons] of rows) assert.deepEqual([v(input).state, v(input).reasons], [state, reasons], JSON.stringify(input));
});

test('R-RESP-4: training is in place with nobody short of hours (R-TRN-1) and nobody unqualified on a post (R-TRN-2)', () => {
  const v = (training: FiveFacts['training']) => facts({ training }).find((i) => i.key === 'training')!;
  const rows: [FiveFacts['training'], string, string[]][] = [
    [{ shortfall: 0, unqualifiedOnPost: 0, minorsOnHazardous: 0 }, 'met', []],
    [{ shortfall: 3, unqualifiedOnPost: 0, minorsOnHazardous: 0 }, 'notMet', ['trainingShort']],
    [{ shortfall: 0, unqualifiedOnPost: 1, minorsOnHazardous: 0 }, 'notMet', ['unqualifiedOnPost']],
    [{ shortfall: 0, unqualifiedOnPost: 0, minorsOnHazardous: 1 }, 'notMet', ['unqualifiedOnPost']],
    [{ shortfall: 2, unqualifiedOnPost: 2, minorsOnHazardous: 1 }, 'notMet', ['trainingShort', 'unqualifiedOnPost']],
  ];
  for (const [input, state, reasons] of rows) assert.deepEqual([v(input).state, v(input).reasons], [state, reasons], JSON.stringify(input));
});

test('R-RESP-4: emergency is in place with a comprehensive plan filed (R-EMG-1), the drills done (R-EMG-2) and the rescue organisation required (R-EMG-3)', () => {
  const v = (emergency: FiveFacts['emergency']) => facts({ emergency }).find((i) => i.key === 'emergency')!;
  const rows: [FiveFacts['emergency'], string, string[]][] = [
    [ready, 'met', []],
    [{ ...ready, drillWithinHalfYear: true, rescue: { required: true, met: true } }, 'met', []],
    [{ ...ready, comprehensivePlanFiled: false }, 'notMet', ['planNotFiled']],
    [{ ...ready, mainDrillWithinYear: false }, 'notMet', ['drillMissing']],
    // A half-yearly sector (R-EMG-2) without a drill in the last half-year, though the yearly one was held.
    [{ ...ready, drillWithinHalfYear: false }, 'notMet', ['drillMissing']],
    [{ ...ready, rescue: { required: true, met: false } }, 'notMet', ['rescueMissing']],
    // Not required: no rescue organisation is no shortfall.
    [{ ...ready, rescue: { required: false, met: false } }, 'met', []],
    [{ comprehensivePlanFiled: false, mainDrillWithinYear: false, drillWithinHalfYear: false, rescue: { required: true, met: false } }, 'notMet', ['planNotFiled', 'drillMissing', 'rescueMissing']],
    // Facts that cannot be read are never taken for met.
    [null, 'notAssessed', ['moduleNotBuilt']],
  ];
  for (const [input, state, reasons] of rows) assert.deepEqual([v(input).state, v(input).reasons], [state, reasons], JSON.stringify(input));
});
