import { describe, expect, it } from 'vitest';
import { byteSize } from '../../src/model/format/byte-size';

/** Sizes in messages (a source too large to add, an answer too large to send) read the same everywhere. */
describe('byteSize', () => {
  it('gives kilobytes under a megabyte, rounded up so nothing reads as 0', () => {
    expect(byteSize(1)).toBe('1 KB');
    expect(byteSize(512 * 1024)).toBe('512 KB');
  });
  it('gives megabytes with one decimal under ten, none from ten, and no trailing .0', () => {
    expect(byteSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(byteSize(5 * 1024 * 1024)).toBe('5 MB');
    expect(byteSize(64 * 1024 * 1024)).toBe('64 MB');
    expect(byteSize(98.4 * 1024 * 1024)).toBe('98 MB');
  });
});
