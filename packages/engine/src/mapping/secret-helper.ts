/**
 * @module `$secret(length)`: a crypto-random string for temporary passwords in write bodies. It is not part of
 * the JSONata library but an engine binding (like `$now`), passed with the other bindings of the evaluation, so
 * it works whatever compiles the expression. Each value is handed to `register` — the account session's
 * redactor — before the body can be sent, traced or logged, so it is masked everywhere like a credential.
 */
import { randomInt } from 'node:crypto';

export const SECRET_MIN_LENGTH = 8;
export const SECRET_MAX_LENGTH = 128;

// One of each class is guaranteed: password policies (Okta's, Entra's) commonly demand all four. The symbols
// need no escaping in JSON, form bodies or shells.
const CLASSES = [
  'ABCDEFGHJKLMNPQRSTUVWXYZ',
  'abcdefghijkmnopqrstuvwxyz',
  '23456789',
  '-_.~!@#%^*+=',
] as const;
const ALPHABET = CLASSES.join('');

const pick = (characters: string) => characters[randomInt(characters.length)] as string;

/** A random string of `length` characters with at least one upper, lower, digit and symbol. */
export function generateSecret(length: number): string {
  const characters = CLASSES.map(pick);
  while (characters.length < length) characters.push(pick(ALPHABET));
  // Fisher–Yates with crypto randomness, so the guaranteed classes are not always first.
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j] as string, characters[i] as string];
  }
  return characters.join('');
}

/** Something that masks a value from now on (an account session). */
export interface SecretSink {
  addSecret(value: string): void;
}

/** The `$secret` binding: validates its argument, generates, registers, returns. */
export function secretHelper(sink: SecretSink): (length?: unknown) => string {
  return (length) => {
    if (
      typeof length !== 'number' ||
      !Number.isInteger(length) ||
      length < SECRET_MIN_LENGTH ||
      length > SECRET_MAX_LENGTH
    )
      throw new Error(
        `$secret(length) needs a whole number from ${SECRET_MIN_LENGTH} to ${SECRET_MAX_LENGTH}, got ${JSON.stringify(length) ?? 'nothing'}`,
      );
    const value = generateSecret(length);
    sink.addSecret(value);
    return value;
  };
}
