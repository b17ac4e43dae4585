// role-to-assume, role-session-name and role-duration-seconds: parsed strictly, errors naming the input.
import { describe, expect, it } from 'vitest';

import { readInputs, readRoleInputs } from '../../src/action/inputs.js';
import { sanitizeSessionName } from '../../src/aws/credentials.js';
import { FakeCore } from '../action/fake-core.js';
import { readRunIdentity } from '../../src/run-identity.js';

const ROLE = 'arn:aws:iam::123456789012:role/github-training';

describe('role inputs', () => {
  it('are absent without role-to-assume', () => {
    expect(readInputs(new FakeCore({}), readRunIdentity({}), '/cwd').roleToAssume).toBeUndefined();
  });

  it('default the session to sagemaker-train-<run id> and one hour', () => {
    expect(
      readInputs(
        new FakeCore({ 'role-to-assume': ` ${ROLE} ` }),
        readRunIdentity({ GITHUB_RUN_ID: '1234567' }),
        '/cwd',
      ),
    ).toMatchObject({
      roleToAssume: { roleArn: ROLE, sessionName: 'sagemaker-train-1234567', durationSeconds: 3600 },
    });
  });

  it.each([
    'arn:aws:iam::123456789012:role/github-training',
    'arn:aws:iam::123456789012:role/ci/ml/github-training',
    'arn:aws-us-gov:iam::123456789012:role/r+=,.@_-',
    'arn:aws-cn:iam::123456789012:role/r',
  ])('accept the role ARN %s', (arn) => {
    expect(readRoleInputs(new FakeCore({ 'role-to-assume': arn }), readRunIdentity({}))?.roleArn).toBe(arn);
  });

  it('read the session name (sanitized to what STS allows) and duration', () => {
    const role = readRoleInputs(
      new FakeCore({ 'role-to-assume': ROLE, 'role-session-name': 'pr #12 / octo', 'role-duration-seconds': '43200' }),
      readRunIdentity({}),
    );
    expect(role).toEqual({ roleArn: ROLE, sessionName: 'pr--12---octo', durationSeconds: 43200 });
  });

  it.each([
    ['a'.repeat(80), 'a'.repeat(64)],
    ['ok_name+=,.@-', 'ok_name+=,.@-'],
    ['héllo wörld', 'h-llo-w-rld'],
  ])('sanitize the session name %s', (raw, expected) => expect(sanitizeSessionName(raw)).toBe(expected));

  it.each([
    [
      { 'role-to-assume': 'github-training' },
      'Input "role-to-assume" must be an IAM role ARN such as arn:aws:iam::123456789012:role/github-training (got "github-training")',
    ],
    [{ 'role-to-assume': 'arn:aws:iam::123456789012:user/alice' }, 'Input "role-to-assume" must be an IAM role ARN'],
    [{ 'role-to-assume': 'arn:aws:iam::12345:role/r' }, 'Input "role-to-assume" must be an IAM role ARN'],
    [
      { 'role-to-assume': ROLE, 'role-duration-seconds': '899' },
      'Input "role-duration-seconds" must be a whole number of seconds from 900 to 43200 (got "899")',
    ],
    [
      { 'role-to-assume': ROLE, 'role-duration-seconds': '43201' },
      'Input "role-duration-seconds" must be a whole number of seconds from 900 to 43200',
    ],
    [
      { 'role-to-assume': ROLE, 'role-duration-seconds': '1h' },
      'Input "role-duration-seconds" must be a whole number of seconds from 900 to 43200 (got "1h")',
    ],
    [{ 'role-duration-seconds': '3600.5' }, 'Input "role-duration-seconds" must be a whole number'],
    [
      { 'role-to-assume': ROLE, 'role-session-name': '!' },
      'Input "role-session-name" must have 2 to 64 of the characters letters, digits and +=,.@_- (got "!")',
    ],
  ])('refuse %j', (inputs, message) => {
    expect(() => readInputs(new FakeCore(inputs), readRunIdentity({}), '/cwd')).toThrow(message);
  });
});
