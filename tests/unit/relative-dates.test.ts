import { describe, expect, it } from 'vitest';
import { resolveRelativeDate } from '../../src/model/format/relative-date';

describe('dates relative to their source', () => {
  it.each([
    ['Tuesday', '2019-04-03', '2019-04-02'],
    ['last Tuesday', '2019-04-03', '2019-04-02'],
    // A bare weekday is the latest one on or before the source's date: a source reports what has happened.
    ['on Friday', '2019-04-03', '2019-03-29'],
    ['Wednesday', '2019-04-03', '2019-04-03'],
    ['today', '2019-04-03', '2019-04-03'],
    ['yesterday', '2019-04-01', '2019-03-31'],
    ['March 28', '2019-04-03', '2019-03-28'],
    // The nearest such day: a December day in a January source is last year's.
    ['December 28', '2019-01-03', '2018-12-28'],
    // A source dated only by its year gives the year.
    ['March 28', '2019', '2019-03-28'],
    ['in March', '2019-04-03', '2019-03'],
    ['last year', '2019-04-03', '2018'],
  ])('%s in a source of %s is %s, at the precision the words give', (written, sourceDate, date) => {
    expect(resolveRelativeDate(written, sourceDate)).toEqual({ date });
  });

  it('leaves unresolved, and says why, what the source date cannot anchor', () => {
    expect(resolveRelativeDate('Tuesday', null)).toEqual({
      unresolved: 'the source has no date to resolve "Tuesday" against',
    });
    expect(resolveRelativeDate('today', '2019')).toEqual({
      unresolved: '"today" is relative to a day, and the source is dated only 2019',
    });
    expect(resolveRelativeDate('Tuesday', '2019-04')).toMatchObject({ unresolved: expect.any(String) });
    expect(resolveRelativeDate('the other day-ish', '2019-04-03')).toMatchObject({
      unresolved: expect.stringContaining('not a date'),
    });
  });
});
