import {
  localImageTag,
  resolveImage
} from "./chunk-DE5O74QW.js";
import "./chunk-7VZ5H7B6.js";
export {
  localImageTag,
  resolveImage
};
