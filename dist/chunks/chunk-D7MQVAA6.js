import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  stopTrainingJob
} from "./chunk-XXTGDE5D.js";
import {
  runTagValue
} from "./chunk-T22APPMD.js";
import {
  createSageMakerClient
} from "./chunk-6K5YUH5B.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";

// src/backends/sagemaker/cleanup.ts
async function stopSavedTrainingJob(opts) {
  try {
    const client = await (opts.sagemaker ?? createSageMakerClient)(opts.region);
    const runTag = runTagValue(opts.env ?? process.env);
    return await stopTrainingJob(client, opts.jobName, opts.logger, {
      ...runTag !== void 0 ? { runTag } : {},
      ...opts.signal ? { signal: opts.signal } : {}
    });
  } catch (err) {
    opts.logger.warning(`Could not stop training job ${opts.jobName}: ${messageOf(err)}`);
    return false;
  }
}

export {
  stopSavedTrainingJob
};
