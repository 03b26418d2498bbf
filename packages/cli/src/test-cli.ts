/**
 * @module Test helper: runs the real `bin/switchboard.js` in a child process, as a user would.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/switchboard.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

/** A small valid integration file. */
export const VALID = `# yaml-language-server: $schema=../packages/schema/schema/integration.schema.json
schema_version: 1
name: tiny
label: Tiny
connection:
  token:
    type: string
    label: API token
    secret: true
base_url: https://api.tiny.test
auth:
  type: bearer
  token: "{{ connection.token }}"
resources:
  users:
    list:
      method: GET
      path: /users
    get:
      method: GET
      path: /users/{{ id }}
unified:
  user-directory:
    users:
      list:
        resource: users
        response: '{ "id": $string(id) }'
      get:
        resource: users
        response: '{ "id": $string(id) }'
`;
