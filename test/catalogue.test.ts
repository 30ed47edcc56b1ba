import { describe, expect, test } from 'vitest';
import { METRICS, METRIC_BY_KEY, childrenOf, FORMULAS } from '../src/catalogue/metrics.ts';

describe('catalogue', () => {
  test('metric keys are unique', () => {
    expect(METRIC_BY_KEY.size).toBe(METRICS.length);
  });
  test('不予公开 is derived from its eight reasons', () => {
    expect(childrenOf('requests.result.withheld').map((d) => d.key)).toHaveLength(8);
  });
  test('行政诉讼 总计 = 直接起诉总计 + 复议后起诉总计', () => {
    expect(FORMULAS['litigation.total']).toEqual(['litigation.direct.total', 'litigation.after_review.total']);
  });
});
