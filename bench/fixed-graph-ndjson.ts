import { createWriteStream } from 'node:fs';

/**
 * Writes a Winlogbeat 8 (ECS) NDJSON log of about `targetBytes` whose graph does not depend on its
 * size: 40 accounts × 10 source workstations onto 8 hosts (400 distinct logon edges, 4624/4625),
 * over the same 48 hours, every event with its own record ID. Two files of different sizes thus
 * have the same edges × hours and differ only in their number of events: what an import's memory
 * must not grow with. As in a real log, time only moves forward and each host numbers its records
 * consecutively.
 */
export async function writeFixedGraphNdjson(
  file: string,
  targetBytes: number,
): Promise<{ bytes: number; events: number }> {
  const out = createWriteStream(file);
  const start = Date.parse('2024-02-01T00:00:00Z');
  const span = 48 * 3_600_000;
  // About 560 bytes a line: spreads the events evenly over the 48 hours.
  const expected = Math.max(19_200, Math.ceil(targetBytes / 560));
  let bytes = 0;
  let i = 0;
  while (bytes < targetBytes) {
    const edge = i % 400;
    const account = edge % 40;
    const source = Math.floor(edge / 40);
    const failure = edge % 7 === 0;
    const offset = Math.min(span - 1, Math.floor((i / expected) * span));
    const doc = {
      '@timestamp': new Date(start + offset).toISOString(),
      event: { code: String(failure ? 4625 : 4624) },
      winlog: {
        event_id: failure ? 4625 : 4624,
        channel: 'Security',
        provider_name: 'Microsoft-Windows-Security-Auditing',
        computer_name: `SRV${edge % 8}.corp.example`,
        // Host edge % 8 = i % 8: its records are numbered 1, 2, 3, … in time order.
        record_id: Math.floor(i / 8) + 1,
        event_data: {
          TargetUserName: `user${account}`,
          TargetDomainName: 'CORP',
          TargetUserSid: `S-1-5-21-1-2-3-${1000 + account}`,
          LogonType: '3',
          IpAddress: `10.0.0.${10 + source}`,
          WorkstationName: `WS${source}`,
          AuthenticationPackageName: 'NTLM',
          ...(failure ? { Status: '0xc000006d', SubStatus: '0xc000006a' } : {}),
        },
      },
    };
    const line = JSON.stringify(doc) + '\n';
    bytes += Buffer.byteLength(line);
    i++;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { bytes, events: i };
}
