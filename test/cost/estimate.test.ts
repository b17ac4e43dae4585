import { describe, expect, it } from 'vitest';

import {
  costLabel,
  estimateCost,
  spotSavingsPercent,
  tablePricePerHour,
  TRAINING_PRICES_USD_PER_HOUR,
} from '../../src/cost/index.js';

describe('estimateCost', () => {
  it('configured price wins over the table: billable seconds × instances / 3600 × price', () => {
    // 1800 s × 2 instances = 1 instance-hour.
    expect(
      estimateCost({ instanceType: 'ml.g5.xlarge', instanceCount: 2, billableSeconds: 1800, pricePerHour: 2.5 }),
    ).toEqual({ usd: 2.5, pricePerHour: 2.5, priceSource: 'configured' });
  });

  it('uses the built-in table when no price is configured', () => {
    expect(estimateCost({ instanceType: 'ml.m5.xlarge', instanceCount: 1, billableSeconds: 3600 })).toEqual({
      usd: 0.23,
      pricePerHour: 0.23,
      priceSource: 'table',
    });
    expect(estimateCost({ instanceType: 'ml.p4d.24xlarge', instanceCount: 4, billableSeconds: 7200 })).toMatchObject({
      usd: 301.5,
      priceSource: 'table',
    });
  });

  it('rounds to cents', () => {
    // 100 s of ml.g4dn.xlarge: 100 / 3600 × 0.736 = 0.02044…
    expect(estimateCost({ instanceType: 'ml.g4dn.xlarge', instanceCount: 1, billableSeconds: 100 })?.usd).toBe(0.02);
    // 1000 s × 3 × 0.115 / 3600 = 0.09583…
    expect(estimateCost({ instanceType: 'ml.m5.large', instanceCount: 3, billableSeconds: 1000 })?.usd).toBe(0.1);
  });

  it('is undefined for an unknown type without a price, or without a billable time', () => {
    expect(estimateCost({ instanceType: 'ml.x99.huge', instanceCount: 1, billableSeconds: 60 })).toBeUndefined();
    expect(estimateCost({ instanceType: 'local', instanceCount: 1, billableSeconds: 60 })).toBeUndefined();
    expect(estimateCost({ instanceType: 'toString', instanceCount: 1, billableSeconds: 60 })).toBeUndefined();
    expect(estimateCost({ instanceType: 'ml.m5.xlarge', instanceCount: 1 })).toBeUndefined();
    expect(
      estimateCost({ instanceType: 'ml.m5.xlarge', instanceCount: 1, billableSeconds: Number.NaN }),
    ).toBeUndefined();
  });

  it('prices an unknown type at the configured price', () => {
    expect(
      estimateCost({ instanceType: 'ml.x99.huge', instanceCount: 1, billableSeconds: 360, pricePerHour: 10 }),
    ).toEqual({ usd: 1, pricePerHour: 10, priceSource: 'configured' });
  });

  it('a zero billable time costs nothing', () => {
    expect(estimateCost({ instanceType: 'ml.g5.xlarge', instanceCount: 1, billableSeconds: 0 })?.usd).toBe(0);
  });
});

describe('the built-in price table', () => {
  it('covers the common training families, with plausible prices', () => {
    for (const type of [
      'ml.m5.xlarge',
      'ml.c5.2xlarge',
      'ml.g4dn.xlarge',
      'ml.g5.2xlarge',
      'ml.g6.xlarge',
      'ml.p3.2xlarge',
      'ml.p4d.24xlarge',
      'ml.p5.48xlarge',
      'ml.trn1.32xlarge',
    ]) {
      expect(tablePricePerHour(type), type).toBeGreaterThan(0);
    }
    for (const [type, price] of Object.entries(TRAINING_PRICES_USD_PER_HOUR)) {
      expect(type).toMatch(/^ml\.[a-z0-9]+\.[0-9]*x?large$/);
      expect(price).toBeGreaterThan(0.05);
      expect(price).toBeLessThan(200);
    }
  });
});

describe('spotSavingsPercent', () => {
  it('is 100 × (1 − billable / training) with managed spot', () => {
    expect(spotSavingsPercent({ managedSpot: true, billableSeconds: 100, trainingSeconds: 500 })).toBe(80);
    expect(spotSavingsPercent({ managedSpot: true, billableSeconds: 200, trainingSeconds: 300 })).toBe(33.3);
    expect(spotSavingsPercent({ managedSpot: true, billableSeconds: 300, trainingSeconds: 300 })).toBe(0);
  });

  it('is undefined without managed spot or with a time missing', () => {
    expect(spotSavingsPercent({ managedSpot: false, billableSeconds: 100, trainingSeconds: 500 })).toBeUndefined();
    expect(spotSavingsPercent({ managedSpot: true, trainingSeconds: 500 })).toBeUndefined();
    expect(spotSavingsPercent({ managedSpot: true, billableSeconds: 100 })).toBeUndefined();
    expect(spotSavingsPercent({ managedSpot: true, billableSeconds: 0, trainingSeconds: 0 })).toBeUndefined();
  });
});

describe('costLabel', () => {
  it('marks a table price as approximate, and a configured one as such', () => {
    expect(costLabel({ usd: 1.5, pricePerHour: 1.408, priceSource: 'table' })).toBe(
      '≈ $1.50 (approximate, built-in price table)',
    );
    expect(costLabel({ usd: 12, pricePerHour: 3, priceSource: 'configured' })).toBe('$12.00 (at the configured price)');
  });
});
