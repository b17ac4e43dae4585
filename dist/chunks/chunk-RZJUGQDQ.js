import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  ECR_HOST_PATTERN
} from "./chunk-S3SLN6VT.js";

// src/image/ecr-host.ts
function parseEcrHost(host) {
  const match = ECR_HOST_PATTERN.exec(host);
  if (!match) return void 0;
  return { account: match[1] ?? "", region: match[2] ?? "", host };
}

export {
  parseEcrHost
};
