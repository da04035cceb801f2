import { describe, expect, it } from 'vitest';
import { editPeriod, periodEnd } from '../../src/features/filters/period-edit';
import { rangeWords } from '../../src/model/analysis/timeline-zoom';

const DOMAIN = { start: 1990, end: 2025 };
const SUMMER = { from: '2016-06-01', to: '2016-08-31' };

describe('the Filters panel’s period', () => {
  it('reads each end of a brushed period at its month and day', () => {
    expect(periodEnd(SUMMER.from)).toEqual({ year: 2016, month: 6, day: 1 });
    expect(periodEnd(SUMMER.to)).toEqual({ year: 2016, month: 8, day: 31 });
    expect(periodEnd('2016-02-30')).toBeNull();
    expect(periodEnd('2016')).toBeNull();
  });

  it('changes the year of one end and keeps both ends’ months and days', () => {
    const next = editPeriod(SUMMER, 'to', { year: 2017 }, DOMAIN);
    expect(next).toEqual({ from: '2016-06-01', to: '2017-08-31' });
    expect(rangeWords(next!)).toBe('Jun 2016 – Aug 2017');
    // A day brushed at the days' zoom stays too; the 29th of February has no place in 2015.
    expect(editPeriod({ from: '2016-02-29', to: '2016-03-02' }, 'from', { year: 2015 }, DOMAIN)).toEqual({
      from: '2015-02-28',
      to: '2016-03-02',
    });
  });

  it('takes a whole month picked for an end: from its first day, to its last', () => {
    expect(editPeriod(SUMMER, 'from', { month: 4 }, DOMAIN)).toEqual({
      from: '2016-04-01',
      to: '2016-08-31',
    });
    expect(editPeriod({ from: '2016-01-01', to: '2016-08-31' }, 'to', { month: 2 }, DOMAIN)).toEqual({
      from: '2016-01-01',
      to: '2016-02-29',
    });
  });

  it('starts a period from a year as whole years, as the year pickers did', () => {
    expect(editPeriod(null, 'from', { year: 2016 }, DOMAIN)).toEqual({
      from: '2016-01-01',
      to: '2024-12-31',
    });
    expect(editPeriod(null, 'to', { year: 2018 }, DOMAIN)).toEqual({ from: '1990-01-01', to: '2018-12-31' });
  });

  it('opens an end set to any at the domain’s edge, and clears the period when both are', () => {
    expect(editPeriod(SUMMER, 'from', { year: null }, DOMAIN)).toEqual({
      from: '1990-01-01',
      to: '2016-08-31',
    });
    expect(editPeriod(null, 'from', { year: null }, DOMAIN)).toBeNull();
  });

  it('moves the other end along to its own year’s edge when one end passes it', () => {
    expect(editPeriod(SUMMER, 'from', { year: 2018 }, DOMAIN)).toEqual({
      from: '2018-06-01',
      to: '2018-12-31',
    });
    expect(editPeriod(SUMMER, 'to', { year: 2014 }, DOMAIN)).toEqual({
      from: '2014-01-01',
      to: '2014-08-31',
    });
  });
});
