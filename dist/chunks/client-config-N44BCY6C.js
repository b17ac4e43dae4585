import {
  CLIENT_RETRY,
  clientConfig,
  installedCredentials,
  useCredentials
} from "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";
export {
  CLIENT_RETRY,
  clientConfig,
  installedCredentials,
  useCredentials
};
