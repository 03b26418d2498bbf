/**
 * @module One upstream call on behalf of an operation: the session does auth, budgets and retries; this adds
 * `success_status`, the `error:` mapping of the operation, and collection of bodies for `format: raw`.
 */
import { isSwitchboardError, type SwitchboardError } from '@switchboard/errors';
import { UpstreamStatus } from '../errors.js';
import type { UpstreamRequest, UpstreamResponse } from '../http/upstream.js';
import { mapRemoteError, type RemoteError } from '../mapping/error-mapping.js';
import type { MappingSite } from '../mapping/mapping-failure.js';
import type { CallTarget } from './call-target.js';
import type { OperationContext } from './operation-context.js';

export interface CallOptions {
  target: CallTarget;
  /** The operation's `error:` expression, when it has one. */
  errorSite?: MappingSite | undefined;
  signal?: AbortSignal | undefined;
  /**
   * The caller only writes the records out as their bytes (a proxy list): they stay bytes when the target allows
   * it and the operation keeps no trace or raw bodies, which would show them.
   */
  recordsAsBytes?: boolean | undefined;
}

export async function callUpstream(
  context: OperationContext,
  request: UpstreamRequest,
  options: CallOptions,
): Promise<UpstreamResponse> {
  const signal = options.signal ?? context.signal;
  let response: UpstreamResponse;
  const { recordsKey } = options.target;
  const asBytes =
    options.recordsAsBytes === true && recordsKey !== undefined && !context.trace && !context.raw;
  try {
    response = await context.session.send(request, {
      ...(signal ? { signal } : {}),
      ...(context.trace ? { trace: context.trace } : {}),
      ...(asBytes ? { recordsAsBytes: recordsKey } : {}),
    });
  } catch (error) {
    throw await withMappedError(context, error, options);
  }
  const expected = options.target.definition.success_status;
  if (expected && !expected.includes(response.status)) {
    const remote = { status: response.status, headers: response.headers, body: response.body };
    const unexpected = new UpstreamStatus(response.status, options.target.label, {
      details: { remote, expected_status: expected },
    });
    throw await withMappedError(context, unexpected, options);
  }
  context.raw?.push(response.body);
  return response;
}

/**
 * An upstream refusal with the operation's `error:` mapping applied: `details.remote_code` /
 * `details.remote_message` and the message extended with the upstream's reason. The original error is the cause.
 */
async function withMappedError(
  context: OperationContext,
  error: unknown,
  options: CallOptions,
): Promise<unknown> {
  if (!options.errorSite || !isSwitchboardError(error, UpstreamStatus.code)) return error;
  const remote = remoteOf(error);
  if (!remote) return error;
  let mapped: Awaited<ReturnType<typeof mapRemoteError>>;
  try {
    mapped = await mapRemoteError(options.errorSite, remote);
  } catch (mappingError) {
    // The upstream's refusal is what the caller must see; a broken error mapping is the integration's bug.
    context.logger?.warn(
      { integration: context.integration.name, label: options.target.label, err: String(mappingError) },
      'error mapping failed',
    );
    return error;
  }
  if (mapped.code === undefined && mapped.message === undefined) return error;
  const message = mapped.message === undefined ? undefined : context.session.redact(mapped.message);
  const what = message === undefined ? options.target.label : `${options.target.label}: ${message}`;
  return new UpstreamStatus(remote.status, what, {
    cause: error,
    details: {
      ...error.details,
      is_remote_error: true,
      ...(mapped.code === undefined ? {} : { remote_code: mapped.code }),
      ...(message === undefined ? {} : { remote_message: message }),
    },
  });
}

function remoteOf(error: SwitchboardError): RemoteError | undefined {
  const remote = error.details['remote'];
  if (remote === null || typeof remote !== 'object') return undefined;
  const { status, headers, body } = remote as Record<string, unknown>;
  if (typeof status !== 'number') return undefined;
  return {
    status,
    headers: headers !== null && typeof headers === 'object' ? (headers as Record<string, string>) : {},
    body,
  };
}
