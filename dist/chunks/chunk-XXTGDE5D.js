import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  TagKey
} from "./chunk-T22APPMD.js";
import {
  awsErrorName
} from "./chunk-GTVDIZ7E.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";

// src/backends/sagemaker/stop.ts
async function stopTrainingJob(client, jobName, logger, opts = {}) {
  try {
    const { StopTrainingJobCommand, DescribeTrainingJobCommand, ListTagsCommand } = await import("./dist-es-XUS3LKGL.js");
    if (opts.runTag !== void 0) {
      const job = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }), {
        abortSignal: opts.signal
      });
      if (job.TrainingJobStatus !== "InProgress") {
        logger.info(`Training job ${jobName} is already ${job.TrainingJobStatus ?? "ended"}: nothing to stop`);
        return false;
      }
      const tags = await client.send(new ListTagsCommand({ ResourceArn: job.TrainingJobArn }), {
        abortSignal: opts.signal
      });
      const run = tags.Tags?.find((t) => t.Key === TagKey.Run)?.Value;
      if (run !== opts.runTag) {
        logger.warning(
          `Training job ${jobName} was not created by this run (${TagKey.Run}=${run ?? "none"}): left running`
        );
        return false;
      }
    }
    await client.send(new StopTrainingJobCommand({ TrainingJobName: jobName }), { abortSignal: opts.signal });
    logger.info(`Stop requested for training job ${jobName}`);
    return true;
  } catch (err) {
    const name = awsErrorName(err);
    if (name === "ValidationException" || name === "ResourceNotFound") {
      logger.info(`Training job ${jobName} is not running: nothing to stop (${messageOf(err)})`);
    } else {
      logger.warning(`Could not stop training job ${jobName}: ${messageOf(err)}`);
    }
    return false;
  }
}

export {
  stopTrainingJob
};
