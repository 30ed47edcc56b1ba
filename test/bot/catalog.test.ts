import { describe, expect, test } from 'vitest';
import { countedOnce, type Catalog } from '../../src/bot/catalog.ts';

describe('countedOnce: a generation of the index is counted once', () => {
  test('counts() reads the index the first time only; listings still go to the index', () => {
    let counted = 0;
    let listed = 0;
    const inner: Catalog = {
      counts: () => ({ reports: 5, figures: 700 + counted++, agencies: 3 }),
      reports: (page) => ({ total: 5, items: [], ...{ listed: listed++, page } }),
      agencies: () => ({ total: 3, items: [] }),
      years: () => [2019, 2020],
    };
    const catalog = countedOnce(inner);
    expect(catalog.counts()).toEqual({ reports: 5, figures: 700, agencies: 3 });
    expect(catalog.counts()).toEqual({ reports: 5, figures: 700, agencies: 3 });
    expect(counted).toBe(1);
    catalog.reports({ limit: 10, offset: 0 });
    catalog.reports({ limit: 10, offset: 10 });
    expect(listed).toBe(2);
    expect(catalog.years()).toEqual([2019, 2020]);
  });
});
