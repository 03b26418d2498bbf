import { describe, expect, it } from 'vitest';
import { upstreamRedirects } from './upstream-redirects.js';

describe('upstreamRedirects', () => {
  it('maps <NAME> to every origin and <NAME>_AUTH to the auth host only', () => {
    expect(
      upstreamRedirects(['entra', 'one-login'], {
        ENTRA: 'http://127.0.0.1:9001',
        ENTRA_AUTH: 'http://127.0.0.1:9002',
        ONE_LOGIN_AUTH: 'http://127.0.0.1:9003',
      }),
    ).toEqual({
      entra: { all: 'http://127.0.0.1:9001', auth: 'http://127.0.0.1:9002' },
      'one-login': { auth: 'http://127.0.0.1:9003' },
    });
  });

  it('prefers an integration that is itself called <name>_auth', () => {
    expect(upstreamRedirects(['x', 'x_auth'], { X_AUTH: 'http://sim' })).toEqual({
      x_auth: { all: 'http://sim' },
    });
  });

  it('names the variable that matches no loaded integration', () => {
    expect(() => upstreamRedirects(['entra'], { OKTA_AUTH: 'http://sim' })).toThrowError(
      expect.objectContaining({
        details: { issues: [expect.objectContaining({ variable: 'SWITCHBOARD_UPSTREAM_OKTA_AUTH' })] },
      }),
    );
  });
});
