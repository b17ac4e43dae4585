// The job's own network: algo-1..N reach each other by name on it. With network isolation it is an internal network
// whose bridge has no address on this machine, so the hosts have no route to this machine or past it: that holds on
// an engine started with --iptables=false too, where an internal network alone still routes out through the bridge.
import type { NetworkCreateOptions } from 'dockerode';

import { JOB_LABEL } from './containers.js';

/** Bridge driver option (Docker 20.10+): leave the bridge without an IPv4 address on the host. */
export const INHIBIT_IPV4 = 'com.docker.network.bridge.inhibit_ipv4';

export function jobNetworkOptions(jobName: string, isolated: boolean): NetworkCreateOptions {
  return {
    Name: jobName,
    Driver: 'bridge',
    CheckDuplicate: true,
    Labels: { [JOB_LABEL]: jobName },
    ...(isolated ? { Internal: true, Options: { [INHIBIT_IPV4]: 'true' } } : {}),
  };
}

/** Engines before 20.10 ignore INHIBIT_IPV4: what to say, once, when isolation cannot be fully enforced. */
export function isolationLimit(serverVersion: string | undefined): string | undefined {
  const match = /^(\d+)\.(\d+)/.exec(serverVersion ?? '');
  if (!match) {
    return 'the engine did not report its version: if it is older than 20.10 the hosts can still reach this machine';
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > 20 || (major === 20 && minor >= 10)) return undefined;
  return (
    `Docker ${serverVersion} keeps an address for the bridge on this machine (the option that removes it came in ` +
    '20.10): the hosts can still reach this machine, and beyond it when the engine runs without iptables'
  );
}
