import { describe, expect, it } from 'vitest';
import { withLazyWhy } from '../../../shared/skills/lazyWhy';

describe('withLazyWhy', () => {
  it('writes the texts once, on first read, and they survive spreading, JSON and structured clone', () => {
    let writes = 0;
    const row = withLazyWhy({ figure: 2 }, () => {
      writes++;
      return { figure: 'because 1 + 1 = 2' };
    });
    expect(writes).toBe(0);
    expect(row.why.figure).toBe('because 1 + 1 = 2');
    expect(row.why).toBe(row.why);
    expect(writes).toBe(1);
    expect({ ...row }.why).toEqual({ figure: 'because 1 + 1 = 2' });
    expect(JSON.parse(JSON.stringify(row))).toEqual({ figure: 2, why: { figure: 'because 1 + 1 = 2' } });
    expect(structuredClone(row)).toEqual({ figure: 2, why: { figure: 'because 1 + 1 = 2' } });
    expect(writes).toBe(1);
  });
});
