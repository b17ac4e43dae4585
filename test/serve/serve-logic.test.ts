// The pure parts of the serve test: how hosting's container is created, how an answer is matched, and how a failed
// serve test fails the gate.
import { describe, expect, it } from 'vitest';

import { conclude } from '../../src/gate/conclusion.js';
import { evaluateGates } from '../../src/gate/evaluate.js';
import { bindPort, hostingEnv, publishedPort, serveContainerOptions } from '../../src/serve/hosting.js';
import { atJsonPath, mismatch } from '../../src/serve/match.js';
import { medianLatency } from '../../src/serving.js';
import { makeResult } from '../report/fixtures.js';

describe('serveContainerOptions', () => {
  const base = {
    name: 'job-serve',
    imageUri: 'img',
    modelDir: '/tmp/m',
    region: 'eu-west-1',
    environment: { MODEL_SERVER_WORKERS: '1' },
    jobName: 'job',
  };
  const options = serveContainerOptions(base);
  it('runs the image with `serve`, the model read-only, 8080 on the loopback interface only', () => {
    expect(options.Cmd).toEqual(['serve']);
    expect(options.Entrypoint).toBeUndefined();
    expect(options.HostConfig?.Mounts).toEqual([
      { Type: 'bind', Source: '/tmp/m', Target: '/opt/ml/model', ReadOnly: true },
    ]);
    expect(options.HostConfig?.PortBindings).toEqual({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
  });
  it('gives a single container no port variables, as hosting does: it must listen on 8080', () => {
    expect(options.Env).toEqual(['MODEL_SERVER_WORKERS=1', 'AWS_REGION=eu-west-1', 'AWS_DEFAULT_REGION=eu-west-1']);
    expect(Object.keys(hostingEnv('r', {}))).not.toContain('SAGEMAKER_BIND_TO_PORT');
    expect(Object.keys(hostingEnv('r', {}))).not.toContain('SAGEMAKER_SAFE_PORT_RANGE');
  });
  it('stands in for an inference pipeline when serve.environment sets SAGEMAKER_BIND_TO_PORT: that port is published', () => {
    const environment = { SAGEMAKER_BIND_TO_PORT: '9090', SAGEMAKER_SAFE_PORT_RANGE: '30000-30999' };
    const pipeline = serveContainerOptions({ ...base, environment });
    expect(pipeline.Env).toEqual(
      expect.arrayContaining(['SAGEMAKER_BIND_TO_PORT=9090', 'SAGEMAKER_SAFE_PORT_RANGE=30000-30999']),
    );
    expect(pipeline.ExposedPorts).toEqual({ '9090/tcp': {} });
    expect(pipeline.HostConfig?.PortBindings).toEqual({ '9090/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
    const inspect = { NetworkSettings: { Ports: { '9090/tcp': [{ HostIp: '127.0.0.1', HostPort: '49153' }] } } };
    expect(publishedPort(inspect, bindPort(environment))).toBe(49153);
    expect(publishedPort(inspect)).toBeUndefined();
  });
});

describe('mismatch', () => {
  it.each([
    [{ kind: 'regex', pattern: '^setosa' } as const, 'setosa\n', undefined],
    [{ kind: 'regex', pattern: '^setosa' } as const, 'virginica', 'does not match /^setosa/'],
    [{ kind: 'json-path', path: '$.predictions[0].label' } as const, '{"predictions":[{"label":"x"}]}', undefined],
    [
      { kind: 'json-path', path: '$.predictions[1]' } as const,
      '{"predictions":[{"label":"x"}]}',
      'has no $.predictions[1]',
    ],
    [{ kind: 'json-path', path: '$.a', equals: '2' } as const, '{"a":1}', '$.a is 1, expected 2'],
    [{ kind: 'json-path', path: '$.a' } as const, 'not json', 'is not JSON'],
  ])('%j on %j', (match, body, expected) => {
    const note = mismatch(match, body);
    if (expected === undefined) expect(note).toBeUndefined();
    else expect(note).toContain(expected);
  });
  it('walks names and indexes', () => {
    expect(atJsonPath({ a: [{ b: 3 }] }, '$.a[0].b')).toEqual({ found: 3 });
  });
});

describe('a failed serve test fails the gate', () => {
  const result = makeResult({ metrics: {} });
  const gate = evaluateGates({ specs: [], metrics: {} });
  it('with the reason, after metric gates passed', () => {
    expect(
      conclude({ kind: 'trained', result, gate, serve: { passed: false, reason: 'GET /ping did not answer' } }),
    ).toEqual({
      conclusion: 'failure',
      gate: 'failed',
      reason: 'The model did not serve: GET /ping did not answer',
    });
  });
  it('passes with a passed serve test', () => {
    expect(conclude({ kind: 'trained', result, gate, serve: { passed: true } }).gate).toBe('passed');
  });
  it('median latency of the samples', () => {
    expect(
      medianLatency([
        { name: 'a', passed: true, latencyMs: 3 },
        { name: 'b', passed: true, latencyMs: 1 },
      ]),
    ).toBe(2);
    expect(medianLatency([])).toBeUndefined();
  });
});
