/**
 * `npm start`. jieba's dictionary takes about as long to load (0.4–0.6 s) as the rest of a
 * restart, so its worker thread starts first, and the modules that serve (about half a second to load)
 * are imported while it loads: a static import of them would be read before this line runs.
 */
import { startSegmenter } from '../src/text/segment.ts';

startSegmenter();
await import('./serve.ts');
