import path from 'node:path';
import { parsePublicOrigins } from './http/security.js';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  token: string | null;
  demo: boolean;
  /** LOGONLENS_PUBLIC_ORIGIN: origins allowed to write when a reverse proxy rewrites Host. */
  publicOrigins?: string[];
}

/** A configuration the server refuses to start with; main prints the message and exits. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Loopback addresses: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export const MIN_TOKEN_LENGTH = 16;

/**
 * The configuration from the environment (PORT, HOST, LOGONLENS_DATA, LOGONLENS_TOKEN) with
 * command-line overrides. Binding anything but loopback needs a token.
 */
export function resolveConfig(
  env: Record<string, string | undefined>,
  overrides: Partial<ServerConfig> = {},
  cwd = process.cwd(),
): ServerConfig {
  const host = overrides.host ?? (env['HOST'] || '127.0.0.1');
  const portText = overrides.port !== undefined ? String(overrides.port) : env['PORT'] || '8080';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new ConfigError(
      `PORT must be a number from 0 to 65535 (got ${JSON.stringify(portText.slice(0, 20))})`,
    );
  }
  const dataDir = path.resolve(cwd, overrides.dataDir ?? (env['LOGONLENS_DATA'] || './data'));
  const rawToken = overrides.token !== undefined ? overrides.token : (env['LOGONLENS_TOKEN'] ?? null);
  const token = rawToken === null || rawToken === '' ? null : rawToken;
  if (token !== null && token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(`LOGONLENS_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
  if (!isLoopback(host) && token === null) {
    throw new ConfigError(
      `refusing to listen on ${host} without an access token: anyone who can reach this machine could read the logs. ` +
        `Set LOGONLENS_TOKEN (at least ${MIN_TOKEN_LENGTH} random characters, e.g. \`openssl rand -hex 24\`) or bind to 127.0.0.1.`,
    );
  }
  let publicOrigins: string[];
  try {
    publicOrigins = overrides.publicOrigins ?? parsePublicOrigins(env['LOGONLENS_PUBLIC_ORIGIN']);
  } catch (e) {
    throw new ConfigError(e instanceof Error ? e.message : String(e));
  }
  return { host, port: Number(portText), dataDir, token, demo: overrides.demo ?? false, publicOrigins };
}
