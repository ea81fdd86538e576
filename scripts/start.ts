/**
 * `npm start`. jieba's dictionary takes longer to load (about 1.5 s) than anything else a restart
 * does, so its worker thread starts first, and the modules that serve (about half a second to load)
 * are imported while it loads: a static import of them would be read before this line runs.
 */
import { startSegmenter } from '../src/text/segment.ts';

startSegmenter();
await import('./serve.ts');
