/* The class pay gap: one row per person (answer, hourly_pay, and optionally level), grouped
 * into backgrounds; mean and median hourly pay for each, the gap to the professional
 * background as a percentage of its pay, and pay quartiles as gender pay gap reporting makes
 * them. The two views and the results CSV. Pure functions, no DOM. */
import { firstErrors, parseCsv, readTable, readText, toCsv } from "../shared/csv.js";
import { suppress } from "../shared/mask.js";
import { roundTo } from "../shared/numbers.js";
import { answerLookup, unknownAnswer } from "../compare/logic.js";
import { REFERENCE_GROUP, classifiedIds, damaged, isName, readKept } from "./groups.js";

export const COLUMNS = ["answer", "hourly_pay"];
export const LEVEL = "level";
export const MAX_CHARS = 10000000;
export const MAX_ROWS = 200000;
export const MAX_PAY = 10000;
// What a pay file that is too large should hold instead.
export const TOO_LARGE = `the page reads up to ${MAX_ROWS.toLocaleString("en-GB")} people, one row each, with the columns answer, hourly_pay and (if you use it) level.`;
export const BANDS = ["lower", "lower middle", "upper middle", "upper"];
// Where the results are kept in this browser, when the visitor ticks "Keep" (shared/storage.js).
export const STORE = { key: "employer-hub:pay-gap", version: 1 };
export const RESULT_COLUMNS = ["measure", "group", "level", "people", "mean", "median", "mean_gap", "median_gap", "share", "view"];

const MONEY = /^£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** An hourly pay cell: {value} in pounds, or {error}. Accepts 12.5, 12.50, £12.50, 1,250.00. */
export function parsePay(raw) {
  const text = raw.trim();
  if (text === "") return { error: "the hourly pay is empty." };
  if (/^[-\u2212\u2013]/.test(text)) return { error: `the hourly pay "${text}" is negative.` };
  if (!MONEY.test(text)) return { error: `the hourly pay "${text}" is not an amount in pounds, such as 14.25.` };
  const value = Number(text.replace(/[£,]/g, ""));
  if (value === 0) return { error: "the hourly pay is 0: leave out people who were not paid." };
  if (value > MAX_PAY) {
    return { error: `the hourly pay "${text}" is over £${MAX_PAY.toLocaleString("en-GB")} an hour: is it a yearly or monthly figure?` };
  }
  return { value };
}

/** A pay CSV: {people: [{group, pay, level}], hasLevels} or {errors} (row numbers; the first
 * few, then how many more). */
export function readPay(text, config) {
  const header = parseCsv(text.slice(0, text.search(/\r?\n|$/) + 2)).rows?.[0]?.cells ?? [];
  const hasLevels = header.some((c) => c.trim().toLowerCase() === LEVEL);
  const columns = hasLevels ? [...COLUMNS, LEVEL] : COLUMNS;
  const table = readTable(text, { columns, maxChars: MAX_CHARS, maxRows: MAX_ROWS, tooLarge: TOO_LARGE });
  if (table.errors) return table;
  const lookup = answerLookup(config);
  const errors = [];
  const people = [];
  for (const { line, cells } of table.records) {
    const answer = lookup(cells.answer);
    const pay = parsePay(cells.hourly_pay);
    const level = hasLevels ? readText(cells.level) : { value: "" };
    const problem = (answer === null && unknownAnswer(cells.answer)) || pay.error || level.error;
    if (problem) errors.push(`Row ${line}: ${problem}`);
    else people.push({ group: answer.group, pay: pay.value, level: level.value });
  }
  return errors.length ? { errors: firstErrors(errors) } : { people, hasLevels };
}

