import { describe, expect, it } from 'vitest';

import { githubOpenApi } from './github-openapi.js';

const api = githubOpenApi();

describe('the OpenAPI validator itself', () => {
  it('accepts a valid check run creation and names the operation', () => {
    const v = api.validate({
      method: 'POST',
      path: '/repos/octo/repo/check-runs',
      body: { name: 'x', head_sha: 'a'.repeat(40), status: 'in_progress', output: { title: 't', summary: 's' } },
    });
    expect(v).toEqual({ operationId: 'checks/create', template: '/repos/{owner}/{repo}/check-runs', problems: [] });
  });

  it.each([
    ['an unknown operation', { method: 'POST', path: '/repos/octo/repo/check-run' }, 'unknown operation'],
    [
      'a bad enum',
      { method: 'POST', path: '/repos/o/r/check-runs', body: { name: 'x', head_sha: 'a', status: 'running' } },
      'body/status must be equal to one of the allowed values',
    ],
    [
      'a missing required field',
      { method: 'POST', path: '/repos/o/r/check-runs', body: { name: 'x' } },
      "must have required property 'head_sha'",
    ],
    [
      'an unknown body field',
      { method: 'POST', path: '/repos/o/r/check-runs', body: { name: 'x', head_sha: 'a', check_name: 'y' } },
      'body has unknown property check_name',
    ],
    [
      'a summary over 65,535 characters',
      {
        method: 'PATCH',
        path: '/repos/o/r/check-runs/1',
        body: { output: { title: 't', summary: 'x'.repeat(65_536) } },
      },
      'must NOT have more than 65535 characters',
    ],
    [
      'more than 50 annotations',
      {
        method: 'PATCH',
        path: '/repos/o/r/check-runs/1',
        body: {
          output: {
            title: 't',
            summary: 's',
            annotations: Array.from({ length: 51 }, () => ({
              path: 'a',
              start_line: 1,
              end_line: 1,
              annotation_level: 'failure',
              message: 'm',
            })),
          },
        },
      },
      'must NOT have more than 50 items',
    ],
    [
      'a non-integer path id',
      { method: 'PATCH', path: '/repos/o/r/check-runs/abc', body: {} },
      'path check_run_id must be integer',
    ],
    [
      'an unknown query parameter',
      { method: 'GET', path: '/repos/o/r/commits', query: { branch: 'main' } },
      'unknown query parameter branch',
    ],
    [
      'a bad query value',
      { method: 'GET', path: '/repos/o/r/commits/abc/check-runs', query: { status: 'done' } },
      'query status must be equal to one of the allowed values',
    ],
  ])('rejects %s', (_n, request, problem) => {
    expect(api.validate(request).problems.join('\n')).toContain(problem);
  });

  it('accepts null where the description says nullable', () => {
    const v = api.validate({
      method: 'PUT',
      path: '/repos/o/r/branches/main/protection',
      body: {
        required_status_checks: { strict: true, contexts: [], checks: [{ context: 'x' }] },
        enforce_admins: null,
        required_pull_request_reviews: null,
        restrictions: null,
      },
    });
    expect(v.problems).toEqual([]);
  });
});
