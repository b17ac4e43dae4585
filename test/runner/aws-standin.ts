// Local HTTP stand-ins for the AWS APIs the runner calls, selected with AWS_ENDPOINT_URL: S3 (GetObject and
// PutObject, path style, as the SDK addresses an IP endpoint), SageMaker and CloudWatch Logs (JSON 1.1 protocol,
// by X-Amz-Target). Answers carry the real APIs' field names; every call is recorded with the time it arrived.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { checkAnswer, refuseInvalidRequest } from '../helpers/aws-model.js';

export interface StandinCall {
  /** `SageMaker.CreateTrainingJob`, `S3.GetObject /bucket/key`, … */
  op: string;
  at: number;
  body: Record<string, unknown>;
}

export interface AwsStandin {
  endpoint: string;
  calls: StandinCall[];
  /** S3 objects by `bucket/key`. */
  objects: Map<string, string>;
  /** Secrets Manager SecretString values by SecretId. */
  secrets: Map<string, string>;
  /** `complete`: the job is Completed at the first look; `hold`: InProgress until StopTrainingJob. */
  job: 'complete' | 'hold';
  /** Resolves when a call to `op` arrives, or has arrived since call number `since` (default: any time). */
  waitFor(op: string, options?: { since?: number; timeoutMs?: number }): Promise<StandinCall>;
  ops(): string[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** An aws-chunked body (streamed uploads with trailing checksums): the data of its chunks. */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(raw.subarray(at, eol).toString('latin1').split(';')[0] ?? '', 16);
    if (!size) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

export async function startAwsStandin(): Promise<AwsStandin> {
  const calls: StandinCall[] = [];
  const objects = new Map<string, string>();
  const secrets = new Map<string, string>();
  const waiters: { op: string; resolve: (c: StandinCall) => void }[] = [];
  let stopped = false;
  const state = { job: 'complete' as AwsStandin['job'] };

  const record = (call: StandinCall): void => {
    calls.push(call);
    for (const w of waiters.filter((w) => w.op === call.op)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(call);
    }
  };

  // Fixed times: a transition is the same transition at every look.
  const started = Date.now() / 1000;
  const describe = (name: string): Record<string, unknown> => {
    const now = started;
    const arn = `arn:aws:sagemaker:eu-west-1:123456789012:training-job/${name}`;
    const base = {
      TrainingJobName: name,
      TrainingJobArn: arn,
      CreationTime: now - 60,
      AlgorithmSpecification: { TrainingImage: 'x', TrainingInputMode: 'File' },
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    };
    if (state.job === 'complete') {
      return {
        ...base,
        TrainingJobStatus: 'Completed',
        SecondaryStatus: 'Completed',
        TrainingStartTime: now - 50,
        TrainingEndTime: now - 1,
        TrainingTimeInSeconds: 49,
        BillableTimeInSeconds: 49,
        ModelArtifacts: { S3ModelArtifacts: `s3://bucket/out/${name}/output/model.tar.gz` },
        FinalMetricDataList: [{ MetricName: 'accuracy', Value: 0.95, Timestamp: now - 2 }],
        SecondaryStatusTransitions: [
          { Status: 'Completed', StartTime: now - 1, StatusMessage: 'Training job completed' },
        ],
      };
    }
    return {
      ...base,
      TrainingJobStatus: stopped ? 'Stopping' : 'InProgress',
      SecondaryStatus: stopped ? 'Stopping' : 'Training',
      SecondaryStatusTransitions: [{ Status: 'Training', StartTime: now - 30, StatusMessage: 'Training in progress' }],
    };
  };

  const json = (target: string, body: Record<string, unknown>): [number, unknown] => {
    const name = typeof body.TrainingJobName === 'string' ? body.TrainingJobName : '';
    switch (target) {
      case 'SageMaker.CreateTrainingJob':
        return [200, { TrainingJobArn: `arn:aws:sagemaker:eu-west-1:123456789012:training-job/${name}` }];
      case 'SageMaker.DescribeTrainingJob':
        return [200, describe(name)];
      case 'SageMaker.StopTrainingJob':
        stopped = true;
        return [200, {}];
      case 'SageMaker.ListTags':
        return [200, { Tags: [] }];
      case 'Logs_20140328.DescribeLogStreams':
        return [200, { logStreams: [{ logStreamName: `${String(body.logStreamNamePrefix)}algo-1-1700000000` }] }];
      case 'Logs_20140328.GetLogEvents':
        if (body.nextToken === 'f/1') return [200, { events: [], nextForwardToken: 'f/1', nextBackwardToken: 'b/0' }];
        return [
          200,
          {
            events: [{ timestamp: Date.now(), message: 'epoch=1 accuracy=0.95', ingestionTime: Date.now() }],
            nextForwardToken: 'f/1',
            nextBackwardToken: 'b/0',
          },
        ];
      case 'secretsmanager.GetSecretValue': {
        const id = String(body.SecretId);
        const value = secrets.get(id);
        if (value === undefined) {
          return [
            400,
            { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." },
          ];
        }
        return [
          200,
          {
            ARN: id,
            Name: id.split(':').pop(),
            SecretString: value,
            VersionId: 'EXAMPLE1-90ab-cdef-fedc-ba987SECRET1',
            CreatedDate: 1.7e9,
          },
        ];
      }
      default:
        return [400, { __type: 'UnknownOperationException', message: target }];
    }
  };

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const target = req.headers['x-amz-target'];
      if (typeof target === 'string') {
        const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
        record({ op: target, at: Date.now(), body });
        const refusal = refuseInvalidRequest(target, body);
        const [status, answer] = refusal ? [400, refusal] : json(target, body);
        checkAnswer(target, status, answer);
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(answer));
        return;
      }
      // S3, path style: /<bucket>/<key>.
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\//, '');
      const chunked = String(req.headers['content-encoding'] ?? '').includes('aws-chunked');
      if (req.method === 'PUT') {
        const text = (chunked ? decodeAwsChunked(raw) : raw).toString('utf8');
        objects.set(path, text);
        record({ op: `S3.PutObject /${path}`, at: Date.now(), body: { text } });
        res.writeHead(200, { etag: '"1"' });
        res.end();
        return;
      }
      record({ op: `S3.GetObject /${path}`, at: Date.now(), body: {} });
      const object = objects.get(path);
      if (object === undefined) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${path}</Key></Error>`,
        );
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(object)),
        etag: '"1"',
      });
      res.end(object);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));

  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    objects,
    secrets,
    get job() {
      return state.job;
    },
    set job(value) {
      state.job = value;
      stopped = false;
    },
    waitFor(op, { since = 0, timeoutMs = 60_000 } = {}) {
      const seen = calls.slice(since).find((c) => c.op === op);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${op} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          op,
          resolve: (c) => {
            clearTimeout(timer);
            resolve(c);
          },
        });
      });
    },
    ops: () => calls.map((c) => c.op),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
