// `wait:` whether the run waits for the training to end (false only for a fargate runner that reports itself).

import { child, readBoolean } from '../read.js';
import { readMapQuiet, type SectionContext } from './context.js';
import { DEFAULTS } from './limits.js';

/** wait: false hands the end of the run to the fargate runner, which completes the check run with its GitHub App. */
export function readWait(ctx: SectionContext): boolean {
  const node = child(ctx.root, 'wait');
  const wait = readBoolean(ctx.root, 'wait', ctx.issues) ?? DEFAULTS.wait;
  if (wait || node === undefined || !ctx.modeKnown) return wait;
  if (ctx.mode !== 'fargate') {
    ctx.issues.add(
      node.where,
      `may be false only in fargate mode, where the runner task reports the result itself; ${ctx.mode} mode waits for the training to end (the mode is ${ctx.mode}${ctx.modeNote}). Remove wait, or set mode: fargate and fargate.github-app-secret`,
    );
  } else if (child(readMapQuiet(ctx.root, 'fargate'), 'github-app-secret') === undefined) {
    ctx.issues.add(
      node.where,
      'may be false only with fargate.github-app-secret: the Secrets Manager secret (name or ARN) holding the GitHub App ({"appId": …, "privateKey": …}) the runner completes the check run with, such as github-app/sagemaker-train',
    );
  }
  return wait;
}
