import {
  appGithub,
  completeDetachedCheck,
  lookUpDetachedBaseline,
  reportingAppMismatch
} from "./chunk-PE7WKG6W.js";
import "./chunk-B37UVOHN.js";
import "./chunk-JIPKXJSD.js";
import "./chunk-FNUKYPLP.js";
import "./chunk-RDMBENYR.js";
import "./chunk-3Y6ZB6SW.js";
import "./chunk-XZEEPGY5.js";
import "./chunk-NYTR2SKW.js";
import "./chunk-KWKXA2KE.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-7VZ5H7B6.js";
export {
  appGithub,
  completeDetachedCheck,
  lookUpDetachedBaseline,
  reportingAppMismatch
};
