/**
 * @module `connection.<field>.default` is a value the field itself would accept: it matches the field's
 * `pattern` and `type`, it is not on a secret field (a secret written in the file is no secret), and it is not
 * combined with `required: true` (a field with a default is never missing).
 */
import type { IssueDraft } from '../issue-draft.js';
import { toPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function compiles(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== 'string') return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined; // reported by the regular-expression check
  }
}

export const checkConnectionDefaults: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  const connection = isPlainObject(data) ? data['connection'] : undefined;
  if (!isPlainObject(connection)) return issues;
  for (const [name, field] of Object.entries(connection)) {
    if (!isPlainObject(field) || typeof field['default'] !== 'string') continue;
    const value = field['default'];
    const pointer = toPointer(['connection', name, 'default']);
    if (field['secret'] === true) {
      issues.push({
        pointer,
        at: 'key',
        message: `secret field \`${name}\` cannot have a default: a value written in the file is no secret`,
      });
      continue;
    }
    if (field['required'] === true)
      issues.push({
        pointer: toPointer(['connection', name, 'required']),
        at: 'key',
        message: `field \`${name}\` has a default, so it is never missing; drop \`required: true\``,
      });
    const pattern = compiles(field['pattern']);
    if (pattern && !pattern.test(value))
      issues.push({ pointer, message: `the default does not match the field's pattern` });
    else if (field['type'] === 'url' && !isHttpUrl(value))
      issues.push({ pointer, message: `the default must be an http(s) URL (the field's type is url)` });
    else if (field['type'] === 'email' && !EMAIL.test(value))
      issues.push({ pointer, message: `the default must be an email address (the field's type is email)` });
  }
  return issues;
};
