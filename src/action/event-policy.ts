// Which code the step may train for the event, and where it may report it. GitHub gives a fork's and Dependabot's
// pull requests a read-only token and no secrets, and runs pull_request_target with the base branch's workflow and a
// write token: the step must never leave a passing (success, neutral, skipped) check for code it did not train.
// Not trained → an `action_required` check run (branch protection does not count it as passing) and a failed step
// that says how a maintainer runs it. Pure.
import type { GithubContext } from '../github/context.js';
import type { Mode } from '../request.js';
import type { GateInputs } from './inputs.js';

export type EventPolicy = { kind: 'train' } | { kind: 'refuse'; reason: string };

const HOW_TO_RUN =
  'a maintainer can train it with workflow_dispatch on the branch (`gh workflow run <workflow> --ref <branch>`, ' +
  "after pushing a fork's branch to this repository) once the code is reviewed";

/** The commit a run reports on: the base commit for pull_request_target with train-base, else the context's. */
export function reportingContext(context: GithubContext, gate: Pick<GateInputs, 'pullRequestTarget'>): GithubContext {
  if (context.eventName !== 'pull_request_target' || gate.pullRequestTarget !== 'train-base') return context;
  const baseSha = context.pullRequest?.baseSha;
  if (!baseSha) return context;
  // The base branch's code is what this event checks out: its result belongs on the base commit, not the PR head.
  return { ...context, sha: baseSha, baseBranch: context.pullRequest?.baseRef ?? context.baseBranch ?? '' };
}

export function eventPolicy(o: {
  context: GithubContext | undefined;
  mode: Mode;
  gate: Pick<GateInputs, 'pullRequestTarget'>;
}): EventPolicy {
  const { context } = o;
  if (!context) return { kind: 'train' };
  if (context.eventName === 'pull_request_target' && o.gate.pullRequestTarget !== 'train-base') {
    return {
      kind: 'refuse',
      reason:
        'pull_request_target runs the base branch’s workflow and code with a write token, so a result would not be ' +
        'the pull request’s; use the pull_request event, or set pull-request-target: train-base to train the base ' +
        'branch and report it on the base commit',
    };
  }
  const pr = context.pullRequest;
  if (context.eventName === 'pull_request' && pr && (pr.fromFork || pr.fromDependabot) && o.mode !== 'local') {
    const who = pr.fromDependabot ? 'Dependabot’s pull requests' : 'pull requests from forks';
    return {
      kind: 'refuse',
      reason: `${who} get no secrets and a read-only token, so mode "${o.mode}" cannot run; ${HOW_TO_RUN}`,
    };
  }
  return { kind: 'train' };
}