/** The mean of a list of numbers, or null for none. */
export function mean(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** The median (the mean of the middle two for an even count), or null for none. */
export function median(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The gap (%) between the reference pay and another, as a share of the reference, to one
 * decimal (a half rounding up); null when either is missing. */
export function gap(reference, other) {
  return reference && other !== null ? roundTo(((reference - other) * 100) / reference, 1) : null;
}

/** Per group: people, mean and median hourly pay (unrounded), and the mean and median gap to
 * the professional background. */
export function payByGroup(config, people) {
  const pays = Object.fromEntries(config.groups.map((g) => [g.id, []]));
  for (const p of people) pays[p.group].push(p.pay);
  return groupPay(config, Object.fromEntries(config.groups.map((g) => [g.id, { people: pays[g.id].length, mean: mean(pays[g.id]), median: median(pays[g.id]) }])));
}

/** Each group's row from its {people, mean, median}: its label and its gaps to the
 * professional background. */
function groupPay(config, stats) {
  const ref = stats[REFERENCE_GROUP];
  return config.groups.map((g) => {
    const { people, mean: m, median: md } = stats[g.id];
    const compared = g.classified && g.id !== REFERENCE_GROUP;
    return {
      id: g.id,
      label: g.label,
      classified: g.classified,
      people,
      mean: m,
      median: md,
      meanGap: compared ? gap(ref.mean, m) : null,
      medianGap: compared ? gap(ref.median, md) : null,
    };
  });
}

/** Pay quartiles of the people classified, as gender pay gap reporting makes them: ranked
 * from lowest to highest hourly pay and cut into four bands of (as far as possible) equal
 * size, the higher bands taking one more when the number does not divide by four (band k
 * holds ranks floor(k·n/4) to floor((k+1)·n/4) − 1). People on the same pay who fall across
 * a boundary are shared between those bands in the proportions of their backgrounds at that
 * pay, so each band has the same mix of them (a band may hold part of a person in the
 * working). Returns [{band, people, counts: {groupId}, shares: {groupId: % to one decimal}}]. */
export function quartiles(config, people) {
  const ids = classifiedIds(config);
  const ranked = people.filter((p) => ids.includes(p.group)).sort((a, b) => a.pay - b.pay);
  const n = ranked.length;
  const edges = [0, 1, 2, 3, 4].map((k) => Math.floor((k * n) / 4));
  const bands = BANDS.map((band, k) => ({
    band,
    people: edges[k + 1] - edges[k],
    counts: Object.fromEntries(ids.map((id) => [id, 0])),
  }));
  for (let start = 0; start < n; ) {
    let end = start;
    const mix = Object.fromEntries(ids.map((id) => [id, 0]));
    while (end < n && ranked[end].pay === ranked[start].pay) mix[ranked[end++].group]++;
    const size = end - start;
    bands.forEach((band, k) => {
      const overlap = Math.min(end, edges[k + 1]) - Math.max(start, edges[k]);
      if (overlap > 0) for (const id of ids) band.counts[id] += (overlap * mix[id]) / size;
    });
    start = end;
  }
  return bands.map((b) => withShares(ids, b));
}

/** A quartile {band, people, counts} with each background's share of it (%, one decimal). */
function withShares(ids, band) {
  return { ...band, shares: Object.fromEntries(ids.map((id) => [id, band.people ? roundTo((band.counts[id] * 100) / band.people, 1) : null])) };
}

/** Everything the page shows: by group, quartiles, and (when the file has levels) by level. */
export function payResults(config, people, hasLevels) {
  const levels = [];
  if (hasLevels) {
    const names = [...new Set(people.map((p) => p.level))];
    for (const name of names) levels.push({ name, groups: payByGroup(config, people.filter((p) => p.level === name)) });
  }
  return { groups: payByGroup(config, people), quartiles: quartiles(config, people), levels };
}

/** What is kept of the results: each group's people, mean and median pay, each quartile's
 * people and counts by background, and the same by level. Never the people's rows. */
export function keepData(results) {
  const stats = (groups) => Object.fromEntries(groups.map((g) => [g.id, { people: g.people, mean: g.mean, median: g.median }]));
  return {
    groups: stats(results.groups),
    quartiles: results.quartiles.map((b) => ({ people: b.people, counts: b.counts })),
    levels: results.levels.map((l) => ({ name: l.name, groups: stats(l.groups) })),
  };
}

/** The kept results read back like a file, the gaps and shares worked out again:
 * {value: {data: results, fileName, view}} or {problem}. */
export function readState(data, config) {
  return readKept(data, (kept) => {
    if (!isRecord(kept) || !Array.isArray(kept.quartiles) || !Array.isArray(kept.levels)) return damaged("the results are not pay results");
    const groups = readGroupStats(config, kept.groups);
    if (!groups) return damaged("the pay by background is not people and pay");
    const quarts = readQuartiles(config, kept.quartiles, groups);
    if (!quarts) return damaged("the pay quartiles do not add up");
    const levels = [];
    for (const level of kept.levels) {
      const stats = isRecord(level) && isName(level.name) ? readGroupStats(config, level.groups) : null;
      if (!stats) return damaged("a level is not people and pay");
      levels.push({ name: level.name, groups: stats });
    }
    return { value: { groups, quartiles: quarts, levels } };
  });
}

/** Kept {groupId: {people, mean, median}} checked (a mean and median for a group of people,
 * none for an empty one; pay as the file's rule allows), as rows with gaps; or null. */
function readGroupStats(config, kept) {
  if (!isRecord(kept)) return null;
  const stats = {};
  for (const g of config.groups) {
    const s = kept[g.id];
    if (!isRecord(s) || !Number.isInteger(s.people) || s.people < 0) return null;
    const pay = (v) => (s.people === 0 ? v === null : typeof v === "number" && v > 0 && v <= MAX_PAY);
    if (!pay(s.mean) || !pay(s.median)) return null;
    stats[g.id] = { people: s.people, mean: s.mean, median: s.median };
  }
  return groupPay(config, stats);
}

/** Kept quartiles checked: four bands whose people add up to those classified and whose
 * counts add up to their people; with shares, or null. */
function readQuartiles(config, kept, groups) {
  const ids = classifiedIds(config);
  const classified = groups.filter((g) => g.classified).reduce((sum, g) => sum + g.people, 0);
  if (kept.length !== BANDS.length) return null;
  const bands = [];
  for (const [k, b] of kept.entries()) {
    if (!isRecord(b) || !Number.isInteger(b.people) || b.people < 0 || !isRecord(b.counts)) return null;
    const counts = Object.fromEntries(ids.map((id) => [id, b.counts[id]]));
    if (!Object.values(counts).every((c) => typeof c === "number" && c >= 0)) return null;
    if (Math.abs(Object.values(counts).reduce((a, c) => a + c, 0) - b.people) > 1e-6) return null;
    bands.push(withShares(ids, { band: BANDS[k], people: b.people, counts }));
  }
  return bands.reduce((sum, b) => sum + b.people, 0) === classified ? bands : null;
}

function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The results as a view shows them. "publication" hides a group of fewer people than the
 * threshold (its count, pay and gaps; and, where one group's number could be worked out from
 * the total, the next smallest too); a gap is withheld when either group is hidden; in a
 * quartile, a background's share is withheld when fewer than the threshold hold it, with the
 * same rule within the band. */
export function applyView(config, results, view) {
  if (view !== "publication") return { ...results, hidden: new Map() };
  const maskGroups = (groups, prefix) => {
    const counts = Object.fromEntries(groups.map((g) => [`${prefix}${g.id}`, g.people]));
    const hidden = suppress(counts, [{ members: Object.keys(counts), total: null }], config.maskUnder);
    const refHidden = hidden.has(`${prefix}${REFERENCE_GROUP}`);
    return [
      hidden,
      groups.map((g) => {
        const off = hidden.has(`${prefix}${g.id}`);
        const gapOff = off || refHidden;
        return {
          ...g,
          people: off ? null : g.people,
          hidden: off ? hidden.get(`${prefix}${g.id}`) : "",
          mean: off ? null : g.mean,
          median: off ? null : g.median,
          meanGap: gapOff ? null : g.meanGap,
          medianGap: gapOff ? null : g.medianGap,
        };
      }),
    ];
  };
  const [hidden, groups] = maskGroups(results.groups, "");
  const levels = results.levels.map((l, i) => ({ ...l, groups: maskGroups(l.groups, `${i}:`)[1] }));
  const quarts = results.quartiles.map((b) => {
    const ids = Object.keys(b.counts);
    const off = suppress(b.counts, [{ members: ids, total: null }], config.maskUnder);
    return { ...b, shares: Object.fromEntries(ids.map((id) => [id, off.has(id) ? null : b.shares[id]])), withheld: off };
  });
  return { groups, quartiles: quarts, levels, hidden };
}

/** The results CSV: per group (and level) the people, mean and median pay (£, two decimals)
 * and the gaps (%); per quartile each background's share (%). */
export function resultsCsv(config, results, view) {
  const shown = applyView(config, results, view);
  const mask = `fewer than ${config.maskUnder}`;
  const money = (v, off) => (off ? "withheld" : v === null ? "" : roundTo(v, 2));
  const rows = [RESULT_COLUMNS];
  const groupRows = (groups, level) => {
    for (const g of groups) {
      const off = Boolean(g.hidden);
      const gapCell = (v) => (v === null ? (g.classified && g.id !== REFERENCE_GROUP && view === "publication" ? "withheld" : "") : v);
      rows.push([
        "pay",
        g.id,
        level,
        off ? (g.hidden === "primary" ? mask : "withheld") : g.people,
        money(g.mean, off),
        money(g.median, off),
        gapCell(g.meanGap),
        gapCell(g.medianGap),
        "",
        view,
      ]);
    }
  };
  groupRows(shown.groups, "");
  for (const b of shown.quartiles) {
    for (const [id, share] of Object.entries(b.shares)) {
      rows.push([`${b.band} quartile`, id, "", "", "", "", "", "", share ?? (b.people ? "withheld" : ""), view]);
    }
  }
  for (const l of shown.levels) groupRows(l.groups, l.name);
  return toCsv(rows);
}
