import {
  localImageTag,
  resolveImage
} from "./chunk-W6S76GQT.js";
import "./chunk-7VZ5H7B6.js";
export {
  localImageTag,
  resolveImage
};
