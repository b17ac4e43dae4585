import {
  localImageTag,
  resolveImage
} from "./chunk-X35X4H43.js";
import "./chunk-7VZ5H7B6.js";
export {
  localImageTag,
  resolveImage
};
