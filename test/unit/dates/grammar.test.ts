import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValues, datesOf, expression } from './helpers';

test('GUM: a dateline, "last week", "this year", "Seventeen years ago", "Next year"', () => {
  const text = [
    'After visa snags, all-girl Afghan team honored at international robotics competition',
    '',
    'Friday, July 21, 2017',
    '',
    'A group of Afghan teenagers was awarded a silver medal on Tuesday. The team had been denied visas to enter the United States until last week.',
    "This year's theme was water security. Seventeen years ago, girls were not allowed to attend school. Next year, the competition will be held in Mexico City.",
  ].join('\n');
  const found = datesOf(text, '2017-07-21');
  assertValues(found, {
    'Friday, July 21, 2017': '2017-07-21',
    Tuesday: '2017-07-18',
  });
  const lastWeek = expression(found, 'last week');
  assert.equal(lastWeek.value, '2017-W28');
  assert.deepEqual([lastWeek.from, lastWeek.to], ['2017-07-10', '2017-07-16']);
  assertValues(found, {
    'This year': '2017',
    'Seventeen years ago': '2000',
    'Next year': '2018',
  });
});

test('GUM: months without a year look forward in a planned event, back otherwise', () => {
  const text = 'The first referendum is to be held from November 20 to December 11, selecting a single new flag design. Submissions closed on February 6.';
  const found = datesOf(text, '2015-05-07');
  assertValues(found, {
    'November 20': '2015-11-20',
    'December 11': '2015-12-11',
    'February 6': '2015-02-06',
  });
});

test('a weekday looks forward in a planned event ("slated for", "poised to"), back otherwise', () => {
  // 2024-05-08 is a Wednesday
  assertValues(datesOf('The vote is slated for Friday.', '2024-05-08'), { Friday: '2024-05-10' });
  assertValues(datesOf('Russia is poised to strike again on Friday.', '2024-05-08'), { Friday: '2024-05-10' });
  assertValues(datesOf('The vote was held on Friday.', '2024-05-08'), { Friday: '2024-05-03' });
});

test('GUM: decades, centuries, seasons, and a time hung on the last day mentioned', () => {
  const found = datesOf('Warhol worked in the 1960s, and the sixties shaped the 20th century. Last summer was dry. On Sunday, the polls closed at 22:30, and the last ballot was cast at 2:30 the next day.', '2016-09-09');
  assertValues(found, {
    'the 1960s': '196',
    'the sixties': '196',
    'the 20th century': '19',
    'Last summer': '2016-SU',
    '22:30': '2016-09-04T22:30',
    '2:30 the next day': '2016-09-05T02:30',
  });
});

test('seed 003: absolute dates, positions inside periods, durations and "three years later"', () => {
  const text = 'Since its launch in February 2022, it has morphed into an existential struggle. After the campaign suffered severe setbacks in the fall of 2022, Putin doubled down. In September 2022, he announced the annexation of four provinces (and still have not close to three years later). But beginning in late 2024, there were signs that the economy was overheating. Despite the slow progress over the last 18 months, he calculates that Russia will prevail.';
  const found = datesOf(text, '2025-06-15');
  assertValues(found, {
    'February 2022': '2022-02',
    'the fall of 2022': '2022-FA',
  });
  const later = expression(found, 'three years later');
  assert.equal(later.value, '2025');
  assert.match(later.anchor, /^expression:/);
  const late = expression(found, 'late 2024');
  assert.equal(late.value, '2024');
  assert.equal(late.mod, 'END');
  assert.equal(late.from, '2024-09-01');
  const months = expression(found, 'the last 18 months');
  assert.equal(months.kind, 'duration');
  assert.equal(months.value, 'P18M');
});

test('seed 003: "27,000 a month" is a rate, not a date', () => {
  const found = datesOf('Although numbers are now up (Zelensky claims to be mobilizing 27,000 a month), there is still resistance in Kyiv.', '2025-06-15');
  const rate = expression(found, 'a month');
  assert.equal(rate.kind, 'set');
  assert.equal(rate.value, 'P1M');
  assert.ok(!found.dates.some((d) => d.kind === 'time'));
});

test('named days resolve to their real dates, not the document\'s', () => {
  const found = datesOf('There have been signs of unity, such as after the September 11th terror attacks. Few expected the fall of the Berlin Wall. D-Day was planned for months.', '2024-03-01');
  assertValues(found, {
    'the September 11th terror attacks': '2001-09-11',
    'the fall of the Berlin Wall': '1989-11-09',
    'D-Day': '1944-06-06',
  });
});

test('impossible dates and years get no value and do not crash', () => {
  const found = datesOf('It was signed on February 30, 2025, or in June 20255, or at 25:61.', '2025-06-15');
  const feb = expression(found, 'February 30, 2025');
  assert.equal(feb.value, null);
  assert.match(feb.evidence, /not a calendar day/);
  assert.equal(expression(found, 'June 20255').value, null);
});

test('sets: every year, each Monday, annually', () => {
  const found = datesOf('The festival is held every year, and the market opens each Monday; fees are paid annually.', '2020-01-01');
  assertValues(found, {
    'every year': 'XXXX',
    'each Monday': 'XXXX-WXX-1',
  });
  assert.equal(expression(found, 'annually').kind, 'set');
});

test('"may" the verb and "march" the verb are not months', () => {
  const found = datesOf('Russia may escalate. Troops march on. In May, talks resumed. May 9 is a holiday.', '2025-06-15');
  assert.deepEqual(found.dates.map((d) => d.text), ['May', 'May 9']);
});

test('a relative date without any document date keeps X placeholders', () => {
  const found = datesOf('Last winter was cold, and in June the rains came.');
  assertValues(found, {
    'Last winter': 'XXXX-WI',
    June: 'XXXX-06',
  });
});
