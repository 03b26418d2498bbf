import { describe, expect, it } from 'vitest';
import { findLink, parseLinkHeader } from './link-header.js';

describe('parseLinkHeader', () => {
  it('parses several links with quoted and bare parameters', () => {
    const links = parseLinkHeader(
      '<https://a.test/x?page=2>; rel="next"; title="a, b; c", <https://a.test/x?page=5>;rel=last , <z>',
    );
    expect(links).toEqual([
      { target: 'https://a.test/x?page=2', params: { rel: 'next', title: 'a, b; c' } },
      { target: 'https://a.test/x?page=5', params: { rel: 'last' } },
      { target: 'z', params: {} },
    ]);
  });

  it('finds a relation among several, case-insensitively, first occurrence of rel winning', () => {
    const links = parseLinkHeader('<p>; REL="Prev Next"; rel=last, <q>; rel=next');
    expect(findLink(links, 'next')).toBe('p');
    expect(findLink(links, 'last')).toBeUndefined();
  });

  it('handles escaped quotes and skips malformed parts', () => {
    expect(parseLinkHeader('garbage, <u>; title="say \\"hi\\""; rel=next')).toEqual([
      { target: 'u', params: { title: 'say "hi"', rel: 'next' } },
    ]);
    expect(parseLinkHeader('')).toEqual([]);
  });
});
