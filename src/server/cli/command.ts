/** One `logonlens <name>` command. Commands write to the given streams so tests can capture them. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Command {
  name: string;
  /** Full usage for `logonlens <name> --help`. */
  usage: string;
  /** Returns the process exit code. Throwing is a bug: report errors on stderr and return non-zero. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Raised by a command for a usage error (bad option); main prints it with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
