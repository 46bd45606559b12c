import { UsageError, type Command } from '../command.js';
import { ConfigError, resolveConfig, type ServerConfig } from '../../config.js';
import { runServer } from '../../main.js';

const USAGE = `Usage: logonlens serve [--demo] [--port N] [--host H] [--data DIR]

Serves the LogonLens app and its REST API with the embedded store.

Options:
  --demo        import the bundled demo logs into a dataset (once per data directory)
  --port N      port to listen on (default: PORT or 8080; 0 picks a free port)
  --host H      address to listen on (default: HOST or 127.0.0.1); anything but loopback
                needs LOGONLENS_TOKEN
  --data DIR    data directory (default: LOGONLENS_DATA or ./data)

Environment: PORT, HOST, LOGONLENS_DATA, LOGONLENS_TOKEN (bearer token the app asks for).`;

export function parseServeArgs(args: string[]): Partial<ServerConfig> {
  const out: Partial<ServerConfig> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--demo') out.demo = true;
    else if (a === '--port') {
      const v = value();
      if (!/^\d{1,5}$/.test(v) || Number(v) > 65535)
        throw new UsageError(`--port must be a number from 0 to 65535`);
      out.port = Number(v);
    } else if (a === '--host') out.host = value();
    else if (a === '--data') out.dataDir = value();
    else throw new UsageError(`unknown option ${String(a).slice(0, 50)}`);
  }
  return out;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the app and REST API with the embedded store (npm start runs serve --demo)',
  usage: USAGE,
  async run(args, io) {
    const overrides = parseServeArgs(args);
    let config: ServerConfig;
    try {
      config = resolveConfig(process.env, overrides);
    } catch (e) {
      if (e instanceof ConfigError) {
        io.stderr.write(`logonlens serve: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    try {
      return await runServer(config, io.stdout);
    } catch (e) {
      if (e instanceof ConfigError) {
        io.stderr.write(`logonlens serve: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  },
};
