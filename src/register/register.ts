// Registration: one model package version per commit in a Model Package Group (created when missing), with the image
// and model as its inference specification, the metrics as its model quality report in S3, and the lineage as
// customer metadata. A re-run for the same commit finds the version it made and creates none.
import type { S3Client } from '@aws-sdk/client-s3';
import type { ModelPackageSummary, SageMakerClient } from '@aws-sdk/client-sagemaker';

import { messageOf } from '../error-message.js';
import type { Logger } from '../logger.js';
import type { RegisterSpec, S3Location } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { RegistrationReport } from '../serving.js';
import {
  clientToken,
  commitMarker,
  customerMetadata,
  imageDigestOf,
  modelQualityReport,
  packageDescription,
  type Lineage,
} from './lineage.js';

export interface RegisterDeps {
  sagemaker: (region: string) => Promise<SageMakerClient>;
  s3: (region: string) => Promise<S3Client>;
  logger: Logger;
  signal?: AbortSignal;
}

export interface RegisterInput {
  spec: RegisterSpec & Required<Pick<RegisterSpec, 'contentTypes' | 'responseTypes'>>;
  region: string;
  output: S3Location;
  result: TrainingResult;
  lineage: Omit<Lineage, 'jobName' | 'imageUri' | 'imageDigest'>;
}

/** How many of the group's newest versions are searched for this commit's (a page of ListModelPackages each). */
const SEARCH_PAGES = 5;

function isMissingGroup(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  return (
    (name === 'ValidationException' || name === 'ResourceNotFound') && /does not exist|not found/i.test(messageOf(err))
  );
}

async function ensureGroup(client: SageMakerClient, group: string, logger: Logger): Promise<void> {
  const { CreateModelPackageGroupCommand, DescribeModelPackageGroupCommand } =
    await import('@aws-sdk/client-sagemaker');
  try {
    await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
  } catch (err) {
    if (!isMissingGroup(err)) throw err;
    await client.send(
      new CreateModelPackageGroupCommand({
        ModelPackageGroupName: group,
        ModelPackageGroupDescription: 'Models registered by sagemaker-train on the base branch',
      }),
    );
    logger.info(`Created the model package group ${group}`);
  }
}

async function findForCommit(
  client: SageMakerClient,
  group: string,
  commit: string,
): Promise<ModelPackageSummary | undefined> {
  const { ListModelPackagesCommand } = await import('@aws-sdk/client-sagemaker');
  const marker = commitMarker(commit);
  let token: string | undefined;
  for (let page = 0; page < SEARCH_PAGES; page++) {
    const answer = await client.send(
      new ListModelPackagesCommand({
        ModelPackageGroupName: group,
        SortBy: 'CreationTime',
        SortOrder: 'Descending',
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    const found = (answer.ModelPackageSummaryList ?? []).find((p) =>
      (p.ModelPackageDescription ?? '').split(' ').includes(marker),
    );
    if (found) return found;
    token = answer.NextToken;
    if (!token) return undefined;
  }
  return undefined;
}

async function putQualityReport(deps: RegisterDeps, input: RegisterInput, lineage: Lineage): Promise<string> {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  const key = `${input.output.key}${input.result.jobName}/registration/model-quality.json`;
  const s3 = await deps.s3(input.region);
  await s3.send(
    new PutObjectCommand({
      Bucket: input.output.bucket,
      Key: key,
      Body: modelQualityReport(input.result.metrics, input.spec.problemType, lineage),
      ContentType: 'application/json',
    }),
  );
  return `s3://${input.output.bucket}/${key}`;
}

function consoleUrl(region: string, group: string, version: number | undefined): string {
  const base = `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/model-registry`;
  return version === undefined ? base : `${base}/${encodeURIComponent(group)}/${version}`;
}

export async function registerModel(input: RegisterInput, deps: RegisterDeps): Promise<RegistrationReport> {
  const { spec, result, region } = input;
  if (!result.modelArtifacts?.startsWith('s3://')) throw new Error('the run left no model.tar.gz in S3 to register');
  const client = await deps.sagemaker(region);
  await ensureGroup(client, spec.group, deps.logger);
  const existing = await findForCommit(client, spec.group, input.lineage.commit);
  if (existing) {
    deps.logger.info(`${existing.ModelPackageArn} is already this commit's version: nothing registered`);
    return report(
      spec,
      region,
      existing.ModelPackageArn ?? '',
      existing.ModelPackageVersion,
      false,
      existing.ModelApprovalStatus,
    );
  }
  const digest = imageDigestOf(result.imageUri, result.imageDigest);
  const lineage: Lineage = {
    ...input.lineage,
    jobName: result.jobName,
    imageUri: result.imageUri,
    ...(digest ? { imageDigest: digest } : {}),
  };
  const statistics = await putQualityReport(deps, input, lineage);
  const { CreateModelPackageCommand } = await import('@aws-sdk/client-sagemaker');
  const created = await client.send(
    new CreateModelPackageCommand({
      ModelPackageGroupName: spec.group,
      ModelPackageDescription: packageDescription(lineage),
      InferenceSpecification: {
        Containers: [
          { Image: result.imageUri, ModelDataUrl: result.modelArtifacts, ...(digest ? { ImageDigest: digest } : {}) },
        ],
        SupportedContentTypes: spec.contentTypes,
        SupportedResponseMIMETypes: spec.responseTypes,
      },
      ModelMetrics: { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: statistics } } },
      ModelApprovalStatus: spec.approval,
      CustomerMetadataProperties: customerMetadata(lineage),
      ClientToken: clientToken(spec.group, lineage.commit),
    }),
  );
  const arn = created.ModelPackageArn ?? '';
  const version = Number(/\/(\d+)$/.exec(arn)?.[1]);
  deps.logger.info(`Registered ${arn} (${spec.approval})`);
  return report(spec, region, arn, Number.isInteger(version) ? version : undefined, true, spec.approval);
}

function report(
  spec: RegisterSpec,
  region: string,
  arn: string,
  version: number | undefined,
  created: boolean,
  approval: string | undefined,
): RegistrationReport {
  return {
    arn,
    group: spec.group,
    ...(version !== undefined ? { version } : {}),
    created,
    approval: approval ?? spec.approval,
    url: consoleUrl(region, spec.group, version),
  };
}
