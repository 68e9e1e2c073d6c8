/* The employee journey's analyses (hiring funnel, class pay gap): the grouping of answers into
 * backgrounds, as the calculator groups them, from the build's config (data/measurement.yml,
 * read by option id). Pure functions, no DOM. */
import { VIEWS, answerLookup, unknownAnswer } from "../compare/logic.js";
import { firstErrors, readTable, readText } from "../shared/csv.js";
import { suppress } from "../shared/mask.js";
import { parseCount, roundTo } from "../shared/numbers.js";
import { readStored } from "../shared/storage.js";

// The background every other is compared with, and the one followed (as in the calculator).
export const REFERENCE_GROUP = "professional";
// The longest name a kept value may hold (a file's, a stage's, a round's, a level's).
const MAX_NAME = 1000;

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

/** A CSV of counts under a key column (a stage, a round) and an answer: {rows: [{key, line,
 * answer: {id, group}, count, cell}]} with each row checked (key, answer, count, no repeat of a
 * key and answer), or {errors} by row (the first few, then how many more). `extra` maps a
 * further answer word (such as "headcount") to the id it stands for; `hint` is added to the
 * message for an unknown answer. */
export function readKeyedCounts(text, config, { key, maxChars, maxRows, extra = {}, hint = "" }) {
  const table = readTable(text, { columns: [key, "answer", "count"], maxChars, maxRows });
  if (table.errors) return table;
  const lookup = answerLookup(config);
  const errors = [];
  const rows = [];
  const seen = new Map();
  for (const { line, cells } of table.records) {
    const name = readText(cells[key]);
    const word = cells.answer.trim().toLowerCase();
    const answer = word in extra ? { id: extra[word], group: null } : lookup(cells.answer);
    const count = parseCount(cells.count);
    const problem =
      (cells[key] === "" && `the ${key} is empty.`) ||
      name.error ||
      (answer === null && `${unknownAnswer(cells.answer)}${hint}`) ||
      (cells.count === "" && "the count is empty.") ||
      (count.error && `the count ${count.error}`);
    if (problem) {
      errors.push(`Row ${line}: ${problem}`);
      continue;
    }
    const pair = JSON.stringify([name.value, answer.id]);
    if (seen.has(pair)) {
      errors.push(`Row ${line}: the ${key} "${name.value}" has the answer "${cells.answer}" twice (first in row ${seen.get(pair)}).`);
      continue;
    }
    seen.set(pair, line);
    rows.push({ key: name.value, line, answer, count: count.value });
  }
  return errors.length ? { errors: firstErrors(errors) } : { rows };
}

/** What `storage` keeps for an analysis (the page's `analysis`: its `store` and `readState`):
 * {value: {data, fileName, view}}, {value: null} when nothing is kept, or {problem}. */
export function readKeptResults(storage, { store, readState }, config) {
  return readStored(storage, store.key, { version: store.version, read: (data) => readState(data, config) });
}

/** What the page kept in this browser (shared/storage.js, with the visitor's consent), read
 * like a file: {fileName, view, data} where `readData(data.data)` checks the analysis's own
 * results and gives {value} or {problem}. Returns {value: {data, fileName, view}} or {problem}. */
export function readKept(data, readData) {
  if (!isName(data.fileName)) return damaged("the file's name is not text");
  if (!VIEWS.includes(data.view)) return damaged("the view is not one this page has");
  const read = readData(data.data);
  return read.problem ? read : { value: { data: read.value, fileName: data.fileName, view: data.view } };
}

/** A kept name (a file's, a stage's, a round's, a level's): text of a sensible length. Shown as
 * text, never as HTML, so nothing in it can act. */
export function isName(value) {
  return typeof value === "string" && value.length <= MAX_NAME;
}

/** What a kept value that cannot be used gives: {problem}, saying what is wrong. */
export function damaged(what) {
  return { problem: `What this browser kept for this page is damaged (${what}).` };
}

/** Kept counts by group: {groupId: n} when every group has a count (a whole number, as a file's
 * count is read), or null. */
export function readGroupCounts(config, data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const counts = {};
  for (const g of config.groups) {
    const count = typeof data[g.id] === "number" ? parseCount(data[g.id]) : { error: "missing" };
    if (count.error) return null;
    counts[g.id] = count.value;
  }
  return counts;
}

/** Kept rows of counts by group (stages, rounds): {value: [{name, counts, ...extra}]} or
 * {problem}. Each row has a name (plain text, not repeated) and a count for every group;
 * `readExtra(row, counts)` reads the rest of a row ({value} or {problem}). */
export function readKeptRows(config, list, what, readExtra = () => ({ value: {} })) {
  if (!Array.isArray(list) || list.length === 0) return damaged(`there are no ${what}s`);
  const names = new Set();
  const rows = [];
  for (const row of list) {
    const ok = row !== null && typeof row === "object" && isName(row.name) && row.name !== "";
    if (!ok || names.has(row.name)) return damaged(`a ${what} has no name, or a name twice`);
    const counts = readGroupCounts(config, row.counts);
    if (!counts) return damaged(`a count at the ${what} "${row.name}" is not a count`);
    const extra = readExtra(row, counts);
    if (extra.problem) return extra;
    names.add(row.name);
    rows.push({ name: row.name, counts, ...extra.value });
  }
  return { value: rows };
}

/** The calculator's masking over rows of counts by group (stages, rounds), each row's groups
 * adding up to its total, which is shown: a Map from "i:groupId" (or "total:i") to "primary"
 * or "secondary" (shared/mask.js). */
export function hideSmallCounts(config, rows) {
  const counts = {};
  const sets = [];
  rows.forEach((row, i) => {
    counts[`total:${i}`] = row.total;
    for (const g of config.groups) counts[`${i}:${g.id}`] = row.counts[g.id];
    sets.push({ members: config.groups.map((g) => `${i}:${g.id}`), total: `total:${i}` });
  });
  return suppress(counts, sets, config.maskUnder);
}
