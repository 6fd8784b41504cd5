// @ts-check
/**
 * Preloaded into the project's server by `npm run bench:sync` (node --import, which worker
 * threads inherit): every 500 ms each thread writes its isolate's memory figures
 * (process.memoryUsage, V8 heap statistics) as JSON, the main thread to BENCH_MEMORY_FILE, a
 * worker thread (the PGlite worker) to BENCH_MEMORY_FILE with `.thread<id>` before `.json`.
 * So the bench can break the process RSS down without an HTTP endpoint. RSS counts every thread;
 * heap and external are per isolate (a worker's external includes its WebAssembly memory, as
 * reserved, not as resident). Plain JavaScript, so it loads before the TypeScript loader.
 */
import fs from "node:fs";
import v8 from "node:v8";
import { isMainThread, threadId } from "node:worker_threads";

const base = process.env.BENCH_MEMORY_FILE;
const file = base && (isMainThread ? base : base.replace(/\.json$/, `.thread${threadId}.json`));
if (file) {
  const mib = (/** @type {number} */ bytes) => Math.round((bytes / 1048576) * 10) / 10;
  const write = () => {
    const usage = process.memoryUsage();
    const heap = v8.getHeapStatistics();
    const sample = {
      rss: mib(usage.rss),
      heapTotal: mib(usage.heapTotal),
      heapUsed: mib(usage.heapUsed),
      external: mib(usage.external),
      arrayBuffers: mib(usage.arrayBuffers),
      heapLimit: mib(heap.heap_size_limit),
      mallocedPeak: mib(heap.peak_malloced_memory),
    };
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(sample));
    fs.renameSync(`${file}.tmp`, file);
  };
  setInterval(write, 500).unref();
  write();
}
