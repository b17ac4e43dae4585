// The layers of src/ (see CONTRIBUTING.md): imports run downward only. `npm run lint` runs this.
//   5 entry points   src/main.ts, src/post.ts, src/cli.ts, src/action/, src/cli/, src/runner/
//   4 one path       src/pipeline/
//   3 capabilities   src/backends/, src/image/, src/report/, src/github/, src/cache/, src/serve/, src/register/
//   2 pure logic     src/gate/, src/metrics/, src/wait/, src/config/, src/aws/, src/cost/, src/archive/
//   1 vocabulary     src/*.ts other than the entry points (request, result, naming, state, logger, …), with
//                    src/patterns.ts: the shapes of AWS identifiers that config, aws, state and the backends share
const ENTRY = '^src/(main|post|cli)\\.ts$|^src/(action|cli|runner)/';
const PIPELINE = '^src/pipeline/';
const CAPABILITIES = '^src/(backends|image|report|github|cache|serve|register)/';
const LOGIC = '^src/(gate|metrics|wait|config|aws|cost|archive)/';
const VOCABULARY = '^src/[^/]+\\.ts$';

/** No import from `from` to `to`: the layer rules (nothing upward) and the entry points' (side by side). */
const forbid = (name, from, to, comment) => ({
  name,
  severity: 'error',
  comment,
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    forbid('pipeline-above', PIPELINE, ENTRY, 'the pipeline is called by the entry points, never the other way'),
    forbid(
      'capability-above',
      CAPABILITIES,
      `${ENTRY}|${PIPELINE}`,
      'backends, image, report and github sit below the pipeline',
    ),
    forbid(
      'logic-above',
      LOGIC,
      `${ENTRY}|${PIPELINE}|${CAPABILITIES}`,
      'pure logic imports only pure logic and the vocabulary',
    ),
    {
      name: 'vocabulary-above',
      severity: 'error',
      comment: 'the vocabulary (request, result, state, …) imports nothing of the layers above it',
      from: { path: VOCABULARY, pathNot: '^src/(main|post|cli)\\.ts$' },
      to: { path: `${ENTRY}|${PIPELINE}|${CAPABILITIES}|${LOGIC}` },
    },
    forbid(
      'action-apart',
      '^src/action/|^src/(main|post)\\.ts$',
      '^src/(cli|runner)/|^src/cli\\.ts$',
      'the action is an entry point beside the CLI and the runner: it shares code with them only below',
    ),
    forbid(
      'runner-apart',
      '^src/runner/',
      '^src/(cli|action)/|^src/(cli|main|post)\\.ts$',
      'the Fargate runner is an entry point beside the action and the CLI',
    ),
    forbid(
      'cli-apart',
      '^src/cli/|^src/cli\\.ts$',
      '^src/action/|^src/(main|post)\\.ts$',
      'the CLI hosts the runner command, and shares nothing else with the other entry points',
    ),
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a cycle hides which module depends on which',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules|test|bench|scripts)/' },
  },
};
