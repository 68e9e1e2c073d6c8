/* The employee journey's analyses (hiring funnel, class pay gap): the grouping of answers into
 * backgrounds, as the calculator groups them, from the build's config (data/measurement.yml,
 * read by option id). Pure functions, no DOM. */
import { roundTo } from "../shared/numbers.js";

// The background every other is compared with, and the one followed (as in the calculator).
export const REFERENCE_GROUP = "professional";

/** A function from a file's answer cell (an option's id or its exact words, any case) to
 * {id, group}, or null when it is not an option. */
export function answerLookup(config) {
  const byKey = new Map();
  for (const o of config.options) {
    byKey.set(o.id.toLowerCase(), o);
    byKey.set(o.text.trim().toLowerCase(), o);
  }
  return (answer) => {
    const option = byKey.get(answer.trim().toLowerCase());
    return option ? { id: option.id, group: option.group } : null;
  };
}

/** What a file's row says when its answer is not an option. */
export function unknownAnswer(answer) {
  return `"${answer}" is not one of the answer options: give an option's id (for example professional) or its exact words.`;
}

/** The groups, each with an empty count: {groupId: 0}. */
export function emptyCounts(config) {
  return Object.fromEntries(config.groups.map((g) => [g.id, 0]));
}

/** The ids of the three backgrounds (the classified groups), in the config's order. */
export function classifiedIds(config) {
  return config.groups.filter((g) => g.classified).map((g) => g.id);
}

/** Each background's whole-number share (%) of the people classified, a half rounding up;
 * null for every background when no one is classified. */
export function shares(config, counts) {
  const ids = classifiedIds(config);
  const classified = ids.reduce((sum, id) => sum + counts[id], 0);
  return Object.fromEntries(ids.map((id) => [id, classified ? roundTo((counts[id] * 100) / classified, 0) : null]));
}
