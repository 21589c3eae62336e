import { createHash } from "node:crypto";

/**
 * What is stored of a secret (a session token, a partner key): its SHA-256, in hex. The secrets
 * are 256 random bits, so a fast hash cannot be brute-forced, and it lets a secret be looked
 * up by it.
 */
export const hashOf = (secret: string): string => createHash("sha256").update(secret).digest("hex");
