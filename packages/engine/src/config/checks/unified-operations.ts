/**
 * @module Every place under `unified:` that names upstream calls: each operation, each of its alternatives,
 * its `for_each` and its `steps`, with the resource method each defaults to.
 */
import { childPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';

export interface OperationSite {
  pointer: string;
  /** e.g. `user-directory` */
  model: string;
  /** The unified resource, e.g. `users`. */
  resource: string;
  /** The unified method, e.g. `list`. */
  method: string;
  operation: Record<string, unknown>;
}

export interface CallSite {
  /** Pointer of the object holding `resource:` and `method:`. */
  pointer: string;
  call: Record<string, unknown>;
  /**
   * The resource method used when `method:` is absent: the unified method name for operations, alternatives and
   * steps; `list` for `for_each` (every parent record), merge sources and enrichments; `get` for `current`.
   */
  defaultMethod: string;
}

/** Operations and their alternatives (an alternative is a full operation used under a condition). */
export function unifiedOperations(data: unknown): OperationSite[] {
  const sites: OperationSite[] = [];
  const unified = isPlainObject(data) ? data['unified'] : undefined;
  if (!isPlainObject(unified)) return sites;
  for (const [model, resources] of Object.entries(unified)) {
    if (!isPlainObject(resources)) continue;
    for (const [resource, methods] of Object.entries(resources)) {
      if (!isPlainObject(methods)) continue;
      for (const [method, operation] of Object.entries(methods)) {
        if (!isPlainObject(operation)) continue;
        const pointer = childPointer(childPointer(childPointer('/unified', model), resource), method);
        sites.push({ pointer, model, resource, method, operation });
        const alternatives = operation['alternatives'];
        if (!Array.isArray(alternatives)) continue;
        alternatives.forEach((alternative, index) => {
          if (isPlainObject(alternative)) {
            sites.push({
              pointer: childPointer(childPointer(pointer, 'alternatives'), index),
              model,
              resource,
              method,
              operation: alternative,
            });
          }
        });
      }
    }
  }
  return sites;
}

/** Every upstream call an operation site makes (main call, `for_each`, `current`, merge sources, enrichments, steps). */
export function callSites(site: OperationSite): CallSite[] {
  const calls: CallSite[] = [{ pointer: site.pointer, call: site.operation, defaultMethod: site.method }];
  const forEach = site.operation['for_each'];
  if (isPlainObject(forEach)) {
    calls.push({ pointer: childPointer(site.pointer, 'for_each'), call: forEach, defaultMethod: 'list' });
  }
  const current = site.operation['current'];
  if (isPlainObject(current)) {
    calls.push({ pointer: childPointer(site.pointer, 'current'), call: current, defaultMethod: 'get' });
  }
  const merge = site.operation['merge'];
  const sources = isPlainObject(merge) ? merge['sources'] : undefined;
  if (Array.isArray(sources)) {
    const at = childPointer(childPointer(site.pointer, 'merge'), 'sources');
    sources.forEach((source, index) => {
      if (isPlainObject(source))
        calls.push({ pointer: childPointer(at, index), call: source, defaultMethod: 'list' });
    });
  }
  const enrich = site.operation['enrich'];
  if (isPlainObject(enrich)) {
    for (const [name, plan] of Object.entries(enrich)) {
      if (isPlainObject(plan)) {
        calls.push({
          pointer: childPointer(childPointer(site.pointer, 'enrich'), name),
          call: plan,
          defaultMethod: 'list',
        });
      }
    }
  }
  const steps = site.operation['steps'];
  if (Array.isArray(steps)) {
    steps.forEach((step, index) => {
      if (isPlainObject(step)) {
        calls.push({
          pointer: childPointer(childPointer(site.pointer, 'steps'), index),
          call: step,
          defaultMethod: site.method,
        });
      }
    });
  }
  return calls;
}
