export {
  evaluateGates,
  gateFailures,
  regression,
  allowedRegression,
  type Baseline,
  type EvaluateOptions,
  type GateReport,
  type GateVerdict,
  type MetricGate,
} from './evaluate.js';
export { conclude, type Conclusion, type Outcome } from './conclusion.js';
