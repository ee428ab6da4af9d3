import { describe, expect, it } from 'vitest';
import { pert } from '../../../shared/analysis/pert';

describe('PERT three-point estimates', () => {
  it('gives mean 6 and sd 2 for 2 / 5 / 14', () => {
    // mean = (2 + 4·5 + 14) / 6 = 36 / 6 = 6; sd = (14 − 2) / 6 = 2; variance 4; cv = 2 / 6 = 1/3;
    // E[T²] = variance + mean² = 4 + 36 = 40.
    const e = pert({ min: 2, likely: 5, max: 14 });
    expect(e.mean).toBe(6);
    expect(e.sd).toBe(2);
    expect(e.variance).toBe(4);
    expect(e.cv).toBeCloseTo(1 / 3, 12);
    expect(e.secondMoment).toBe(40);
  });

  it('is deterministic when all three times are equal', () => {
    expect(pert({ min: 7, likely: 7, max: 7 })).toEqual({
      mean: 7,
      sd: 0,
      variance: 0,
      cv: 0,
      secondMoment: 49,
    });
  });

  it('gives cv 0, not NaN, for a zero time', () => {
    expect(pert({ min: 0, likely: 0, max: 0 }).cv).toBe(0);
  });
});
