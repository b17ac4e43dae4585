// `sagemaker-train --help`.
import { DEFAULT_CONFIG_FILE } from '../config/load.js';
import { OVERRIDES } from '../config/overrides.js';
import pkg from '../../package.json' with { type: 'json' };

export const VERSION = pkg.version;

const flag = (name: string, arg: string, text: string): string => `  ${`--${name} ${arg}`.padEnd(30)} ${text}`;

export function helpText(): string {
  return [
    `sagemaker-train ${pkg.version}: build a SageMaker training image and train it locally on Docker (exactly as`,
    'SageMaker would), on SageMaker, or through a Fargate runner task, then report and gate its metrics.',
    '',
    'Usage:',
    '  sagemaker-train run      [options]   train and print the result (exit 0 only when the job completed and passed its thresholds)',
    '  sagemaker-train build    [options]   build the image only when its content changed, and push it (remote modes)',
    '  sagemaker-train validate [options]   check the configuration and print what would run',
    '  sagemaker-train fingerprint [options] print the run fingerprint and its parts (--json): why two runs differ',
    '  sagemaker-train protect --repo OWNER/REPO --branch BRANCH [--check NAME] [--app-id N] [--ruleset]',
    '                                       make the check required on the branch, pinned to the App that posts it',
    '                                       (default: the App of its newest run there), in the ruleset that governs',
    '                                       the branch, a new one (--ruleset) or branch protection (GITHUB_TOKEN)',
    "  sagemaker-train runner               the Fargate task's command: run the request in TRAINING_REQUEST_JSON or",
    '                                       TRAINING_REQUEST_URI on SageMaker, write result.json beside it (logs on stdout;',
    '                                       exit 0 completed, 10 failed, 11 stopped, 2 bad request, 1 runner error)',
    '  sagemaker-train --help | --version',
    '',
    'Options:',
    flag('config', 'FILE', `configuration file (default ${DEFAULT_CONFIG_FILE}, relative to the workspace)`),
    flag('workspace', 'DIR', 'folder relative paths are resolved against (default: the current folder)'),
    flag('json', '', 'print the result (or the validated request) as JSON on stdout'),
    flag('no-reuse', '', 'train even when a run with the same fingerprint already completed'),
    flag('verbose', '', 'print debug messages'),
    '',
    'Overrides (win over the file):',
    ...OVERRIDES.map((o) => flag(o.name, o.kind === 'mapping' ? 'YAML' : 'VALUE', o.description)),
    flag('set', 'PATH=VALUE', 'any setting by its dotted path, such as job.max-runtime=2h (repeatable)'),
    flag('hyperparameter', 'K=V', 'one hyperparameter (repeatable)'),
    flag('build-arg', 'K=V', 'one Docker build argument (repeatable)'),
    '',
    'Exit codes: 0 completed and passed (or valid), 1 failed or a threshold missed, 2 invalid input, 130 stopped by a signal.',
    'Logs go to stderr; the result goes to stdout.',
    '',
  ].join('\n');
}
