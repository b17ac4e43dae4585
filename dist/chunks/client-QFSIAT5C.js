import {
  DEFAULT_API_URL,
  MAX_RATE_LIMIT_WAIT_S,
  createGithub,
  describeGithubError,
  errorText,
  rateLimitHandlers
} from "./chunk-VX7BJFZM.js";
import "./chunk-7VZ5H7B6.js";
export {
  DEFAULT_API_URL,
  MAX_RATE_LIMIT_WAIT_S,
  createGithub,
  describeGithubError,
  errorText,
  rateLimitHandlers
};
