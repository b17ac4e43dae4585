import {
  linkAbort
} from "./chunk-KSJBMR3M.js";
import "./chunk-7VZ5H7B6.js";
export {
  linkAbort
};
