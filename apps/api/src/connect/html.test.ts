import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.js';

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const hostile = `"><script>alert('x')</script>&\``;
    const out = html`<p title="${hostile}">${hostile}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&#96;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&#96;</p>',
    );
  });

  it('keeps nested markup, joins lists and renders false/null/undefined as nothing', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    const out = html`<ul>${items}</ul>${false}${null}${undefined}${0}`.value;
    expect(out).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('only trusts markup passed through raw()', () => {
    expect(html`${raw('<b>ok</b>')}`.value).toBe('<b>ok</b>');
    expect(escapeHtml('<b>')).toBe('&lt;b&gt;');
  });
});
