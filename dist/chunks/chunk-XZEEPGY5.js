var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var chunk_XZEEPGY5_exports = {};
__export(chunk_XZEEPGY5_exports, {
  costLabel: () => costLabel,
  estimateCost: () => estimateCost,
  spotSavingsPercent: () => spotSavingsPercent
});
module.exports = __defProp(chunk_XZEEPGY5_exports, "__esModule", { value: true });
var TRAINING_PRICES_USD_PER_HOUR = {
  // General purpose
  "ml.m5.large": 0.115,
  "ml.m5.xlarge": 0.23,
  "ml.m5.2xlarge": 0.461,
  "ml.m5.4xlarge": 0.922,
  "ml.m5.12xlarge": 2.765,
  "ml.m5.24xlarge": 5.53,
  // Compute optimised
  "ml.c5.xlarge": 0.204,
  "ml.c5.2xlarge": 0.408,
  "ml.c5.4xlarge": 0.816,
  "ml.c5.9xlarge": 1.836,
  "ml.c5.18xlarge": 3.672,
  // NVIDIA T4
  "ml.g4dn.xlarge": 0.736,
  "ml.g4dn.2xlarge": 1.053,
  "ml.g4dn.4xlarge": 1.686,
  "ml.g4dn.8xlarge": 3.046,
  "ml.g4dn.12xlarge": 5.474,
  "ml.g4dn.16xlarge": 6.093,
  // NVIDIA A10G
  "ml.g5.xlarge": 1.408,
  "ml.g5.2xlarge": 1.515,
  "ml.g5.4xlarge": 2.03,
  "ml.g5.8xlarge": 3.06,
  "ml.g5.12xlarge": 7.09,
  "ml.g5.16xlarge": 5.12,
  "ml.g5.24xlarge": 10.18,
  "ml.g5.48xlarge": 20.36,
  // NVIDIA L4
  "ml.g6.xlarge": 1.006,
  "ml.g6.2xlarge": 1.224,
  "ml.g6.4xlarge": 1.662,
  "ml.g6.8xlarge": 2.538,
  "ml.g6.12xlarge": 5.718,
  "ml.g6.16xlarge": 4.29,
  "ml.g6.24xlarge": 8.563,
  "ml.g6.48xlarge": 17.126,
  // NVIDIA V100
  "ml.p3.2xlarge": 3.825,
  "ml.p3.8xlarge": 14.688,
  "ml.p3.16xlarge": 28.152,
  // NVIDIA A100 and H100
  "ml.p4d.24xlarge": 37.688,
  "ml.p5.48xlarge": 113.068,
  // AWS Trainium
  "ml.trn1.2xlarge": 1.545,
  "ml.trn1.32xlarge": 24.725
};
var isNonNegative = (n) => n !== void 0 && Number.isFinite(n) && n >= 0;
function tablePricePerHour(instanceType) {
  return Object.hasOwn(TRAINING_PRICES_USD_PER_HOUR, instanceType) ? TRAINING_PRICES_USD_PER_HOUR[instanceType] : void 0;
}
function estimateCost(input) {
  const { billableSeconds, instanceCount } = input;
  if (!isNonNegative(billableSeconds) || !isNonNegative(instanceCount)) return void 0;
  const configured = isNonNegative(input.pricePerHour) ? input.pricePerHour : void 0;
  const pricePerHour = configured ?? tablePricePerHour(input.instanceType);
  if (pricePerHour === void 0) return void 0;
  const usd = Math.round(billableSeconds * instanceCount / 3600 * pricePerHour * 100) / 100;
  return { usd, pricePerHour, priceSource: configured !== void 0 ? "configured" : "table" };
}
function spotSavingsPercent(input) {
  const { billableSeconds: billable, trainingSeconds: training } = input;
  if (!input.managedSpot || !isNonNegative(billable) || !isNonNegative(training) || training === 0) return void 0;
  const percent = 100 * (1 - billable / training);
  return Math.max(0, Math.round(percent * 10) / 10);
}
function costLabel(cost) {
  const usd = `$${cost.usd.toFixed(2)}`;
  return cost.priceSource === "table" ? `\u2248 ${usd} (approximate, built-in price table)` : `${usd} (at the configured price)`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  costLabel,
  estimateCost,
  spotSavingsPercent
});
