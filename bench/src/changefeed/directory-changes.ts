/**
 * @module A few changes made straight in the simulator, as an administrator would make them in OneLogin: users'
 * titles edited and one user created. Each must become exactly one event on the next run (full or incremental).
 */
import { type Dispatcher, request } from 'undici';
import { BenchHttpFailed } from '../errors.js';
import { fetchSimulatorToken } from '../upstream/simulator-token.js';

/** Makes `count` changes (the last one a new user, the others title edits); `batch` keeps each batch's values unique. */
export async function changeDirectory(
  baseUrl: string,
  count: number,
  batch: number,
  dispatcher?: Dispatcher,
): Promise<void> {
  const token = await fetchSimulatorToken(baseUrl, dispatcher);
  const call = async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> => {
    const response = await request(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(dispatcher === undefined ? {} : { dispatcher }),
    });
    if (response.statusCode >= 300) {
      const text = await response.body.text();
      throw new BenchHttpFailed(
        `simulator answered ${response.statusCode} to ${method} ${path}: ${text.slice(0, 200)}`,
      );
    }
    return response.body.json();
  };
  const edits = count - 1;
  const users = (await call('GET', `/api/2/users?limit=${Math.max(edits, 1)}`)) as { id: number }[];
  for (const user of users.slice(0, edits)) {
    await call('PUT', `/api/2/users/${user.id}`, { title: `Bench title ${batch}` });
  }
  await call('POST', '/api/2/users', {
    email: `bench.new.${batch}@example.com`,
    username: `bench.new.${batch}`,
    firstname: 'Bench',
    lastname: `New ${batch}`,
  });
}
