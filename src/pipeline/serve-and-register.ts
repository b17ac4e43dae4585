// The two steps around the verdict: the serve smoke test (before it: a model that does not serve fails the gate) and
// registration in the model registry (after it: only a passed gate on the base branch registers).
import type { ECRClient } from '@aws-sdk/client-ecr';

import { messageOf } from '../error-message.js';
import type { Outcome } from '../gate/conclusion.js';
import type { Logger } from '../logger.js';
import type { RegisterDeps, RunEvent } from '../register/index.js';
import type { DraftRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { RegistrationOutcome, ServeReport } from '../serving.js';
import type { ServeTestDeps } from '../serve/index.js';
import type { State } from '../state.js';

/** What an entry point with a Docker engine gives to run serve tests (the Fargate runner has none, and gives none). */
export type ServeStepDeps = Partial<ServeTestDeps>;

export interface RegisterStepDeps {
  clients: RegisterDeps;
  event: RunEvent;
  /** The run's identity: repository (owner/name), commit and the workflow run (URL or id). */
  repository: string;
  commit: string;
  run: string;
}

interface StepContext {
  logger: Logger;
  signal: AbortSignal;
  docker?: ServeTestDeps['docker'];
  s3?: ServeTestDeps['s3'];
  ecr?: (region: string) => Promise<ECRClient>;
  onState?: (key: State, value: string) => void;
}

/**
 * The serve test of a completed run, when `serve:` is set and the entry point runs serve tests (the action and the
 * CLI always do; the Fargate runner, which has no engine, does not: the action that waits for it does).
 */
export async function serveStep(
  request: DraftRequest,
  result: TrainingResult,
  serve: ServeStepDeps | undefined,
  ctx: StepContext,
): Promise<ServeReport | undefined> {
  if (!request.serve || result.status !== 'Completed') return undefined;
  if (!serve) return undefined;
  const docker = serve.docker ?? ctx.docker;
  if (!docker) return { passed: false, reason: 'no Docker engine to run the serve test', samples: [], logTail: [] };
  const { pullImage, runServeTest } = await import('../serve/index.js');
  const engine = typeof docker === 'function' ? docker : () => Promise.resolve(docker);
  const pull = (uri: string): Promise<void> =>
    pullImage(uri, { docker: engine, logger: ctx.logger, ...(ctx.ecr ? { ecr: ctx.ecr } : {}) });
  const report = await ctx.logger.group('Serve test', () =>
    runServeTest({ ...request, serve: request.serve! }, result, {
      logger: ctx.logger,
      signal: ctx.signal,
      ...(ctx.onState ? { onState: ctx.onState } : {}),
      ...(ctx.s3 ? { s3: ctx.s3 } : {}),
      pullImage: pull,
      ...serve,
      docker,
    }),
  );
  if (report.passed) ctx.logger.info(`Serve test passed (${report.samples.length} sample(s))`);
  else ctx.logger.warning(`Serve test failed: ${report.reason ?? ''}`);
  return report;
}

/** Registration of a judged run, when `register:` is set: skipped (with why) unless the gate passed on the base branch. */
export async function registerStep(
  request: DraftRequest,
  result: TrainingResult,
  outcome: Outcome,
  register: RegisterStepDeps | undefined,
): Promise<RegistrationOutcome | undefined> {
  const spec = request.register;
  if (!spec) return undefined;
  if (outcome.gate !== 'passed') return { skipped: 'the gate did not pass' };
  if (!register) return { skipped: 'this entry point does not register models' };
  const { registerModel, shouldRegister } = await import('../register/index.js');
  const when = shouldRegister(spec, register.event);
  if ('skipped' in when) return when;
  if (request.output.kind !== 's3') return { skipped: 'register needs an S3 output' };
  const fingerprint = result.fingerprint ?? result.reused?.fingerprint;
  // The types the package declares: configured, else the serve samples', else CSV in and JSON out.
  const sent = [...new Set(request.serve?.samples.map((s) => s.contentType) ?? [])];
  const accepted = [...new Set(request.serve?.samples.map((s) => s.accept) ?? [])].filter((t) => t !== '*/*');
  const types = {
    contentTypes: spec.contentTypes ?? (sent.length > 0 ? sent : ['text/csv']),
    responseTypes: spec.responseTypes ?? (accepted.length > 0 ? accepted : ['application/json']),
  };
  try {
    return await registerModel(
      {
        spec: { ...spec, ...types },
        region: request.region,
        output: request.output,
        result,
        lineage: {
          repository: register.repository,
          commit: register.commit,
          run: register.run,
          hyperparameters: request.hyperparameters,
          ...(fingerprint ? { fingerprint } : {}),
        },
      },
      register.clients,
    );
  } catch (err) {
    register.clients.logger.warning(`Registration failed: ${messageOf(err)}`);
    return { failed: messageOf(err) };
  }
}
