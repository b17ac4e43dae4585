// What a training job cost, estimated from its billable time, and what managed spot saved. Pure.
import type { CostEstimate } from '../result.js';
import { TRAINING_PRICES_USD_PER_HOUR } from './prices.js';

export interface CostInput {
  instanceType: string;
  instanceCount: number;
  /** The job's BillableTimeInSeconds: wall-clock seconds billed per instance. */
  billableSeconds?: number;
  /** job.price-per-hour: USD per instance-hour; wins over the built-in table. */
  pricePerHour?: number;
}

const isNonNegative = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n >= 0;

/** The built-in (approximate, us-east-1 on-demand) price of an instance type, when the table has it. */
export function tablePricePerHour(instanceType: string): number | undefined {
  return Object.hasOwn(TRAINING_PRICES_USD_PER_HOUR, instanceType)
    ? TRAINING_PRICES_USD_PER_HOUR[instanceType]
    : undefined;
}

/**
 * billableSeconds × instanceCount / 3600 × price, rounded to cents; the configured price wins over the table.
 * Undefined when the billable time is unknown or no price is known for the instance type.
 */
export function estimateCost(input: CostInput): CostEstimate | undefined {
  const { billableSeconds, instanceCount } = input;
  if (!isNonNegative(billableSeconds) || !isNonNegative(instanceCount)) return undefined;
  const configured = isNonNegative(input.pricePerHour) ? input.pricePerHour : undefined;
  const pricePerHour = configured ?? tablePricePerHour(input.instanceType);
  if (pricePerHour === undefined) return undefined;
  const usd = Math.round(((billableSeconds * instanceCount) / 3600) * pricePerHour * 100) / 100;
  return { usd, pricePerHour, priceSource: configured !== undefined ? 'configured' : 'table' };
}

export interface SpotSavingsInput {
  /** Whether the job used managed spot training. */
  managedSpot: boolean;
  billableSeconds?: number;
  trainingSeconds?: number;
}

/**
 * Percent saved by managed spot, 100 × (1 − billable / training), to one decimal (AWS's own formula); undefined
 * without managed spot or when either time is unknown.
 */
export function spotSavingsPercent(input: SpotSavingsInput): number | undefined {
  const { billableSeconds: billable, trainingSeconds: training } = input;
  if (!input.managedSpot || !isNonNegative(billable) || !isNonNegative(training) || training === 0) return undefined;
  const percent = 100 * (1 - billable / training);
  return Math.max(0, Math.round(percent * 10) / 10);
}

/** `≈ $1.23 (approximate, built-in price table)` or `$1.23 (at the configured price)`, for reports. */
export function costLabel(cost: CostEstimate): string {
  const usd = `$${cost.usd.toFixed(2)}`;
  return cost.priceSource === 'table'
    ? `≈ ${usd} (approximate, built-in price table)`
    : `${usd} (at the configured price)`;
}
