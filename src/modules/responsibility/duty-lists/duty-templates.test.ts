import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chineseNumber, DUTY_TEMPLATES, dutyTemplate, FIVE_IN_PLACE, sourceLabel, TEMPLATE_POSITIONS, templateListItems, TEN_ONES, WORK_SAFETY_LAW,
  type DutySource, type DutyTemplate,
} from './duty-templates';

const lawItems = (t: DutyTemplate, article: number) => t.items.filter((i) => 'law' in i.source && i.source.article === article);
const clausesOf = (t: DutyTemplate, article: number) => lawItems(t, article).map((i) => ('law' in i.source ? i.source.clause : undefined));
const pointsOf = (t: DutyTemplate, rule: 'R-RESP-4' | 'R-RESP-5') => t.items.flatMap((i) => ('rule' in i.source && i.source.rule === rule ? [i.source.point] : []));
const template = (key: string) => {
  const t = dutyTemplate(key);
  assert.ok(t, `template ${key}`);
  return t;
};

test('R-RESP-1 the library has a template for every position and department named by the plan, each key once', () => {
  assert.deepEqual(DUTY_TEMPLATES.map((t) => t.key), [...TEMPLATE_POSITIONS]);
  for (const key of ['principal', 'deputy_safety', 'other_leader', 'safety_manager', 'department_head', 'workshop_head', 'team_leader', 'operator', 'dispatched', 'temporary', 'migrant', 'intern']) {
    assert.equal(template(key).level, 'post', key);
  }
  assert.ok(DUTY_TEMPLATES.filter((t) => t.level === 'department').length >= 3, 'department-level lists exist');
});

// Every template against its sources: each row of the table is one template and what its sources must show.
const SOURCES: { key: string; check: (t: DutyTemplate) => void }[] = [
  {
    key: 'principal',
    check: (t) => {
      // Art. 21: one item per statutory duty, (1) to (7), none left out, none twice.
      assert.deepEqual(clausesOf(t, 21), [1, 2, 3, 4, 5, 6, 7]);
      assert.deepEqual(pointsOf(t, 'R-RESP-5').sort(), [...TEN_ONES].sort(), 'one item per "ten ones" minimum');
      assert.deepEqual(pointsOf(t, 'R-RESP-4').sort(), [...FIVE_IN_PLACE].sort(), 'one item per "five in place"');
      assert.equal(t.items.length, 7 + 10 + 5);
    },
  },
  { key: 'safety_manager', check: (t) => assert.deepEqual(clausesOf(t, 25), [1, 2, 3, 4, 5, 6, 7], 'one item per Art. 25 duty') },
  { key: 'dept_safety', check: (t) => assert.deepEqual(clausesOf(t, 25), [1, 2, 3, 4, 5, 6, 7], 'the safety department carries Art. 25') },
  // Leaders outside safety carry "one post, two duties" (Art. 3: who manages the business manages its safety).
  { key: 'deputy_safety', check: (t) => assert.ok(lawItems(t, 3).length >= 1) },
  { key: 'other_leader', check: (t) => assert.ok(lawItems(t, 3).length >= 2) },
  { key: 'department_head', check: (t) => assert.ok(lawItems(t, 3).length >= 1) },
  // Employees: the duties of Arts. 57–59 (and the rights of 55 and 60 they exercise).
  { key: 'operator', check: (t) => { for (const a of [57, 58, 59, 60]) assert.ok(lawItems(t, a).length >= 1, `operator: Art. ${a}`); } },
  { key: 'special_operator', check: (t) => { for (const a of [30, 57, 58, 59]) assert.ok(lawItems(t, a).length >= 1, `special operator: Art. ${a}`); } },
  { key: 'team_leader', check: (t) => { for (const a of [44, 59]) assert.ok(lawItems(t, a).length >= 1, `team leader: Art. ${a}`); } },
  { key: 'workshop_head', check: (t) => { for (const a of [22, 28, 41, 43]) assert.ok(lawItems(t, a).length >= 1, `workshop head: Art. ${a}`); } },
  // Non-regular staff: dispatched workers by Art. 61, interns by Art. 28; all carry Arts. 57 and 59.
  { key: 'dispatched', check: (t) => { for (const a of [61, 28, 57, 59]) assert.ok(lawItems(t, a).length >= 1, `dispatched: Art. ${a}`); } },
  { key: 'intern', check: (t) => { for (const a of [28, 57, 59]) assert.ok(lawItems(t, a).length >= 1, `intern: Art. ${a}`); } },
  { key: 'temporary', check: (t) => { for (const a of [57, 58, 59]) assert.ok(lawItems(t, a).length >= 1, `temporary: Art. ${a}`); } },
  { key: 'migrant', check: (t) => { for (const a of [57, 58, 59]) assert.ok(lawItems(t, a).length >= 1, `migrant: Art. ${a}`); } },
  { key: 'dept_hr', check: (t) => assert.ok(lawItems(t, 22).length >= 1, 'assessment linked to pay (Art. 22)') },
  { key: 'dept_equipment', check: (t) => assert.ok(lawItems(t, 36).length >= 1) },
  { key: 'dept_production', check: (t) => assert.ok(lawItems(t, 3).length >= 1) },
];

