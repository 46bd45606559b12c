import type { WindowWork } from './window-output.js';
import type { WindowRunner } from './window-runner.js';

/** Pieces handed to the response stream at most this large (a JSON export arrives in one piece). */
const SLICE = 1 << 20;

/**
 * Starts the work and resolves with a stream of its bytes once the first piece (or the end) has
 * come, so that an error before any byte (a deleted dataset) still gets its status; a later error
 * cuts the stream. The worker does the work; this thread only passes pieces on.
 */
export function streamWindow(
  runner: WindowRunner,
  work: WindowWork,
  cost = 0,
): Promise<ReadableStream<Uint8Array>> {
  return new Promise((resolve, reject) => {
    let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    let started = false;
    const start = (): void => {
      if (started) return;
      started = true;
      resolve(stream);
    };
    runner
      .run(
        work,
        (piece) => {
          for (let at = 0; at < piece.length; at += SLICE)
            controller?.enqueue(piece.subarray(at, at + SLICE));
          start();
        },
        cost,
      )
      .then(() => {
        controller?.close();
        start();
      })
      .catch((e: unknown) => {
        if (started) controller?.error(e);
        else {
          started = true;
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
  });
}

/** Collects the work's bytes into one buffer (for /graph answers, which are cached). */
export async function collectWindow(runner: WindowRunner, work: WindowWork, cost = 0): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  await runner.run(work, (piece) => pieces.push(piece), cost);
  if (pieces.length === 1 && pieces[0] !== undefined) return pieces[0];
  return Buffer.concat(pieces);
}
