export { createMetricParser, parseMetricValue, type MetricParser } from './parser.js';
