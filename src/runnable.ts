import { fileURLToPath } from 'node:url';

/**
 * Whether this project runs compiled (npm start and npm run bench run dist/) or as TypeScript through
 * tsx (the tests, the other npm scripts). Decided once, here, for every module that starts a thread or
 * a process on another module of the project: that module must run the same way as its caller.
 */
export const COMPILED = import.meta.url.endsWith('.js');

/** The file to run for a module of this project named by its TypeScript source: compiled, the JavaScript beside it. */
export function runnableModule(source: URL): URL {
  return COMPILED ? new URL(source.href.replace(/\.ts$/u, '.js')) : source;
}

/** How a child process runs a module of this project: its file, and tsx's loader unless compiled. */
export function childProcessModule(source: URL): { file: string; execArgv: string[] } {
  return { file: fileURLToPath(runnableModule(source)), execArgv: COMPILED ? [] : ['--import', 'tsx'] };
}
