// The action's post step (action.yml runs.post). Wiring only: see src/action/post-step.ts. Never fails the job.
import { actionsCore } from './action/core.js';
import { runPostStep } from './action/post-step.js';

await runPostStep({ core: actionsCore });
