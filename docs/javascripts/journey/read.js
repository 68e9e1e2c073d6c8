/* Reading a loaded file for each journey analysis: the text in, the data the page shows (or
 * the problems, by row) out. Pure; the page runs it in worker.js, off the main thread, so a
 * large file does not freeze the page. */
import { readRounds } from "./change.js";
import { readFunnel } from "./funnel.js";
import { payResults, readPay } from "./pay.js";
import { formatCount } from "../shared/numbers.js";

const count = (n, one, many) => `${formatCount(n)} ${n === 1 ? one : many}`;

const READERS = {
  funnel(text, config) {
    const result = readFunnel(text, config);
    return result.errors ? result : { data: result.stages, loaded: count(result.stages.length, "stage", "stages") };
  },
  pay(text, config) {
    const result = readPay(text, config);
    if (result.errors) return result;
    return { data: payResults(config, result.people, result.hasLevels), loaded: count(result.people.length, "person", "people") };
  },
  change(text, config) {
    const result = readRounds(text, config);
    return result.errors ? result : { data: result.rounds, loaded: count(result.rounds.length, "round", "rounds") };
  },
};

/** `text` read as the named analysis's file: {data, loaded} (what was loaded, in words) or
 * {errors}. */
export function readFile(analysis, text, config) {
  return READERS[analysis](text, config);
}
