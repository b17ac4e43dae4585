// The action's outputs, as strings keyed by the names action.yml declares. Pure.
import type { TrainingResult } from '../result.js';

export enum Output {
  JobName = 'job-name',
  Status = 'status',
  FailureReason = 'failure-reason',
  ModelArtifacts = 'model-artifacts',
  OutputArtifacts = 'output-artifacts',
  Metrics = 'metrics',
  ImageUri = 'image-uri',
  ImageTag = 'image-tag',
  ImageBuilt = 'image-built',
  ImageSource = 'image-source',
  DurationSeconds = 'duration-seconds',
  EstimatedCost = 'estimated-cost',
  SpotSavings = 'spot-savings',
  TaskArn = 'task-arn',
  ResultUri = 'result-uri',
  Reused = 'reused',
  ReusedFromJob = 'reused-from-job',
  ReusedFromCommit = 'reused-from-commit',
}

/** Every output, always set (empty when there is nothing to say), so workflows can rely on each one existing. */
export function actionOutputs(result: TrainingResult): Record<Output, string> {
  return {
    [Output.JobName]: result.jobName,
    [Output.Status]: result.status,
    [Output.FailureReason]: result.failureReason ?? '',
    [Output.ModelArtifacts]: result.modelArtifacts ?? '',
    [Output.OutputArtifacts]: result.outputArtifacts ?? '',
    [Output.Metrics]: JSON.stringify(result.metrics),
    [Output.ImageUri]: result.imageUri,
    [Output.ImageTag]: result.imageTag ?? '',
    [Output.ImageBuilt]: result.imageBuilt === true ? 'true' : 'false',
    [Output.ImageSource]: result.imageSource ?? '',
    [Output.DurationSeconds]: String(Math.round(result.durationSeconds)),
    // Plain numbers (USD, percent) a workflow can compare; empty when unknown.
    [Output.EstimatedCost]: result.cost ? result.cost.usd.toFixed(2) : '',
    [Output.SpotSavings]: result.spotSavingsPercent !== undefined ? String(result.spotSavingsPercent) : '',
    [Output.TaskArn]: result.taskArn ?? '',
    [Output.ResultUri]: result.detached?.resultUri ?? '',
    [Output.Reused]: result.reused ? 'true' : 'false',
    [Output.ReusedFromJob]: result.reused?.jobName ?? '',
    [Output.ReusedFromCommit]: result.reused?.commit ?? '',
  };
}
