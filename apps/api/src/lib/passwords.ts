import { hash, verify } from "@node-rs/argon2";

/** Algorithm.Argon2id: the library exports it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's recommended minimum). */
export const hashPassword = (plain: string): Promise<string> =>
  hash(plain, { algorithm: ARGON2ID });

export const verifyPassword = (hashed: string, plain: string): Promise<boolean> =>
  verify(hashed, plain).catch(() => false);

/**
 * A hash to verify against when the email is unknown, so that the answer takes as long as for a
 * wrong password and does not reveal which emails have accounts.
 */
export const DUMMY_HASH = hashPassword("not a password of anyone");
