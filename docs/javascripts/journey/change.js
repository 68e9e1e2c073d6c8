/* Change over time: survey counts for several rounds (round,answer,count; a `headcount` row
 * gives a round's headcount), grouped into backgrounds; each round's shares and response
 * rate, the change in points between rounds and from first to last, and whether a change is
 * large enough to read anything into. The two views and the results CSV. Pure functions. */
import { responseRate } from "../compare/logic.js";
import { firstErrors, toCsv } from "../shared/csv.js";
import { parseCount } from "../shared/numbers.js";
import { classifiedIds, damaged, emptyCounts, hideSmallCounts, readKept, readKeptRows, readKeyedCounts, shares } from "./groups.js";

export const HEADCOUNT = "headcount";
export const MAX_CHARS = 2000000;
export const MAX_ROWS = 20000;
// Two-sided test at the 5% level: |z| under 1.96 is too small to read anything into.
export const Z_95 = 1.96;
// Where the results are kept in this browser, when the visitor ticks "Keep" (shared/storage.js).
export const STORE = { key: "employer-hub:change", version: 1 };
export const RESULT_COLUMNS = ["round", "measure", "group", "count", "share", "benchmark", "change", "readable", "view"];

/** A rounds CSV: {rounds: [{name, line, counts: {groupId}, answered, headcount}]} in the order
 * the rounds first appear, or {errors} by row. */
export function readRounds(text, config) {
  const read = readKeyedCounts(text, config, {
    key: "round",
    maxChars: MAX_CHARS,
    maxRows: MAX_ROWS,
    extra: { [HEADCOUNT]: HEADCOUNT },
    hint: ` A round's headcount has the answer "${HEADCOUNT}".`,
  });
  if (read.errors) return read;
  const errors = [];
  const rounds = new Map();
  for (const { key, line, answer, count } of read.rows) {
    if (!rounds.has(key)) rounds.set(key, { name: key, line, counts: emptyCounts(config), answered: 0, headcount: null });
    const r = rounds.get(key);
    if (answer.id === HEADCOUNT) {
      r.headcount = count;
      r.headcountLine = line;
    } else {
      r.counts[answer.group] += count;
      r.answered += count;
    }
  }
  for (const r of rounds.values()) {
    if (r.headcount !== null && r.headcount < r.answered) {
      errors.push(`Row ${r.headcountLine}: the headcount of "${r.name}" (${r.headcount}) is fewer than its ${r.answered} answers: the headcount is everyone asked.`);
    }
  }
  const list = [...rounds.values()].map(({ headcountLine, ...r }) => r);
  return errors.length ? { errors: firstErrors(errors) } : { rounds: list };
}

/** What is kept of the loaded rounds: each round's name, counts by background and headcount
 * (never the file itself). */
export function keepData(rounds) {
  return rounds.map(({ name, counts, headcount }) => ({ name, counts, headcount }));
}

/** The kept rounds read back like a file: {value: {data: rounds, fileName, view}} or {problem}.
 * A round's answers are the sum of its counts; its headcount is null or at least that. */
export function readState(data, config) {
  return readKept(data, (kept) => {
    const read = readKeptRows(config, kept, "round", (row, counts) => {
      const answered = Object.values(counts).reduce((a, b) => a + b, 0);
      const headcount = row.headcount === null ? { value: null } : typeof row.headcount === "number" ? parseCount(row.headcount) : { error: "missing" };
      if (headcount.error || (headcount.value !== null && headcount.value < answered)) {
        return damaged(`the headcount of "${row.name}" is not a count of at least its answers`);
      }
      return { value: { answered, headcount: headcount.value } };
    });
    if (read.problem) return read;
    return read.value.length > MAX_ROWS ? damaged("there are too many rounds") : read;
  });
}

/** Is the change in a background's share between two rounds large enough to read anything
 * into? A two-proportion z-test with the pooled proportion: |z| of 1.96 or more (5% level,
 * two-sided). `a` and `b` are {count, classified}. */
export function readable(a, b) {
  if (!a.classified || !b.classified) return false;
  const pooled = (a.count + b.count) / (a.classified + b.classified);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.classified + 1 / b.classified));
  if (se === 0) return false;
  return Math.abs(b.count / b.classified - a.count / a.classified) / se >= Z_95;
}

