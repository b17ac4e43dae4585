export { summaryMarkdown, SUMMARY_MAX_BYTES, TRUNCATION_MARKER, type SummaryOptions } from './summary.js';
export { resultTable } from './table.js';
export { actionOutputs, Output } from './outputs.js';
export { requestSummary } from './request-summary.js';
export { formatDelta, formatDuration, formatNumber } from './format.js';
export {
  completedCheckOutput,
  skippedCheckOutput,
  errorCheckOutput,
  progressCheckOutput,
  checkTitle,
  metricsTitle,
  commentBody,
  commentMarker,
  CHECK_TEXT_MAX_CHARS,
  CHECK_TITLE_MAX_CHARS,
  MAX_ANNOTATIONS,
  type Annotation,
  type CheckOutput,
  type CompletedCheckOptions,
} from './check-run.js';
export { embedResult, parseEmbeddedResult, RESULT_MARKER, type EmbeddedResult } from './result-marker.js';
export { metricChart, metricCharts, downsample, MAX_CHART_POINTS } from './chart.js';
export { gateOutputs, GateOutput, type GateOutputOptions } from './gate-outputs.js';
