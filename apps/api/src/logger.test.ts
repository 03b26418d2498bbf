import { Writable } from 'node:stream';
import { createError } from '@switchboard/errors';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, maskUrl } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino(loggerOptions('trace'), sink), lines };
}

describe('log lines', () => {
  it('censor secret-named fields at any of the first five levels, in objects and arrays', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        token: 't0',
        account: { connection: { client_secret: 's1' }, id: 'ia_1' },
        outer: { list: [{ access_token: 'a3' }, { fine: 1 }] },
        deep: { a: { b: { c: { password: 'p5' } } } },
      },
      'hello',
    );
    expect(lines[0]).toMatchObject({
      token: '[redacted]',
      account: { connection: '[redacted]', id: 'ia_1' },
      outer: { list: [{ access_token: '[redacted]' }, { fine: 1 }] },
      deep: { a: { b: { c: { password: '[redacted]' } } } },
      msg: 'hello',
    });
  });

  it('censor errors, their details and their cause, without changing the errors themselves', () => {
    const { logger, lines } = capture();
    const cause = Object.assign(new Error('inner'), { refresh_token: 'r1' });
    const Boom = createError('SB_ERR_TEST_BOOM', () => 'boom');
    const error = new Boom({
      cause,
      details: { remote: { status: 401, body: { access_token: 'a1', message: 'no' } } },
    });
    logger.error({ err: error, other: error }, 'failed');
    const line = lines[0] as { err: Record<string, unknown>; other: Record<string, unknown> };
    expect(line.err).toMatchObject({
      message: expect.stringContaining('boom'),
      details: { remote: { status: 401, body: { access_token: '[redacted]', message: 'no' } } },
    });
    expect(line.err['type']).toBeDefined();
    expect(line.err['stack']).toContain('boom');
    expect(JSON.stringify(lines)).not.toMatch(/a1|r1/);
    // The thrown error still carries what the caller needs.
    expect(error.details['remote']).toEqual({ status: 401, body: { access_token: 'a1', message: 'no' } });
    expect((cause as unknown as { refresh_token: string }).refresh_token).toBe('r1');
  });

  it('censor child logger bindings', () => {
    const { logger, lines } = capture();
    logger.child({ component: 'engine', api_key: 'k1', 'x-api-key': 'k2' }).info('child');
    expect(lines[0]).toMatchObject({ component: 'engine', api_key: '[redacted]', 'x-api-key': '[redacted]' });
  });

  it('leave a line with nothing to censor as it is', () => {
    const { logger, lines } = capture();
    const object = { res: { statusCode: 200 }, responseTime: 1.5 };
    logger.info(object, 'request completed');
    expect(lines[0]).toMatchObject({ res: { statusCode: 200 }, responseTime: 1.5 });
  });
});

describe('maskUrl', () => {
  it('masks link tokens in connect paths and query strings', () => {
    expect(maskUrl('/connect/lt_secret?x=1')).toBe('/connect/[redacted]?x=[redacted]');
    expect(maskUrl('/a?link_token=lt_secret&b=2')).toBe('/a?link_token=[redacted]&b=[redacted]');
  });
});

describe('logged URLs carry no query values (issue 16, item 14)', () => {
  it('keeps the path and the parameter names, and only the values that identify nothing personal', () => {
    expect(
      maskUrl(
        '/unified/user-directory/users?integrated_account_id=ia_1&email=jane%40example.com&limit=5&remote_query%5Bsearch%5D=Jane',
      ),
    ).toBe(
      '/unified/user-directory/users?integrated_account_id=ia_1&email=[redacted]&limit=5&remote_query%5Bsearch%5D=[redacted]',
    );
    expect(maskUrl('/passthrough/api/2/users?firstname=Jane')).toBe(
      '/passthrough/api/2/users?firstname=[redacted]',
    );
    expect(maskUrl('/connect/lt_secret?origin=https://app.example')).toBe(
      '/connect/[redacted]?origin=[redacted]',
    );
  });
});
