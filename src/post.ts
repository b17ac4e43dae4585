// The action's post step (action.yml runs.post). Wiring only: see src/action/post-step.ts. Never fails the job: even
// an error escaping a library's callbacks becomes a warning.
import { actionsCore, messageOf } from './action/core.js';
import { runPostStep } from './action/post-step.js';

const warnOnly = (err: unknown): void => {
  actionsCore.warning(`Cleanup failed: ${messageOf(err)}`);
  process.exitCode = 0;
};
process.on('uncaughtException', warnOnly);
process.on('unhandledRejection', warnOnly);

// Not awaited at the top level: dist/ is CommonJS (see scripts/build.mjs); a rejection reaches warnOnly above.
void runPostStep({ core: actionsCore });
