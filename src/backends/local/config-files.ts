// The files SageMaker writes to /opt/ml/input/config for each host: pure functions of the request and the host.
import type { ChannelSpec, CheckpointSpec } from '../../request.js';

export const GROUP_NAME = 'homogeneousCluster';

export interface ResourceConfig {
  current_host: string;
  current_instance_type: string;
  current_group_name: string;
  hosts: string[];
  instance_groups: { instance_group_name: string; instance_type: string; hosts: string[] }[];
  network_interface_name: string;
}

export interface InputDataChannelConfig {
  TrainingInputMode: string;
  ContentType?: string;
  S3DistributionType: string;
  RecordWrapperType: string;
}

export interface CheckpointConfig {
  LocalPath: string;
  S3Uri?: string;
}

/** `algo-1` … `algo-N`. */
export function hostNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `algo-${i + 1}`);
}

/** hyperparameters.json: a flat object of strings (the request's values already are). */
export function hyperparametersConfig(hyperparameters: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(hyperparameters).map(([key, value]) => [key, String(value)]));
}

export function resourceConfig(opts: { currentHost: string; hosts: string[]; instanceType: string }): ResourceConfig {
  return {
    current_host: opts.currentHost,
    current_instance_type: opts.instanceType,
    current_group_name: GROUP_NAME,
    hosts: [...opts.hosts],
    instance_groups: [{ instance_group_name: GROUP_NAME, instance_type: opts.instanceType, hosts: [...opts.hosts] }],
    network_interface_name: 'eth0',
  };
}

export function inputDataConfig(channels: ChannelSpec[]): Record<string, InputDataChannelConfig> {
  return Object.fromEntries(
    channels.map((channel) => [
      channel.name,
      {
        TrainingInputMode: channel.inputMode,
        ...(channel.contentType !== undefined ? { ContentType: channel.contentType } : {}),
        S3DistributionType: channel.distribution,
        RecordWrapperType: channel.recordWrapper,
      },
    ]),
  );
}

export function checkpointConfig(checkpoint: CheckpointSpec): CheckpointConfig {
  return {
    LocalPath: checkpoint.containerPath,
    ...(checkpoint.s3Uri ? { S3Uri: checkpoint.s3Uri.uri } : {}),
  };
}

/** File name → content of every file in one host's /opt/ml/input/config. */
export function hostConfigFiles(opts: {
  currentHost: string;
  hosts: string[];
  instanceType: string;
  hyperparameters: Record<string, string>;
  channels: ChannelSpec[];
  checkpoint?: CheckpointSpec;
}): Record<string, unknown> {
  return {
    'hyperparameters.json': hyperparametersConfig(opts.hyperparameters),
    'resourceconfig.json': resourceConfig(opts),
    'inputdataconfig.json': inputDataConfig(opts.channels),
    ...(opts.checkpoint ? { 'checkpointconfig.json': checkpointConfig(opts.checkpoint) } : {}),
  };
}
