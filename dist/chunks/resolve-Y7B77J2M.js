import {
  localImageTag,
  resolveImage
} from "./chunk-NZBW37S5.js";
import "./chunk-7VZ5H7B6.js";
export {
  localImageTag,
  resolveImage
};
