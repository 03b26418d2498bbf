/**
 * @module HTML for the connect pages without a templating dependency: the `html` tag escapes every
 * interpolated value unless it is already `SafeHtml`, so forgetting to escape is not possible by construction.
 */

/** Markup that is already safe to put in a page (produced by `html` or `raw`). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (char) => ENTITIES[char] ?? char);
}

/** A value allowed inside `html`: text (escaped), markup, a list of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

/**
 * Builds markup; interpolated strings are escaped, `SafeHtml` is kept, lists are joined, and
 * `false`/`null`/`undefined` render as nothing (for `${condition && html`…`}`).
 *
 * @example
 * html`<p class="help">${field.help}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Trusted markup written in this folder (never user data). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export interface LayoutOptions {
  title: string;
  body: SafeHtml;
  /** Versioned URLs of the page's own stylesheet and script, relative to `/connect/<token>`. */
  assets: { css: string; js: string };
}

/** The document around every connect page: same-origin assets only, nothing inline (the CSP forbids it). */
export function layout(options: LayoutOptions): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light dark">
<title>${options.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${options.assets.css}">
<script src="${options.assets.js}" defer></script>
</head>
<body>
<main class="card">
${options.body}
</main>
<p class="footer">Secured by Switchboard</p>
</body>
</html>
`.value;
}
