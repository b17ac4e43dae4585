// The part of @actions/core the action uses, behind an interface so the steps can be driven by a fake in tests.
import * as core from '@actions/core';

import type { State } from '../state.js';

export interface ActionsCore {
  getInput(name: string): string;
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  /** Only the keys the post step reads (State): a typo is a type error, not a value nobody reads. */
  saveState(name: State, value: string): void;
  getState(name: State): string;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Appends Markdown to the step's job summary. */
  writeSummary(markdown: string): Promise<void>;
}

export const actionsCore: ActionsCore = {
  getInput: (name) => core.getInput(name),
  setSecret: (secret) => core.setSecret(secret),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
  saveState: (name, value) => core.saveState(name, value),
  getState: (name) => core.getState(name),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  debug: (message) => core.debug(message),
  group: (title, fn) => core.group(title, fn),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown).write();
  },
};

export { messageOf } from '../error-message.js';
