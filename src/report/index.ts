export {
  summaryMarkdown,
  SUMMARY_MAX_BYTES,
  TRUNCATION_MARKER,
  type SummaryOptions,
  type SummaryRequest,
} from './summary.js';
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
export {
  metricChart,
  metricCharts,
  downsample,
  chartPoints,
  yRange,
  xAxis,
  MAX_CHART_POINTS,
  MIN_CHART_POINTS,
  LINE_COLOURS,
  type ChartInput,
} from './chart.js';
export {
  verdictLine,
  verdictTitle,
  metricChange,
  changeLabel,
  formatPercent,
  CHECK_TITLE_VISIBLE_CHARS,
} from './verdict.js';
export { s3ConsoleUrl, artifactsUrl, commitUrl, configUrl, runLinks, type RunLinks } from './links.js';
export { runDetails } from './run-details.js';
export { metricsTable, baselineLine, type BaselineContext } from './metrics-table.js';
export { gateOutputs, GateOutput, type GateOutputOptions } from './gate-outputs.js';
export { registrationSection, serveSection, ServingOutput, servingOutputs } from './serving.js';
