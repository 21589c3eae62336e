/**
 * Start failures that are the operator's to fix (a port taken, a data directory in use,
 * unreadable, corrupt or someone else's) are one line that says what and where, without a
 * stack; anything else is a bug, logged with its stack.
 */
import { DataDirLocked, DataDirUnusable } from "@envol/db";

export class PortInUse extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    // EADDRINUSE in the words too: @envol/server-process recognises a port taken by it
    super(
      `port ${port} on ${host} is already in use (EADDRINUSE): stop what listens there, or set PORT to another port`,
    );
  }
}

/** The line to print for an operator's problem; undefined for a bug. */
export const operatorMessage = (error: unknown): string | undefined =>
  error instanceof PortInUse || error instanceof DataDirLocked || error instanceof DataDirUnusable
    ? error.message
    : undefined;
