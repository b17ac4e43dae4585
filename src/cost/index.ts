export {
  costLabel,
  type CostInput,
  estimateCost,
  spotSavingsPercent,
  type SpotSavingsInput,
  tablePricePerHour,
} from './estimate.js';
export { PRICE_TABLE_DATE, TRAINING_PRICES_USD_PER_HOUR } from './prices.js';
