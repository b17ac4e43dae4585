export { summaryMarkdown, SUMMARY_MAX_BYTES, TRUNCATION_MARKER, type SummaryOptions } from './summary.js';
export { resultTable } from './table.js';
export { actionOutputs, Output } from './outputs.js';
export { requestSummary } from './request-summary.js';
export { metricRows, checkThreshold, type MetricRow, type Verdict } from './verdicts.js';
export { formatDuration, formatNumber } from './format.js';
