import {
  appGithub,
  completeDetachedCheck,
  lookUpDetachedBaseline,
  reportingAppMismatch
} from "./chunk-ZYOC4NDY.js";
import "./chunk-6BCONTLY.js";
import "./chunk-STZI2M2M.js";
import "./chunk-FNUKYPLP.js";
import "./chunk-VX7BJFZM.js";
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
