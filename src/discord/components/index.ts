import type { BotComponent } from '../context.ts';
import { passageComponent } from './passage.ts';
import { sourcesPageComponent } from './sourcesPage.ts';

/** Every button and select the bot puts in its messages; the router finds each by its customId prefix. */
export const COMPONENTS: readonly BotComponent[] = [passageComponent, sourcesPageComponent];
