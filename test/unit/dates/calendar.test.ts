import { test } from 'node:test';
import assert from 'node:assert/strict';
import { epochDay, isoDay, isValidDay, seasonOf, valueOfRange, monthRange, seasonRange, quarterRange, yearRange } from '../../../server/src/engine/dates/calendar';
import { isoWeek, weekdayNear } from '../../../server/src/engine/dates/values';

test('calendar days round-trip, including leap years and years below 100', () => {
  for (const [y, m, d] of [[2024, 2, 29], [1999, 12, 31], [2025, 1, 1], [44, 3, 15]]) {
    assert.equal(isoDay(epochDay(y, m, d)), `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  assert.equal(isValidDay(2025, 2, 29), false);
  assert.equal(isValidDay(2024, 2, 29), true);
  assert.equal(isValidDay(2025, 2, 30), false);
});

test('values of calendar spans', () => {
  assert.equal(valueOfRange(yearRange(2025)), '2025');
  assert.equal(valueOfRange(monthRange(2025, 6)), '2025-06');
  assert.equal(valueOfRange(seasonRange(2024, 'WI')), '2024-WI');
  assert.equal(valueOfRange(quarterRange(2025, 1)), '2025-Q1');
  assert.equal(valueOfRange({ from: epochDay(2025, 6, 1), to: epochDay(2025, 6, 20) }), '2025-06');
  assert.equal(valueOfRange({ from: epochDay(2025, 5, 20), to: epochDay(2025, 6, 20) }), '2025');
});

test('December belongs to that year\'s winter, January and February to the previous one', () => {
  assert.deepEqual(seasonOf(epochDay(2024, 12, 5)), { year: 2024, season: 'WI' });
  assert.deepEqual(seasonOf(epochDay(2025, 2, 5)), { year: 2024, season: 'WI' });
  assert.deepEqual(seasonOf(epochDay(2025, 6, 5)), { year: 2025, season: 'SU' });
});

test('ISO weeks and weekdays', () => {
  assert.deepEqual(isoWeek(epochDay(2017, 7, 12)), { year: 2017, week: 28 });
  assert.deepEqual(isoWeek(epochDay(2021, 1, 1)), { year: 2020, week: 53 });
  // Friday 2017-07-21: "Tuesday" in a past sentence is 07-18; "next Tuesday" 07-25
  assert.equal(weekdayNear(epochDay(2017, 7, 21), 2, 'onOrBefore').value, '2017-07-18');
  assert.equal(weekdayNear(epochDay(2017, 7, 21), 2, 'after').value, '2017-07-25');
  assert.equal(weekdayNear(epochDay(2017, 7, 18), 2, 'onOrBefore').value, '2017-07-18');
  assert.equal(weekdayNear(epochDay(2017, 7, 18), 2, 'before').value, '2017-07-11');
});
