// Approximate on-demand prices of SageMaker training instances in us-east-1, in USD per instance-hour, as AWS listed
// them around early 2025 (the SageMaker pricing page, "Training" tab; compiled without network access to that page, so
// treat every figure as a rough guide — P5 in particular was cut later in 2025). APPROXIMATE: other regions cost more or less, prices
// change, and savings plans or discounts are not known here. Set job.price-per-hour for an exact figure.

/** When the figures below were listed (not re-checked since). */
export const PRICE_TABLE_DATE = '2025-01';

export const TRAINING_PRICES_USD_PER_HOUR: Readonly<Record<string, number>> = {
  // General purpose
  'ml.m5.large': 0.115,
  'ml.m5.xlarge': 0.23,
  'ml.m5.2xlarge': 0.461,
  'ml.m5.4xlarge': 0.922,
  'ml.m5.12xlarge': 2.765,
  'ml.m5.24xlarge': 5.53,
  // Compute optimised
  'ml.c5.xlarge': 0.204,
  'ml.c5.2xlarge': 0.408,
  'ml.c5.4xlarge': 0.816,
  'ml.c5.9xlarge': 1.836,
  'ml.c5.18xlarge': 3.672,
  // NVIDIA T4
  'ml.g4dn.xlarge': 0.736,
  'ml.g4dn.2xlarge': 1.053,
  'ml.g4dn.4xlarge': 1.686,
  'ml.g4dn.8xlarge': 3.046,
  'ml.g4dn.12xlarge': 5.474,
  'ml.g4dn.16xlarge': 6.093,
  // NVIDIA A10G
  'ml.g5.xlarge': 1.408,
  'ml.g5.2xlarge': 1.515,
  'ml.g5.4xlarge': 2.03,
  'ml.g5.8xlarge': 3.06,
  'ml.g5.12xlarge': 7.09,
  'ml.g5.16xlarge': 5.12,
  'ml.g5.24xlarge': 10.18,
  'ml.g5.48xlarge': 20.36,
  // NVIDIA L4
  'ml.g6.xlarge': 1.006,
  'ml.g6.2xlarge': 1.224,
  'ml.g6.4xlarge': 1.662,
  'ml.g6.8xlarge': 2.538,
  'ml.g6.12xlarge': 5.718,
  'ml.g6.16xlarge': 4.29,
  'ml.g6.24xlarge': 8.563,
  'ml.g6.48xlarge': 17.126,
  // NVIDIA V100
  'ml.p3.2xlarge': 3.825,
  'ml.p3.8xlarge': 14.688,
  'ml.p3.16xlarge': 28.152,
  // NVIDIA A100 and H100
  'ml.p4d.24xlarge': 37.688,
  'ml.p5.48xlarge': 113.068,
  // AWS Trainium
  'ml.trn1.2xlarge': 1.545,
  'ml.trn1.32xlarge': 24.725,
};
