import {
  credentialsTreatedAsExpired,
  credentialsWillNeedRefresh,
  defaultProvider
} from "./chunk-D546KRQB.js";
import "./chunk-2MJ7FFP2.js";
import "./chunk-LYTMSHXR.js";
import "./chunk-YFMXSBBW.js";
import "./chunk-65MDVLYD.js";
import "./chunk-LU7E3M5V.js";
import "./chunk-X4VY5EZD.js";
import "./chunk-TC5HUNIO.js";
import "./chunk-7VZ5H7B6.js";
export {
  credentialsTreatedAsExpired,
  credentialsWillNeedRefresh,
  defaultProvider
};
