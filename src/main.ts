// The action's main step (action.yml runs.main). Wiring only: see src/action/main-step.ts.
import { actionsCore } from './action/core.js';
import { runMainStep } from './action/main-step.js';

await runMainStep({ core: actionsCore, env: process.env, cwd: process.cwd() });
