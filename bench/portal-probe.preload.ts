/**
 * Preloaded into the portal by the soak benchmark only (`node --expose-gc --import ./bench/portal-probe.preload.ts`):
 * answers over the IPC channel with the process's memory and CPU time, after a full GC when asked, so a leak shows
 * as live heap that stays rather than garbage not yet collected.
 */
process.on('message', (message: { type?: string; collect?: boolean }) => {
  if (message?.type !== 'sample') return;
  if (message.collect) (globalThis as { gc?: () => void }).gc?.();
  process.send?.({ memory: process.memoryUsage(), cpu: process.cpuUsage() });
});
