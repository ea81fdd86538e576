import type { AutocompleteInteraction } from 'discord.js';
import type { QaService } from '../../service/qaService.ts';
import { normalize } from '../../text/normalize.ts';
import { plainDiscord } from '../escape.ts';
import { LIMITS } from '../limits.ts';

/** Autocomplete over indexed documents by title or id, in either script; at most 25 plain-text choices. */
export async function respondWithDocuments(interaction: AutocompleteInteraction, service: QaService): Promise<void> {
  const typed = normalize(interaction.options.getFocused()).replace(/\s+/gu, '');
  let documents: ReturnType<QaService['documents']> = [];
  try {
    documents = service.documents();
  } catch {
    // No index: nothing to offer; the command itself will explain.
  }
  const choices = documents
    .filter((d) => !typed || normalize(`${d.title}${d.id}`).replace(/\s+/gu, '').includes(typed))
    .filter((d) => d.id.length <= LIMITS.choiceName)
    .slice(0, LIMITS.choices)
    .map((d) => ({ name: plainDiscord(`${d.title}${d.date ? `（${d.date}）` : ''}`, LIMITS.choiceName), value: d.id }));
  await interaction.respond(choices);
}
