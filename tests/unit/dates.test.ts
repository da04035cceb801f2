import { describe, expect, it } from 'vitest';
import { dateLabel } from '../../src/components/date-label';
import { overlaps, resolveDate } from '../../src/model/core/dates';

describe('dates keep their precision', () => {
  it('turns a year, a month and a decade into the span they cover', () => {
    expect(resolveDate('2018')).toMatchObject({ start: '2018-01-01', end: '2018-12-31', precision: 'year' });
    expect(resolveDate('2016-02')).toMatchObject({
      start: '2016-02-01',
      end: '2016-02-29',
      precision: 'month',
    });
    expect(resolveDate('1990s')).toMatchObject({
      start: '1990-01-01',
      end: '1999-12-31',
      precision: 'decade',
    });
  });

  it('rejects impossible days and reversed intervals', () => {
    expect(resolveDate('2019-02-29')).toHaveProperty('error');
    expect(resolveDate('2018-13')).toHaveProperty('error');
    expect(resolveDate({ start: '2020', end: '2018' })).toHaveProperty('error');
  });

  it('reads intervals for people', () => {
    expect(dateLabel('2018-07')).toBe('July 2018');
    expect(dateLabel({ start: '2020', end: '2020', approximate: true })).toBe('c. 2020');
    expect(dateLabel({ start: '1990s' })).toBe('since the 1990s');
    expect(dateLabel({ end: '2016' })).toBe('until 2016');
  });

  it('tests overlap with a time range, open intervals included', () => {
    const since = resolveDate({ start: '1990s' });
    if ('error' in since) throw new Error(since.error);
    expect(overlaps(since, '2018-01-01', '2018-12-31')).toBe(true);
    const y2014 = resolveDate('2014');
    if ('error' in y2014) throw new Error(y2014.error);
    expect(overlaps(y2014, '2018-01-01', '2018-12-31')).toBe(false);
  });
});
