/**
 * Compiles src/, scripts/ and tools/ to dist/ (tsc with tsconfig.build.json) and copies beside them
 * the data files the modules read from their own folder — unless dist/ was built after the last
 * change to any source. `npm start` runs the compiled JavaScript: compiling TypeScript on the fly
 * (tsx) took about a second of every restart. Run by `npm install` (prepare) and before `npm start`
 * and `npm run bench`, so an edited source never runs stale; the check itself reads only file times.
 * Plain JavaScript, since nothing is compiled yet when it runs.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.dirname(import.meta.dirname);
const SOURCES = ['src', 'scripts', 'tools'];
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
const DIST = path.join(root, 'dist');
/** Its time is when the last build started: a source saved during a build counts as changed. */
const STAMP = path.join(DIST, '.built');

/** Every file and folder under `dir` (a folder's time changes when a file in it is added or removed). */
function* entries(dir) {
  yield dir;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* entries(file);
    else yield file;
  }
}

function newestChange() {
  const files = [...SOURCES.flatMap((dir) => [...entries(path.join(root, dir))]), ...SETTINGS.map((file) => path.join(root, file))];
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

/** tsc's exit status 2 means type errors with the output written: running goes on, as it did under tsx; the type-check reports them. */
function compile() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  } catch (error) {
    if (error.status !== 2) throw error;
    process.stderr.write('build: type errors (npm run typecheck lists them); the JavaScript was written anyway\n');
  }
}

/** The non-TypeScript files of src/ (dictionaries, the thesaurus), which modules read from beside themselves. */
function copyData() {
  for (const file of entries(path.join(root, 'src'))) {
    if (statSync(file).isDirectory() || file.endsWith('.ts')) continue;
    const target = path.join(DIST, path.relative(root, file));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

const started = new Date();
if ((statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? Number.NEGATIVE_INFINITY) < newestChange()) {
  compile();
  copyData();
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started, started);
}
