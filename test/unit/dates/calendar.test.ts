import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dayParts, daysInMonth, epochDay, isoDay, isValidDay, seasonOf, valueOfRange, monthRange, seasonRange, quarterRange, weekday, yearRange,
} from '../../../server/src/engine/dates/calendar';
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

test('the integer calendar gives exactly what Date gives, at the edges of its range too', () => {
  const MS = 86_400_000;
  const date = {
    daysInMonth: (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(),
    epochDay: (y: number, m: number, d: number) => {
      const x = new Date(0);
      x.setUTCFullYear(y, m - 1, d);
      return Math.round(x.getTime() / MS);
    },
    dayParts: (e: number) => {
      const d = new Date(e * MS);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    },
    weekday: (e: number) => {
      const d = new Date(e * MS).getUTCDay();
      return d === 0 ? 7 : d;
    },
  };
  const years = [NaN, Infinity, -300000, -275761, -1, 0, 1, 4, 99, 100, 1500, 1900, 1970, 2000, 2024, 2100, 9999, 10000, 275760, 275761, 2024.7];
  const months = [NaN, -13, -1, 0, 1, 2, 3, 12, 13, 25, 1e7, 2.7];
  const days = [NaN, -400, -1, 0, 1, 29, 30, 31, 32, 366, 1e9, 1.5];
  for (const y of years) {
    for (const m of months) {
      assert.equal(daysInMonth(y, m), date.daysInMonth(y, m), `daysInMonth(${y}, ${m})`);
      for (const d of days) assert.equal(epochDay(y, m, d), date.epochDay(y, m, d), `epochDay(${y}, ${m}, ${d})`);
    }
  }
  const epochs = [NaN, Infinity, -Infinity, -0.5, 0.5, 1e8, 1e8 + 0.5, 1e8 + 1, -1e8, -1e8 - 1, -719468, 2932896, 19000.25, -19000.75];
  for (let e = -800_000; e <= 3_000_000; e += 997) epochs.push(e);
  for (const e of epochs) {
    assert.deepEqual(dayParts(e), date.dayParts(e), `dayParts(${e})`);
    assert.equal(weekday(e), date.weekday(e), `weekday(${e})`);
  }
});
