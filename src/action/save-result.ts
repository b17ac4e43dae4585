// save-result: a pull request run writes its result as a file the workflow uploads as an artifact, for the
// `workflow_run` workflow that posts the check run a fork's read-only token cannot (docs/forks.md). Never fails the
// step: the job summary and the outputs carry the result either way.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { GithubContext } from '../github/context.js';
import type { Logger } from '../logger.js';
import { savedResult } from '../report/saved-result.js';
import type { TrainingResult } from '../result.js';
import { messageOf } from './core.js';

export async function saveResult(
  path: string,
  result: TrainingResult,
  context: GithubContext | undefined,
  logger: Logger,
): Promise<void> {
  const pr = context?.pullRequest;
  if (!context || !pr || !Number.isInteger(pr.number) || pr.number < 1) {
    logger.info('save-result: this run is not for a pull request; nothing is saved.');
    return;
  }
  const saved = savedResult(result, { pullRequest: pr.number, headSha: context.sha });
  if (!saved) return;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(saved, null, 1)}\n`);
    logger.info(`Result of pull request #${pr.number} at ${context.sha.slice(0, 7)} saved to ${path}.`);
  } catch (err) {
    logger.warning(`Could not save the result to ${path}: ${messageOf(err)}`);
  }
}
