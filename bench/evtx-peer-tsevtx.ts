// Child process of the EVTX benchmark: @ts-evtx/core on the given files (every record iterated),
// one JSON line out. Prints {"missing":true} when the package is not installed.
let mod: { evtx: (path: string) => { forEach(cb: (e: unknown) => void): Promise<void> } };
try {
  mod = (await import('@ts-evtx/core')) as unknown as typeof mod;
} catch {
  console.log(JSON.stringify({ missing: true }));
  process.exit(0);
}
const files = process.argv.slice(2);
let records = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const f of files) {
  await mod.evtx(f).forEach(() => {
    records++;
  });
}
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    records,
    wallMs: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKB: process.resourceUsage().maxRSS,
  }),
);
