import {
  createBackend,
  modeOfSavedState
} from "./chunk-YEKSJBTU.js";
import "./chunk-7VZ5H7B6.js";
export {
  createBackend,
  modeOfSavedState
};
