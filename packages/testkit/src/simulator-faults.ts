/**
 * @module The fault-injection protocol of Switchboard simulators (`POST /__sim/faults`). Recording uses it, when
 * the upstream offers it, to capture token expiry, 429 and 5xx behaviour; real upstreams simply lack it.
 */

export interface FaultControl {
  set(faults: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}

const CLEAR = { rate_limit_storm: null, error_burst: null, expire_tokens_after_calls: null };

/** The upstream's fault control, or undefined when it has none. */
export async function simulatorFaults(baseUrl: string): Promise<FaultControl | undefined> {
  const url = new URL('/__sim/faults', baseUrl);
  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fault injection refused: ${response.status} ${await response.text()}`);
  };
  try {
    await post(CLEAR);
  } catch {
    return undefined;
  }
  return { set: post, clear: () => post(CLEAR) };
}
