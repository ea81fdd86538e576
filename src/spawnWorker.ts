import { Worker, type WorkerOptions } from 'node:worker_threads';
import { COMPILED, runnableModule } from './runnable.ts';

/**
 * Starts a worker thread running `module`, a TypeScript module of this project named by its source
 * file. Worker threads do not inherit tsx's module hooks, so a worker of TypeScript registers them
 * itself before importing its module.
 */
export function spawnWorker(module: URL, options: WorkerOptions): Worker {
  if (COMPILED) return new Worker(runnableModule(module), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
