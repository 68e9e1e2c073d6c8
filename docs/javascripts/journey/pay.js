/* The class pay gap: one row per person (answer, hourly_pay, and optionally level), grouped
 * into backgrounds; mean and median hourly pay for each, the gap to the professional
 * background as a percentage of its pay, and pay quartiles as gender pay gap reporting makes
 * them. The two views and the results CSV. Pure functions, no DOM. */
import { firstErrors, parseCsv, readTable, readText, toCsv } from "../shared/csv.js";
import { suppress } from "../shared/mask.js";
import { roundTo } from "../shared/numbers.js";
import { REFERENCE_GROUP, answerLookup, classifiedIds, unknownAnswer } from "./groups.js";

export const COLUMNS = ["answer", "hourly_pay"];
export const LEVEL = "level";
export const MAX_CHARS = 10000000;
export const MAX_ROWS = 200000;
export const MAX_PAY = 10000;
export const BANDS = ["lower", "lower middle", "upper middle", "upper"];
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
  const table = readTable(text, { columns, maxChars: MAX_CHARS, maxRows: MAX_ROWS });
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
  const ref = { mean: mean(pays[REFERENCE_GROUP]), median: median(pays[REFERENCE_GROUP]) };
  return config.groups.map((g) => {
    const m = mean(pays[g.id]);
    const md = median(pays[g.id]);
    const compared = g.classified && g.id !== REFERENCE_GROUP;
    return {
      id: g.id,
      label: g.label,
      classified: g.classified,
      people: pays[g.id].length,
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
  return bands.map((b) => ({
    ...b,
    shares: Object.fromEntries(ids.map((id) => [id, b.people ? roundTo((b.counts[id] * 100) / b.people, 1) : null])),
  }));
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
