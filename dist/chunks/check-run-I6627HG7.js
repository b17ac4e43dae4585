import {
  CheckRun,
  DEFAULT_CHECK_NAME,
  DEFAULT_UPDATE_INTERVAL_MS,
  cancelCheckRun
} from "./chunk-STZI2M2M.js";
import "./chunk-FNUKYPLP.js";
import "./chunk-VX7BJFZM.js";
import "./chunk-3Y6ZB6SW.js";
import "./chunk-XZEEPGY5.js";
import "./chunk-NYTR2SKW.js";
import "./chunk-7VZ5H7B6.js";
export {
  CheckRun,
  DEFAULT_CHECK_NAME,
  DEFAULT_UPDATE_INTERVAL_MS,
  cancelCheckRun
};
