/* The hiring funnel: counts by stage and answer, read from a CSV (stage,answer,count), grouped
 * into backgrounds; each background's pass rate from the stage before, and the lower
 * background's rate relative to the professional background's, flagged under four-fifths.
 * The two views and the results CSV. Pure functions, no DOM. */
import { firstErrors, toCsv } from "../shared/csv.js";
import { roundTo } from "../shared/numbers.js";
import { REFERENCE_GROUP, classifiedIds, damaged, emptyCounts, hideSmallCounts, readKept, readKeptRows, readKeyedCounts, shares } from "./groups.js";

export const MAX_CHARS = 5000000;
export const MAX_ROWS = 20000;
// The "four-fifths" rule of thumb (US Uniform Guidelines on Employee Selection Procedures).
export const FOUR_FIFTHS = 0.8;
// Where the results are kept in this browser, when the visitor ticks "Keep" (shared/storage.js).
export const STORE = { key: "employer-hub:funnel", version: 1 };
export const RESULT_COLUMNS = ["stage", "group", "count", "share", "pass_rate", "relative_rate", "flag", "view"];

/** A funnel CSV: {stages: [{name, line, counts: {groupId: n}}]} in the order the stages first
 * appear, or {errors} (row numbers; the first few, then how many more). */
export function readFunnel(text, config) {
  const read = readKeyedCounts(text, config, { key: "stage", maxChars: MAX_CHARS, maxRows: MAX_ROWS });
  if (read.errors) return read;
  const stages = new Map();
  for (const row of read.rows) {
    if (!stages.has(row.key)) stages.set(row.key, { name: row.key, line: row.line, counts: emptyCounts(config) });
    stages.get(row.key).counts[row.answer.group] += row.count;
  }
  const list = [...stages.values()];
  const errors = growing(config, list);
  return errors.length ? { errors: firstErrors(errors) } : { stages: list };
}

/** A stage cannot hold more people from a background than the stage before it. */
function growing(config, stages) {
  const errors = [];
  for (let i = 1; i < stages.length; i++) {
    for (const g of config.groups) {
      const before = stages[i - 1].counts[g.id];
      const now = stages[i].counts[g.id];
      if (now > before) {
        errors.push(
          `Row ${stages[i].line}: the stage "${stages[i].name}" has ${now} people from the group "${g.label}", more than the ${before} at "${stages[i - 1].name}" before it: each stage is the people who passed the one before.`,
        );
      }
    }
  }
  return errors;
}

/** What is kept of the loaded stages: each stage's name and counts by background (never the
 * file itself). */
export function keepData(stages) {
  return stages.map(({ name, counts }) => ({ name, counts }));
}

/** The kept funnel read back like a file: {value: {data: stages, fileName, view}} or {problem}. */
export function readState(data, config) {
  return readKept(data, (kept) => {
    const read = readKeptRows(config, kept, "stage");
    if (read.problem) return read;
    if (read.value.length > MAX_ROWS) return damaged("there are too many stages");
    return growing(config, read.value).length ? damaged("a stage has more people than the stage before it") : read;
  });
}

/** Per stage: each group's count and share (of those classified), each group's pass rate from
 * the stage before (%, one decimal), and the lower background's pass rate over the
 * professional background's (two decimals, flagged when under 0.80 as shown). */
export function funnelResults(config, stages) {
  const progress = config.progressGroup;
  return stages.map((stage, i) => {
    const before = i > 0 ? stages[i - 1].counts : null;
    const rate = (id) => (before && before[id] > 0 ? stage.counts[id] / before[id] : null);
    const passRates = Object.fromEntries(config.groups.map((g) => [g.id, rate(g.id) === null ? null : roundTo(rate(g.id) * 100, 1)]));
    const reference = rate(REFERENCE_GROUP);
    const followed = rate(progress);
    const relative = reference && followed !== null ? roundTo(followed / reference, 2) : null;
    return {
      name: stage.name,
      counts: { ...stage.counts },
      total: Object.values(stage.counts).reduce((a, b) => a + b, 0),
      shares: shares(config, stage.counts),
      passRates,
      relative,
      flagged: relative !== null && relative < FOUR_FIFTHS,
    };
  });
}

/** The results as a view shows them. "publication" hides each count under the threshold (0
 * included) and, within a stage (whose total is shown), the next smallest while just one is
 * hidden (shared/mask.js); a share or pass rate from a hidden count is withheld, and so is a
 * relative rate from any hidden count. Hidden counts become null, with `hidden[groupId]`
 * saying why; `withheld[groupId]` (and `withheld.relative`) marks a rate withheld. */
export function applyView(config, results, view) {
  if (view !== "publication") return results.map((r) => ({ ...r, hidden: {}, withheld: {} }));
  const hidden = hideSmallCounts(config, results.map((r) => ({ counts: r.counts, total: r.total })));
  const isHidden = (i, id) => hidden.has(`${i}:${id}`);
  const classified = classifiedIds(config);
  return results.map((r, i) => {
    const hiddenHere = Object.fromEntries(config.groups.filter((g) => isHidden(i, g.id)).map((g) => [g.id, hidden.get(`${i}:${g.id}`)]));
    const anyClassifiedHidden = classified.some((id) => isHidden(i, id));
    const rateHidden = (id) => isHidden(i, id) || (i > 0 && isHidden(i - 1, id));
    const relativeHidden = [REFERENCE_GROUP, config.progressGroup].some(rateHidden);
    return {
      ...r,
      total: hidden.has(`total:${i}`) ? null : r.total,
      counts: Object.fromEntries(config.groups.map((g) => [g.id, isHidden(i, g.id) ? null : r.counts[g.id]])),
      shares: Object.fromEntries(Object.entries(r.shares).map(([id, s]) => [id, anyClassifiedHidden ? null : s])),
      passRates: Object.fromEntries(Object.entries(r.passRates).map(([id, p]) => [id, rateHidden(id) ? null : p])),
      relative: relativeHidden ? null : r.relative,
      flagged: relativeHidden ? false : r.flagged,
      hidden: hiddenHere,
      withheld: { ...Object.fromEntries(config.groups.map((g) => [g.id, i > 0 && rateHidden(g.id)])), relative: i > 0 && relativeHidden },
    };
  });
}

/** The results CSV: one row per stage and group (count, share, pass rate), and per stage one
 * row for the relative rate. Hidden cells say why; blank where a figure does not apply. */
export function resultsCsv(config, stages, view) {
  const shown = applyView(config, funnelResults(config, stages), view);
  const mask = `fewer than ${config.maskUnder}`;
  const rows = [RESULT_COLUMNS];
  shown.forEach((r, i) => {
    for (const g of config.groups) {
      const hidden = r.hidden[g.id];
      rows.push([
        r.name,
        g.id,
        hidden ? (hidden === "primary" ? mask : "withheld") : r.counts[g.id],
        g.classified ? (r.shares[g.id] ?? "withheld") : "",
        r.withheld[g.id] ? "withheld" : (r.passRates[g.id] ?? ""),
        "",
        "",
        view,
      ]);
    }
    if (i > 0) {
      const relative = r.withheld.relative ? "withheld" : (r.relative ?? "");
      rows.push([r.name, `${config.progressGroup} relative to ${REFERENCE_GROUP}`, "", "", "", relative, r.flagged ? "under 0.80" : "", view]);
    }
  });
  return toCsv(rows);
}