/** Per round: counts, shares, response rate; the change (points, from the rounded shares)
 * from the round before and, on the last round, from the first; each with `readable`. */
export function changeResults(config, rounds) {
  const ids = classifiedIds(config);
  const classified = (r) => ids.reduce((s, id) => s + r.counts[id], 0);
  const change = (from, to) =>
    Object.fromEntries(
      ids.map((id) => {
        const [a, b] = [shares(config, from.counts)[id], shares(config, to.counts)[id]];
        const points = a === null || b === null ? null : b - a;
        const ok = readable({ count: from.counts[id], classified: classified(from) }, { count: to.counts[id], classified: classified(to) });
        return [id, { points, readable: points !== null && ok }];
      }),
    );
  return rounds.map((r, i) => ({
    name: r.name,
    counts: { ...r.counts },
    answered: r.answered,
    headcount: r.headcount,
    shares: shares(config, r.counts),
    response: responseRate(config.aims, r.answered, r.headcount),
    fromBefore: i > 0 ? change(rounds[i - 1], r) : null,
    fromFirst: i > 1 && i === rounds.length - 1 ? change(rounds[0], r) : null,
  }));
}

/** The results as a view shows them. "publication" hides each count under the threshold (0
 * included) and, in a round whose total of answers is shown, the next smallest while just one
 * is hidden; a round's shares are withheld when any background's count is hidden there, and a
 * change is withheld when either round's shares are. */
export function applyView(config, results, view) {
  if (view !== "publication") return results.map((r) => ({ ...r, hidden: {} }));
  const hidden = hideSmallCounts(config, results.map((r) => ({ counts: r.counts, total: r.answered })));
  const ids = classifiedIds(config);
  const sharesOff = results.map((_, i) => ids.some((id) => hidden.has(`${i}:${id}`)));
  const last = results.length - 1;
  const withhold = (changes, off) => changes && Object.fromEntries(Object.entries(changes).map(([id, c]) => [id, off ? { points: null, readable: false, withheld: true } : c]));
  return results.map((r, i) => ({
    ...r,
    counts: Object.fromEntries(config.groups.map((g) => [g.id, hidden.has(`${i}:${g.id}`) ? null : r.counts[g.id]])),
    hidden: Object.fromEntries(config.groups.filter((g) => hidden.has(`${i}:${g.id}`)).map((g) => [g.id, hidden.get(`${i}:${g.id}`)])),
    shares: Object.fromEntries(ids.map((id) => [id, sharesOff[i] ? null : r.shares[id]])),
    sharesWithheld: sharesOff[i],
    fromBefore: withhold(r.fromBefore, sharesOff[i] || (i > 0 && sharesOff[i - 1])),
    fromFirst: withhold(r.fromFirst, sharesOff[i] || sharesOff[0] || i !== last),
  }));
}

/** The results CSV: per round the headcount and response rate, and per background the count,
 * share, benchmark and the change from the round before (and from the first, on the last). */
export function resultsCsv(config, rounds, view) {
  const shown = applyView(config, changeResults(config, rounds), view);
  const mask = `fewer than ${config.maskUnder}`;
  const rows = [RESULT_COLUMNS];
  const changeCells = (c) => (c.withheld ? ["withheld", ""] : c.points === null ? ["", ""] : [c.points, c.readable ? "yes" : "too small"]);
  for (const r of shown) {
    if (r.headcount !== null) rows.push([r.name, "headcount", "", r.headcount, "", "", "", "", view]);
    rows.push([r.name, "response rate", "", r.answered, r.response.percent ?? "", "", "", "", view]);
    for (const g of config.groups) {
      const count = r.counts[g.id] ?? (r.hidden[g.id] === "primary" ? mask : "withheld");
      const share = g.classified ? (r.shares[g.id] ?? (r.sharesWithheld ? "withheld" : "")) : "";
      const benchmark = g.classified ? config.benchmark.shares[g.id] : "";
      const before = g.classified && r.fromBefore ? changeCells(r.fromBefore[g.id]) : ["", ""];
      rows.push([r.name, "background", g.id, count, share, benchmark, ...before, view]);
      if (g.classified && r.fromFirst) rows.push([r.name, "change from first", g.id, "", "", "", ...changeCells(r.fromFirst[g.id]), view]);
    }
  }
  return toCsv(rows);
}
