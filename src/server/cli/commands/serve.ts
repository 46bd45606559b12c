import { intOption, parseArgs, visible } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { ConfigError, resolveConfig, type ServerConfig } from '../../config.js';
import { runServer } from '../../main.js';

const USAGE = `Usage: logonlens serve [--demo] [--port N] [--host H] [--data DIR]

Serves the LogonLens app and its REST API with the embedded store.

Options:
  --demo        import the bundled demo (a generated week with an attack, and real sample logs)
                into two datasets, once per data directory, and print the link to the week
  --port N      port to listen on (default: PORT or 8080; 0 picks a free port)
  --host H      address to listen on (default: HOST or 127.0.0.1); anything but loopback
                needs LOGONLENS_TOKEN
  --data DIR    data directory (default: LOGONLENS_DATA or ./data)

Environment: PORT, HOST, LOGONLENS_DATA, LOGONLENS_TOKEN (bearer token the app asks for).`;

export function parseServeArgs(args: string[]): Partial<ServerConfig> {
  const p = parseArgs(args, { values: ['--port', '--host', '--data'], flags: ['--demo'] });
  if (p.positional.length > 0)
    throw new UsageError(`unexpected argument ${visible(p.positional[0]!.slice(0, 50))}`);
  const out: Partial<ServerConfig> = {};
  if (p.flags.has('--demo')) out.demo = true;
  const port = intOption(p, '--port', 0, 65535);
  if (port !== null) out.port = port;
  const host = p.values.get('--host');
  if (host !== undefined) out.host = host;
  const data = p.values.get('--data');
  if (data !== undefined) out.dataDir = data;
  return out;
}

export const serveCommand: Command = {
  name: 'serve',
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
