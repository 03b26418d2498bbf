/** @module An access token from the simulator, fetched the way OneLogin documents it (v2 token endpoint). */
import { SIMULATOR_DEFAULTS } from '@switchboard/sim-onelogin';
import { type Dispatcher, request } from 'undici';
import { BenchHttpFailed } from '../errors.js';

export async function fetchSimulatorToken(baseUrl: string, dispatcher?: Dispatcher): Promise<string> {
  const response = await request(`${baseUrl}/auth/oauth2/v2/token`, {
    method: 'POST',
    headers: {
      authorization: `client_id:${SIMULATOR_DEFAULTS.clientId}, client_secret:${SIMULATOR_DEFAULTS.clientSecret}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ grant_type: 'client_credentials' }),
    ...(dispatcher === undefined ? {} : { dispatcher }),
  });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new BenchHttpFailed(`simulator token endpoint answered ${response.statusCode}`);
  }
  return ((await response.body.json()) as { access_token: string }).access_token;
}
