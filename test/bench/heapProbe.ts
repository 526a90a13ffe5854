import { writeFileSync } from 'node:fs';

/**
 * Preloaded into the bot by the benchmark (with --expose-gc): on SIGUSR2 it collects garbage and writes the
 * live heap's size to BENCH_HEAP_FILE. Nothing of it is in the product.
 */
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  writeFileSync(process.env.BENCH_HEAP_FILE ?? '', String(process.memoryUsage().heapUsed));
});
