// The configuration: the only code that reads the YAML file or inputs and turns them into a TrainingRequest.

export { ConfigError, formatIssues, type ConfigIssue } from './errors.js';
export { DEFAULT_CONFIG_FILE, loadConfig, loadRequest, type LoadedConfig, type LoadOptions } from './load.js';
export { checkMode, modeProblems, type ModeCheck, type ModeProblem } from './mode-rules.js';
export {
  OVERRIDES,
  overridesFromFlags,
  overridesFromInputs,
  type FlagValues,
  type Override,
  type OverrideSpec,
} from './overrides.js';
export { DurationError, formatDuration, parseDuration } from './duration.js';
export { LocationError, parseS3Uri } from './locations.js';
export { DEFAULTS, LIMITS } from './schema/index.js';
