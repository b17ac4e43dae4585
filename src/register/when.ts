// Whether this run registers its model: pure, from the event GitHub names and the configuration.
import type { RegisterSpec } from '../request.js';

export interface RunEvent {
  /** The event that started the workflow run (the identity's eventName). */
  eventName?: string;
  /** The ref the run is for (`refs/heads/main`). */
  ref?: string;
  /** The repository's default branch, from the event payload, when known. */
  defaultBranch?: string;
}

/** `{ register: true }`, or why not, in words for the summary. */
export function shouldRegister(spec: RegisterSpec, event: RunEvent): { register: true } | { skipped: string } {
  const branch = spec.branch ?? event.defaultBranch;
  const ref = event.ref ?? '';
  const onBranch = branch !== undefined && ref === `refs/heads/${branch}`;
  if (event.eventName === 'push') {
    if (onBranch) return { register: true };
    return {
      skipped: `registration runs on a push to ${branch ?? 'the base branch'} (this push is to ${ref || 'an unknown ref'})`,
    };
  }
  if (event.eventName === 'workflow_dispatch') {
    return spec.onDispatch
      ? { register: true }
      : { skipped: 'register.on-dispatch is false: a manual run does not register' };
  }
  return {
    skipped: `registration runs on a push to ${branch ?? 'the base branch'}, not on ${event.eventName ?? 'this event'}`,
  };
}
