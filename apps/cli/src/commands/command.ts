/** A subcommand of `pnpm envol`: its usage, and what it does with the arguments after its name. */
export interface Command {
  readonly usage: string;
  /** Resolves with the exit code. */
  readonly run: (args: string[]) => Promise<number>;
}

/** A usage mistake: said on stderr, exit code 2. */
export const usageError = (message: string): number => {
  console.error(message);
  return 2;
};
