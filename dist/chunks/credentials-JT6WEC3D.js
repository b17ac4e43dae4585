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
} from "./chunk-JJKN5NHK.js";
import "./chunk-IULFMOT4.js";
import "./chunk-YOYRZ3GA.js";
import "./chunk-HIONJ6JB.js";
import {
  ROLE_ARN_PATTERN
} from "./chunk-KWKXA2KE.js";
import "./chunk-OEPHYHQN.js";
import {
  useCredentials
} from "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";
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