for (const row of SOURCES) {
  test(`R-RESP-1 template ${row.key} against its sources`, () => row.check(template(row.key)));
}

test('R-RESP-1 every template is checked against its sources above', () => {
  assert.deepEqual(SOURCES.map((r) => r.key).sort(), DUTY_TEMPLATES.map((t) => t.key).sort());
});

test('R-RESP-1 every item has content, scope, criterion, points and a source that exists in the law or the plan', () => {
  const known = (s: DutySource) => {
    if (!('law' in s)) return s.rule === 'R-RESP-5' ? (TEN_ONES as readonly string[]).includes(s.point) : (FIVE_IN_PLACE as readonly string[]).includes(s.point);
    const article = WORK_SAFETY_LAW[s.article];
    if (!article) return false;
    // A clause is cited only of an article that lists its duties, and within their number.
    return s.clause === undefined || (article.clauses !== undefined && s.clause >= 1 && s.clause <= article.clauses.length);
  };
  for (const t of DUTY_TEMPLATES) {
    assert.ok(t.items.length >= 5, `${t.key} has items`);
    for (const [n, i] of t.items.entries()) {
      const at = `${t.key} #${n + 1}`;
      assert.ok(i.content.length >= 8 && i.scope.length >= 2 && i.criterion.length >= 6, `${at} is written out`);
      assert.ok(Number.isInteger(i.points) && i.points > 0, `${at} has points`);
      assert.ok(known(i.source), `${at} cites ${JSON.stringify(i.source)}`);
    }
    assert.equal(new Set(t.items.map((i) => i.content)).size, t.items.length, `${t.key}: no item twice`);
    assert.equal(t.items.reduce((s, i) => s + i.points, 0), 100, `${t.key}: points add up to 100`);
    assert.ok(t.names['zh-CN'] && t.names['en-US'], `${t.key} is named in both languages`);
  }
});

test('the law\'s duty articles quote all their clauses: Art. 21 and Art. 25 have seven each', () => {
  assert.equal(WORK_SAFETY_LAW[21]!.clauses!.length, 7);
  assert.equal(WORK_SAFETY_LAW[25]!.clauses!.length, 7);
});

test('sources read as people cite them', () => {
  assert.deepEqual([1, 7, 10, 21, 25, 57, 61, 83].map(chineseNumber), ['一', '七', '十', '二十一', '二十五', '五十七', '六十一', '八十三']);
  assert.equal(sourceLabel({ law: 'work_safety_law', article: 21, clause: 5 }, 'zh-CN'), '《中华人民共和国安全生产法》第二十一条第（五）项');
  assert.equal(sourceLabel({ law: 'work_safety_law', article: 57 }, 'zh-CN'), '《中华人民共和国安全生产法》第五十七条');
  assert.equal(sourceLabel({ law: 'work_safety_law', article: 25, clause: 6 }, 'en-US'), 'Work Safety Law, Art. 25(6)');
  assert.match(sourceLabel({ rule: 'R-RESP-5', point: 'drill' }, 'zh-CN'), /十个一.*应急演练/);
  const copied = templateListItems(template('operator'));
  assert.equal(copied.length, template('operator').items.length);
  assert.ok(copied.every((i) => i.source.startsWith('《中华人民共和国安全生产法》')));
});
