import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  DEFAULT_API_URL,
  MAX_RATE_LIMIT_WAIT_S,
  createGithub,
  describeGithubError,
  errorText,
  rateLimitHandlers
} from "./chunk-WPKPKEUQ.js";
import "./chunk-DPCXCUBM.js";
export {
  DEFAULT_API_URL,
  MAX_RATE_LIMIT_WAIT_S,
  createGithub,
  describeGithubError,
  errorText,
  rateLimitHandlers
};
