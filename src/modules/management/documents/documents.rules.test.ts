import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INDUSTRIES } from '../../../seed/reference-data';
import { REQUIRED_RULES } from './documents.rule-sets';
import { ackRate, DEFAULT_REQUIRED_RULES, diffStats, lineDiff, missingRequiredRules, quizMistakes, requiredFor } from './documents.rules';

// R-DOC-1 [cfg], issue 12 §2: the required written rules by industry, the version diff and acknowledgement rates.

const BASE = [
  'responsibility', 'hazard_investigation', 'risk_control', 'risk_warning', 'training', 'safety_fee', 'reward_penalty', 'commitment',
  'emergency_plan', 'special_operators', 'ppe', 'safety_inspection', 'accident_reporting', 'hazardous_work',
];
const EXTRA: Record<string, string[]> = {
  hazardous_chemicals: ['major_hazard_source', 'hazardous_goods', 'change_management'],
  fireworks: ['major_hazard_source', 'hazardous_goods'],
  civil_explosives: ['major_hazard_source', 'hazardous_goods'],
  gas: ['major_hazard_source'],
  metal_smelting: ['change_management'],
  non_coal_mining: ['mine_leadership_shifts'],
  construction: ['subcontractor'],
  road_transport: ['driver_vehicle'],
};

for (const industry of INDUSTRIES) {
  test(`R-DOC-1 [cfg]: an enterprise of ${industry.code} must have the ${BASE.length} common rules${EXTRA[industry.code] ? ` and ${EXTRA[industry.code]!.join(', ')}` : ''}`, () => {
    const codes = requiredFor(DEFAULT_REQUIRED_RULES, industry.code).map((r) => r.code);
    assert.deepEqual(new Set(codes), new Set([...BASE, ...(EXTRA[industry.code] ?? [])]));
    // With nothing written, it lacks all of them; with all of them written, none.
    assert.equal(missingRequiredRules(DEFAULT_REQUIRED_RULES, industry.code, []).length, codes.length);
    assert.deepEqual(missingRequiredRules(DEFAULT_REQUIRED_RULES, industry.code, codes), []);
  });
}

test('R-DOC-1: a hazardous-chemical plant with every common rule still lacks the major-hazard, chemicals and change rules', () => {
  const missing = missingRequiredRules(DEFAULT_REQUIRED_RULES, 'hazardous_chemicals', BASE).map((r) => r.name);
  assert.deepEqual(missing, ['重大危险源管理制度', '危险化学品安全管理制度', '变更管理制度']);
});

test('R-DOC-1: a machinery plant is not asked for the major-hazard rule, and a code it satisfies needlessly counts for nothing', () => {
  const missing = missingRequiredRules(DEFAULT_REQUIRED_RULES, 'machinery', [...BASE.filter((c) => c !== 'ppe'), 'major_hazard_source']);
  assert.deepEqual(missing.map((r) => r.code), ['ppe']);
});

test('R-DOC-1 [cfg]: the defaults satisfy the rule-set schema, every rule cites a rule ID, and a duplicate code is refused', () => {
  assert.ok(REQUIRED_RULES.schema.safeParse(REQUIRED_RULES.defaults).success);
  assert.ok(DEFAULT_REQUIRED_RULES.every((r) => r.ruleIds.length > 0));
  const dup = { rules: [...REQUIRED_RULES.defaults.rules, REQUIRED_RULES.defaults.rules[0]] };
  assert.equal(REQUIRED_RULES.schema.safeParse(dup).success, false);
  const badIndustry = { rules: [{ ...REQUIRED_RULES.defaults.rules[0]!, industries: ['chemicals'] }] };
  assert.equal(REQUIRED_RULES.schema.safeParse(badIndustry).success, false);
});

test('the version diff keeps common lines and shows a replaced line as deleted then added', () => {
  const d = lineDiff('第一条 总则\n第二条 职责\n第三条 检查', '第一条 总则\n第二条 职责与分工\n第三条 检查\n第四条 附则');
  assert.deepEqual(d, [
    { op: 'same', text: '第一条 总则' }, { op: 'del', text: '第二条 职责' }, { op: 'add', text: '第二条 职责与分工' },
    { op: 'same', text: '第三条 检查' }, { op: 'add', text: '第四条 附则' },
  ]);
  assert.deepEqual(diffStats(d), { added: 2, deleted: 1 });
});

test('the version diff of a first version is all additions, of equal texts all kept, and reads CRLF like LF', () => {
  assert.deepEqual(lineDiff('', 'a\nb'), [{ op: 'add', text: 'a' }, { op: 'add', text: 'b' }]);
  assert.deepEqual(lineDiff('a\r\nb', 'a\nb'), [{ op: 'same', text: 'a' }, { op: 'same', text: 'b' }]);
  const moved = lineDiff('a\nb\nc', 'c\na');
  assert.equal(moved.filter((l) => l.op === 'same').length, 1);
  assert.deepEqual(diffStats(moved), { added: 1, deleted: 2 });
});

test('R-DOC-1 "人人知晓": the acknowledgement rate rounds down and is null when nobody was asked', () => {
  const rows: [number, number, number | null][] = [[0, 0, null], [0, 10, 0], [5, 10, 50], [1, 3, 33], [2, 3, 66], [4999, 5000, 99], [5000, 5000, 100]];
  for (const [acked, asked, rate] of rows) assert.equal(ackRate(acked, asked), rate, `${acked}/${asked}`);
});

test('R-DOC-1 quiz: no quiz needs no answers; every answer right passes; a wrong one is named by its position; a missing one is unanswered', () => {
  const quiz = [{ text: '动火前要做什么', options: ['办理动火作业票', '直接动火'], correct: 0 }, { text: '进入受限空间前', options: ['无', '通风', '检测', '监护'], correct: 2 }];
  const cases: [readonly number[] | undefined, ReturnType<typeof quizMistakes>][] = [
    [[0, 2], null],
    [[1, 2], { unanswered: false, wrong: [0] }],
    [[1, 3], { unanswered: false, wrong: [0, 1] }],
    [[0], { unanswered: true }],
    [[0, 2, 1], { unanswered: true }],
    [undefined, { unanswered: true }],
  ];
  for (const [answers, expected] of cases) assert.deepEqual(quizMistakes(quiz, answers), expected, JSON.stringify(answers));
  assert.equal(quizMistakes([], undefined), null);
  assert.equal(quizMistakes([], [1, 2]), null);
});
