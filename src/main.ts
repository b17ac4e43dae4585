// The action's main step (action.yml runs.main). Wiring only: see src/action/main-step.ts.
import { actionsCore } from './action/core.js';
import { runMainStep } from './action/main-step.js';

// Not awaited at the top level: dist/ is CommonJS (see scripts/build.mjs). runMainStep reports its own failures.
void runMainStep({ core: actionsCore, env: process.env, cwd: process.cwd() });
