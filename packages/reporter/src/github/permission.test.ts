import { describe, expect, it } from 'vitest';
import { parseAcceptedPermissions, permissionProblem } from './permission.js';

const refused = (status: number, headers: Record<string, string>, url: string, method = 'POST') => ({
  status,
  message:
    'Resource not accessible by integration - https://docs.github.com/rest/issues/issues#create-an-issue',
  response: { headers },
  request: { method, url },
});

describe('permissionProblem', () => {
  it('reads the permission from x-accepted-github-permissions', () => {
    const problem = permissionProblem(
      refused(
        403,
        { 'x-accepted-github-permissions': 'issues=write' },
        'https://api.github.com/repos/o/r/issues',
      ),
    );
    expect(problem).toEqual({
      status: 403,
      permission: 'issues',
      access: 'write',
      accepted: 'issues=write',
      message: 'Resource not accessible by integration',
      request: 'POST /repos/o/r/issues',
    });
  });

  it('picks the alternative about issues among several', () => {
    expect(parseAcceptedPermissions('pull_requests=write; issues=write, metadata=read')).toEqual([
      [{ permission: 'pull_requests', access: 'write' }],
      [
        { permission: 'issues', access: 'write' },
        { permission: 'metadata', access: 'read' },
      ],
    ]);
    const problem = permissionProblem(
      refused(
        403,
        { 'x-accepted-github-permissions': 'pull_requests=write; issues=write' },
        'https://ghe.example/api/v3/repos/o/r/labels',
      ),
    );
    expect(problem).toMatchObject({
      permission: 'issues',
      access: 'write',
      request: 'POST /api/v3/repos/o/r/labels',
    });
  });

  it('assumes issues: write without the header (classic tokens), and is not fooled by a rate limit or a deleted issue', () => {
    expect(permissionProblem(refused(403, {}, 'https://api.github.com/repos/o/r/issues'))).toMatchObject({
      permission: 'issues',
      access: 'write',
      accepted: null,
    });
    expect(
      permissionProblem(refused(403, { 'retry-after': '30' }, 'https://api.github.com/repos/o/r/issues')),
    ).toBeNull();
    expect(
      permissionProblem(refused(404, {}, 'https://api.github.com/repos/o/r/issues/12', 'PATCH')),
    ).toBeNull();
    expect(permissionProblem(refused(404, {}, 'https://api.github.com/repos/o/r/issues'))).toMatchObject({
      status: 404,
    });
    expect(permissionProblem(refused(422, {}, 'https://api.github.com/repos/o/r/issues'))).toBeNull();
  });
});
