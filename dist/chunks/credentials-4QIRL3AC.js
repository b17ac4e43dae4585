import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  CLI_EXPIRY_ADVICE,
  IdTokenUnavailableError,
  OidcRoleCredentials,
  SESSION_DURATION,
  defaultSessionName,
  sanitizeSessionName,
  setUpAwsCredentials,
  useRoleCredentials,
  warnIfCredentialsExpireEarly
} from "./chunk-WQBTM6LQ.js";
import "./chunk-ZEJEE7YZ.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-U5VYFFZZ.js";
import {
  ROLE_ARN_PATTERN
} from "./chunk-S3SLN6VT.js";
import "./chunk-H2G727SZ.js";
import {
  useCredentials
} from "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  CLI_EXPIRY_ADVICE,
  IdTokenUnavailableError,
  OidcRoleCredentials,
  ROLE_ARN_PATTERN,
  SESSION_DURATION,
  defaultSessionName,
  sanitizeSessionName,
  setUpAwsCredentials,
  useCredentials,
  useRoleCredentials,
  warnIfCredentialsExpireEarly
};
