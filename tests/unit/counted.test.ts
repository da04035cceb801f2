import { describe, expect, it } from 'vitest';
import { counted } from '../../src/lib/counted';

describe('a count with its noun', () => {
  it('takes the singular for one and the plural otherwise, as the summary prints them', () => {
    expect(counted(1, 'relation')).toBe('1 relation');
    expect(counted(0, 'quote')).toBe('0 quotes');
    expect(counted(1, 'entity', 'entities')).toBe('1 entity');
    expect(counted(12345, 'entity', 'entities')).toBe('12,345 entities');
  });
});
