import { describe, expect, it } from 'vitest';
import { originRewrite } from './origin-rewrite.js';

describe('originRewrite', () => {
  const rewrite = originRewrite('https://graph.example.test/v1.0');

  it('rewrites absolute links in JSON, escaped slashes included, and in Link headers', () => {
    const body =
      '{"@odata.nextLink":"https://graph.example.test/v1.0/users?$skiptoken=x","u":"https:\\/\\/graph.example.test\\/v1.0\\/me"}';
    expect(rewrite.apply(body, 'http://replay', true)).toBe(
      '{"@odata.nextLink":"http://replay/v1.0/users?$skiptoken=x","u":"http:\\/\\/replay\\/v1.0\\/me"}',
    );
    expect(
      rewrite.apply('<https://graph.example.test/v1.0/users?page=2>; rel="next"', 'http://p:1', false),
    ).toBe('<http://p:1/users?page=2>; rel="next"');
  });

  it('leaves other hosts, and longer host names, alone', () => {
    const text = 'https://graph.example.test.evil/v1.0/x https://other.test/v1.0';
    expect(rewrite.apply(text, 'http://replay', true)).toBe(text);
  });
});
