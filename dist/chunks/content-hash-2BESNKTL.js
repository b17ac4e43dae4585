import {
  fileFingerprint,
  hashBuildContext,
  hashFile
} from "./chunk-VK5EXTPS.js";
import "./chunk-SPTEJLOZ.js";
import "./chunk-VBX2D4NB.js";
import "./chunk-6EMK3JHB.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-7VZ5H7B6.js";
export {
  fileFingerprint,
  hashBuildContext,
  hashFile
};
