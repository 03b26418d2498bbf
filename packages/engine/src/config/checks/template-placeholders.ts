/**
 * @module Template placeholders (`x-template` strings) refer to something that exists where they are used, and
 * secrets never end up in a URL:
 * - `connection.<field>`: a declared connection field, anywhere;
 * - `token.<field>`: only inside `auth:`;
 * - `id`, `parent.<field>`: only in a resource's `path` and `query`;
 * - a plain name (`{{ user_id }}`): a named placeholder, only in a resource's `path`, `query` and `headers`
 *   (filled from an `id:` expression's parts, or from the Proxy API's query parameters);
 * - a secret connection field or a token never in `base_url`, a `path`, a `query` value or `authorize_url`
 *   (URLs end up in logs and proxies). The one explicit way to send a key as a query parameter is
 *   `auth: { type: api_key, in: query }`, whose `value` is not a URL template.
 */
import { templateReferences } from '../../mapping/template.js';
import { showValue } from '../describe-value.js';
import { didYouMean } from '../did-you-mean.js';
import type { IssueDraft } from '../issue-draft.js';
import { fromPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import { scalarIssue } from './scalar-issue.js';
import type { CheckContext, SemanticCheck } from './semantic-check.js';

interface Placeholder {
  offset: number;
  raw: string;
  /** `undefined` when the text between the braces is not a valid reference. */
  reference: string | undefined;
}

function placeholders(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (let i = template.indexOf('{{'); i !== -1; ) {
    const close = template.indexOf('}}', i + 2);
    const raw = close === -1 ? template.slice(i) : template.slice(i, close + 2);
    const references = templateReferences(raw);
    found.push({ offset: i, raw, reference: references.length === 1 ? references[0] : undefined });
    i = close === -1 ? -1 : template.indexOf('{{', close + 2);
  }
  return found;
}

interface Where {
  inAuth: boolean;
  inResourceRequest: boolean;
  /** In a resource method's path, query or headers: where named placeholders may be. */
  inResourceCall: boolean;
  inUrl: boolean;
}

function where(pointer: string): Where {
  const segments = fromPointer(pointer);
  const last = segments.at(-1);
  const parent = segments.at(-2) ?? '';
  const inUrl =
    pointer === '/base_url' ||
    parent === 'query' ||
    (parent !== 'headers' && parent !== 'body' && (last === 'path' || last === 'authorize_url'));
  return {
    inAuth: segments[0] === 'auth',
    inResourceRequest: segments[0] === 'resources' && (segments[3] === 'path' || segments[3] === 'query'),
    inResourceCall:
      segments[0] === 'resources' &&
      (segments[3] === 'path' || segments[3] === 'query' || segments[3] === 'headers'),
    inUrl,
  };
}

function problem(
  reference: string,
  at: Where,
  fields: Record<string, unknown>,
  secrets: Set<string>,
): string | undefined {
  const [root, ...rest] = reference.split('.');
  const shown = `\`{{ ${showValue(reference)} }}\``;
  switch (root) {
    case 'connection': {
      const field = rest.join('.');
      if (!Object.hasOwn(fields, field)) {
        const suggestion = didYouMean(field, Object.keys(fields));
        return `${shown} refers to an undeclared connection field${suggestion ? `, did you mean \`connection.${suggestion}\`?` : ''}`;
      }
      if (at.inUrl && secrets.has(field)) {
        return `secret connection field \`${field}\` must not be templated into a URL (base_url, path or query); send it in a header or the body`;
      }
      return undefined;
    }
    case 'token':
      if (!at.inAuth) return `${shown}: \`token.*\` is only available inside \`auth:\``;
      if (at.inUrl) {
        return `${shown}: a token must not be templated into a URL; use \`auth.inject\` with \`in: query\` to send it as a query parameter`;
      }
      return rest.length === 0
        ? `${shown}: name a field of the token, e.g. \`token.access_token\``
        : undefined;
    case 'id':
    case 'parent':
      if (!at.inResourceRequest) return `${shown} is only available in a resource's \`path\` and \`query\``;
      if (root === 'id' && rest.length > 0) return `${shown}: \`id\` has no fields`;
      if (root === 'parent' && rest.length === 0) return `${shown}: name a field, e.g. \`parent.id\``;
      return undefined;
    default:
      if (rest.length === 0 && at.inResourceCall) return undefined;
      if (rest.length > 0) {
        const suggestion = didYouMean(root ?? '', ['connection', 'token', 'parent']);
        if (suggestion)
          return `unknown placeholder ${shown}, did you mean \`${suggestion}.${rest.join('.')}\`?`;
      }
      return `unknown placeholder ${shown}; use \`connection.<field>\`, \`token.<field>\` (in auth), \`id\`, \`parent.<field>\` or a plain name such as \`user_id\` (in resource paths and queries)`;
  }
}

export const checkTemplatePlaceholders: SemanticCheck = (context: CheckContext) => {
  const issues: IssueDraft[] = [];
  const data = context.data;
  const connection = isPlainObject(data) && isPlainObject(data['connection']) ? data['connection'] : {};
  const secrets = new Set(
    Object.entries(connection)
      .filter(([, field]) => isPlainObject(field) && field['secret'] === true)
      .map(([name]) => name),
  );
  for (const { pointer, value, schema } of context.visits) {
    if (schema['x-template'] !== true || typeof value !== 'string' || !value.includes('{{')) continue;
    const at = where(pointer);
    for (const placeholder of placeholders(value)) {
      const message =
        placeholder.reference === undefined
          ? `malformed placeholder \`${showValue(placeholder.raw)}\`; write \`{{ connection.<field> }}\``
          : problem(placeholder.reference, at, connection, secrets);
      if (message) issues.push(scalarIssue(context, pointer, placeholder.offset, message));
    }
  }
  return issues;
};
