import {
  ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION,
  ENV_KEY,
  ENV_SECRET,
  ENV_SESSION,
  fromEnv
} from "./chunk-2MJ7FFP2.js";
import "./chunk-LYTMSHXR.js";
import "./chunk-YFMXSBBW.js";
import "./chunk-65MDVLYD.js";
import "./chunk-LU7E3M5V.js";
import "./chunk-X4VY5EZD.js";
import "./chunk-TC5HUNIO.js";
import "./chunk-7VZ5H7B6.js";
export {
  ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION,
  ENV_KEY,
  ENV_SECRET,
  ENV_SESSION,
  fromEnv
};
