/* Compare your workforce: the arithmetic, the two views, reading files and stored state, and
 * the results CSV, as pure functions (no DOM). Numbers, CSV, masking and storage follow the
 * site's shared rules in ../shared/.
 *
 * `config` is what the build renders into the form's data-config (hub/measurement/render.py):
 * the answer options with their groups, the groups, the benchmark, the response-rate aims,
 * the masking threshold and the group whose progression is followed.
 */
import { firstErrors, readTable, readText, toCsv } from "../shared/csv.js";
import { suppress } from "../shared/mask.js";
import { parseCount, roundTo } from "../shared/numbers.js";
import { readStored } from "../shared/storage.js";

export const MAX_CSV_CHARS = 200000;
export const MAX_CSV_ROWS = 2000;
export const HEADCOUNT = "headcount";
export const VIEWS = ["analysis", "publication"];
export const RESULT_COLUMNS = ["measure", "group", "level", "count", "share", "benchmark", "difference", "ratio", "view"];
export const STORE = { key: "employer-hub:compare", version: 2, older: "hub-compare" };
const LEVEL_COLUMNS = ["level", "answer", "count"];

/** The typed fields read by the one count rule: {counts, headcount, errors: [{name, message}]}.
 * `fields` maps each field's name (an option id, or "headcount") to what was typed. A headcount
 * under the answers is an error once `headcountDone` (not while it is still being typed: on
 * the way to 400 it is 4, then 40). */
export function readFields(config, fields, { headcountDone = true } = {}) {
  const counts = {};
  const errors = [];
  let headcount = null;
  for (const name of [...config.options.map((o) => o.id), HEADCOUNT]) {
    const parsed = parseCount(fields[name] ?? "");
    if (parsed.error) errors.push({ name, message: parsed.error });
    else if (name === HEADCOUNT) headcount = parsed.value;
    else counts[name] = parsed.value ?? 0;
  }
  const answered = Object.values(counts).reduce((a, b) => a + b, 0);
  if (headcountDone && !errors.length && headcount !== null && headcount < answered) {
    errors.push({
      name: HEADCOUNT,
      message: `${headcount} is fewer than the ${answered} answers above: the headcount is everyone asked, answering or not.`,
    });
  }
  return { counts, headcount, errors };
}

/** Shares by background, the benchmark differences and the response rate, every number shown. */
export function summarise(config, counts, headcount) {
  const classifiedIds = new Set(config.groups.filter((g) => g.classified).map((g) => g.id));
  const answered = config.options.reduce((sum, o) => sum + (counts[o.id] ?? 0), 0);
  const countOf = (groupId) => config.options.filter((o) => o.group === groupId).reduce((s, o) => s + (counts[o.id] ?? 0), 0);
  const classified = [...classifiedIds].reduce((s, id) => s + countOf(id), 0);
  const groups = config.groups.map((g) => {
    const count = countOf(g.id);
    const percent = g.classified && classified > 0 ? roundTo((count * 100) / classified, 0) : null;
    const benchmark = g.classified ? config.benchmark.shares[g.id] : null;
    return {
      id: g.id,
      label: g.label,
      classified: g.classified,
      count,
      percent,
      benchmark,
      difference: percent === null ? null : percent - benchmark,
    };
  });
  const total = classified > 0 ? groups.filter((g) => g.classified).reduce((s, g) => s + g.percent, 0) : null;
  return {
    answered,
    classified,
    headcount,
    groups,
    total,
    roundingNote:
      total !== null && total !== 100
        ? `The shares add up to ${total}%, not 100%, because each is rounded on its own.`
        : "",
    response: responseRate(config.aims, answered, headcount),
  };
}

/** Everyone who answered over the headcount, set against the aims; or why it cannot be given. */
export function responseRate(aims, answered, headcount) {
  if (headcount === null || headcount === undefined) {
    return { percent: null, met: [], message: "Give the headcount to see the response rate." };
  }
  if (headcount === 0) return { percent: null, met: [], message: "The headcount is 0." };
  if (headcount < answered) {
    return { percent: null, met: [], message: `The headcount (${headcount}) is fewer than the ${answered} answers.` };
  }
  const percent = roundTo((answered * 100) / headcount, 0);
  return { percent, met: aims.filter((a) => percent >= a.percent).map((a) => a.label) };
}

/** Per level: the people classified, the count and share in the progression group, and the
 * share's ratio to the first level's (from the unrounded shares, to two decimals). */
export function levelResults(config, levels) {
  const classifiedIds = new Set(config.groups.filter((g) => g.classified).map((g) => g.id));
  const groupOf = Object.fromEntries(config.options.map((o) => [o.id, o.group]));
  const rows = levels.map((level) => {
    let classified = 0;
    let count = 0;
    for (const [id, n] of Object.entries(level.counts)) {
      if (classifiedIds.has(groupOf[id])) classified += n;
      if (groupOf[id] === config.progressGroup) count += n;
    }
    return { name: level.name, classified, count, share: classified ? count / classified : null };
  });
  const first = rows[0]?.share ?? null;
  return rows.map((row, i) => {
    const ratio = row.share === null || !first ? null : i === 0 ? 1 : roundTo(row.share / first, 2);
    return {
      name: row.name,
      classified: row.classified,
      count: row.count,
      percent: row.share === null ? null : roundTo(row.share * 100, 0),
      ratio,
      falls: ratio !== null && ratio < 1,
    };
  });
}

/** The numbers as a view shows them. "analysis" shows every one; "publication" hides every
 * count under the threshold (0 included) and, where a hidden count could be worked back from
 * a total, the next smallest count beside it (see shared/mask.js); a share, difference or
 * ratio worked out from a hidden count is withheld too. A hidden count becomes null, with
 * `hidden` saying why ("primary": under the threshold; "secondary": it would give another
 * back); a withheld share, difference or ratio becomes null. The publication shows no
 * separate total of the people classified. */
export function applyView(config, summary, levels, view) {
  if (view !== "publication") return { summary, levels, hiddenAny: false };
  const [counts, sets] = publicationCells(summary, levels);
  const hidden = suppress(counts, sets, config.maskUnder);
  const cell = (id, count) => (hidden.has(id) ? { count: null, hidden: hidden.get(id) } : { count, hidden: "" });
  const answered = cell("answered", summary.answered);
  const groups = summary.groups.map((g) => {
    const c = cell(`group:${g.id}`, g.count);
    const withheld = c.count === null;
    return { ...g, ...c, percent: withheld ? null : g.percent, difference: withheld ? null : g.difference };
  });
  const withheldShare = levels.map((_, i) => hidden.has(`level:${i}`) || hidden.has(`level-classified:${i}`));
  const shownLevels = levels.map((level, i) => {
    const people = cell(`level-classified:${i}`, level.classified);
    const noRatio = withheldShare[i] || withheldShare[0];
    return {
      ...level,
      ...cell(`level:${i}`, level.count),
      classified: people.count,
      classifiedHidden: people.hidden,
      percent: withheldShare[i] ? null : level.percent,
      ratio: noRatio ? null : level.ratio,
      falls: noRatio ? false : level.falls,
    };
  });
  const partial = groups.some((g) => g.classified && g.percent === null);
  return {
    summary: {
      ...summary,
      classified: null,
      answered: answered.count,
      answeredHidden: answered.hidden,
      groups,
      total: partial ? null : summary.total,
      roundingNote: partial ? "" : summary.roundingNote,
      response: answered.count === null ? { percent: null, met: [], withheld: true } : summary.response,
    },
    levels: shownLevels,
    hiddenAny: hidden.size > 0,
  };
}

/** Every count a publication shows or lets a reader work out, and the sets of them that add
 * up to a total: the four groups to everyone who answered; at each level, the people from the
 * progression group and the rest to the people classified; and, as the levels may cover the
 * whole workforce, each of those across the levels to a total taken as known. */
function publicationCells(summary, levels) {
  const counts = { answered: summary.answered };
  for (const g of summary.groups) counts[`group:${g.id}`] = g.count;
  const sets = [{ members: summary.groups.map((g) => `group:${g.id}`), total: "answered" }];
  const across = { level: [], rest: [], "level-classified": [] };
  levels.forEach((level, i) => {
    counts[`level:${i}`] = level.count;
    counts[`rest:${i}`] = level.classified - level.count;
    counts[`level-classified:${i}`] = level.classified;
    sets.push({ members: [`level:${i}`, `rest:${i}`], total: `level-classified:${i}` });
    for (const name of Object.keys(across)) across[name].push(`${name}:${i}`);
  });
  if (levels.length > 1) for (const members of Object.values(across)) sets.push({ members, total: null });
  return [counts, sets];
}

/** The results as rows under RESULT_COLUMNS, one row per figure. The analysis view also holds
 * every answer's count (whole workforce and by level), so the page can read the file back. */
export function resultRows(config, counts, headcount, levels, view) {
  const summary = summarise(config, counts, headcount);
  const shown = applyView(config, summary, levelResults(config, levels), view);
  const s = shown.summary;
  const mask = `fewer than ${config.maskUnder}`;
  const count = (value, hidden) => (value === null ? (hidden === "primary" ? mask : "withheld") : value);
  const orWithheld = (value) => (value === null ? "withheld" : value);
  const rows = [];
  const add = (row) => rows.push(RESULT_COLUMNS.map((name) => (name === "view" ? view : row[name] ?? "")));
  if (view === "analysis") {
    for (const o of config.options) add({ measure: "answer", group: o.id, count: counts[o.id] ?? 0 });
  }
  if (summary.headcount !== null) add({ measure: "headcount", count: summary.headcount });
  add({ measure: "response rate", count: count(s.answered, s.answeredHidden), share: s.response.withheld ? "withheld" : s.response.percent });
  if (view === "analysis") add({ measure: "classified", count: s.classified });
  for (const g of s.groups) {
    add({
      measure: "background",
      group: g.id,
      count: count(g.count, g.hidden),
      share: g.classified ? orWithheld(g.percent) : "",
      benchmark: g.classified ? g.benchmark : "",
      difference: g.classified ? orWithheld(g.difference) : "",
    });
  }
  levels.forEach((level, i) => {
    const shownLevel = shown.levels[i];
    if (view === "analysis") {
      for (const o of config.options) {
        if (o.id in level.counts) add({ measure: "answer", group: o.id, level: level.name, count: level.counts[o.id] });
      }
    }
    add({ measure: "classified", level: level.name, count: count(shownLevel.classified, shownLevel.classifiedHidden) });
    add({
      measure: "level share",
      group: config.progressGroup,
      level: level.name,
      count: count(shownLevel.count, shownLevel.hidden),
      share: orWithheld(shownLevel.percent),
      ratio: orWithheld(shownLevel.ratio),
    });
  });
  return rows;
}

/** The results CSV: one header row, then resultRows. */
export function resultsCsv(config, counts, headcount, levels, view) {
  return toCsv([RESULT_COLUMNS, ...resultRows(config, counts, headcount, levels, view)]);
}

/** A file the page reads: a results CSV it wrote (analysis view) or a CSV of counts by level.
 * Returns {kind: "results", fields, levels} or {kind: "levels", levels}, or {errors}. */
export function readCountsFile(text, config) {
  const head = text.replace(/^\ufeff/, "").split(/\r?\n/, 1)[0].toLowerCase();
  return /(^|[,;]\s*"?)measure("?\s*[,;]|$)/.test(head) ? readResultsCsv(text, config) : readLevelsCsv(text, config);
}

/** A CSV of counts by level (columns level, answer, count): {kind, levels} or {errors}. */
export function readLevelsCsv(text, config) {
  const table = readTable(text, { columns: LEVEL_COLUMNS, maxChars: MAX_CSV_CHARS, maxRows: MAX_CSV_ROWS });
  if (table.errors) return table;
  const lookup = answerLookup(config);
  const errors = [];
  const levels = new Map();
  const seen = new Map();
  for (const { line, cells } of table.records) {
    const level = readText(cells.level);
    const id = lookup(cells.answer)?.id ?? null;
    const count = parseCount(cells.count);
    const problem =
      (cells.level === "" && "the level is empty.") ||
      level.error ||
      (id === null && unknownAnswer(cells.answer)) ||
      (cells.count === "" && "the count is empty.") ||
      (count.error && `the count ${count.error}`);
    if (problem) {
      errors.push(`Row ${line}: ${problem}`);
      continue;
    }
    const key = JSON.stringify([level.value, id]);
    if (seen.has(key)) {
      errors.push(`Row ${line}: "${level.value}" has the answer "${cells.answer}" twice (first in row ${seen.get(key)}).`);
      continue;
    }
    seen.set(key, line);
    if (!levels.has(level.value)) levels.set(level.value, { name: level.value, counts: {} });
    levels.get(level.value).counts[id] = count.value;
  }
  return errors.length ? { errors: firstErrors(errors) } : { kind: "levels", levels: [...levels.values()] };
}

/** A results CSV this page wrote, read back: the answers' counts, the headcount and the levels. */
export function readResultsCsv(text, config) {
  const table = readTable(text, { columns: RESULT_COLUMNS, maxChars: MAX_CSV_CHARS, maxRows: MAX_CSV_ROWS });
  if (table.errors) return table;
  if (table.records.some((r) => r.cells.view === "publication")) {
    return {
      errors: [
        "This is the results file for publication, where small counts are hidden, so the page cannot read the real numbers back from it. Load the file downloaded for your own analysis.",
      ],
    };
  }
  const lookup = answerLookup(config);
  const fields = {};
  const levels = new Map();
  const errors = [];
  for (const { line, cells } of table.records) {
    if (cells.measure !== "answer" && !(cells.measure === HEADCOUNT && cells.level === "")) continue;
    const count = parseCount(cells.count);
    const id = cells.measure === HEADCOUNT ? HEADCOUNT : (lookup(cells.group)?.id ?? null);
    const level = readText(cells.level);
    const problem =
      (id === null && unknownAnswer(cells.group)) ||
      level.error ||
      (cells.count === "" && "the count is empty.") ||
      (count.error && `the count ${count.error}`);
    if (problem) {
      errors.push(`Row ${line}: ${problem}`);
    } else if (level.value === "") {
      fields[id] = String(count.value);
    } else {
      if (!levels.has(level.value)) levels.set(level.value, { name: level.value, counts: {} });
      levels.get(level.value).counts[id] = count.value;
    }
  }
  if (errors.length) return { errors: firstErrors(errors) };
  if (!Object.keys(fields).length && !levels.size) {
    return { errors: ["The file has no answer counts: download the results for your own analysis to get them."] };
  }
  return { kind: "results", fields, levels: [...levels.values()] };
}

/** A function from a file's answer cell (an option's id or its exact words, any case) to
 * {id, group}, or null when it is not an option. Every page tool that reads answers from a
 * file (this calculator and the journey's analyses) reads them with this one. */
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

/** What `storage` keeps for the calculator, read like a file (readState), the older key moved
 * once: {value} (null when nothing is kept) or {problem}. The calculator and the report for
 * the board both read it through this. */
export function readSaved(storage, config) {
  return readStored(storage, STORE.key, {
    version: STORE.version,
    read: (data) => readState(data, config),
    migrate: { [STORE.older]: (old) => ({ ...old, version: STORE.version }) },
  });
}

/** Stored state read like a file: {value: {fields, levels, levelsFile, view}} or {problem}. */
export function readState(data, config) {
  const damaged = (what) => ({ problem: `What this browser kept for this page is damaged (${what}).` });
  const names = new Set([...config.options.map((o) => o.id), HEADCOUNT]);
  const fields = {};
  if (data.fields !== undefined) {
    if (!isRecord(data.fields)) return damaged("the counts are not a list of fields");
    for (const [name, value] of Object.entries(data.fields)) {
      if (!names.has(name)) continue;
      if (typeof value !== "string" && typeof value !== "number") return damaged(`the count for ${name} is not text`);
      fields[name] = String(value);
    }
  }
  const levels = [];
  if (data.levels !== undefined) {
    if (!Array.isArray(data.levels)) return damaged("the levels are not a list");
    const known = new Set(config.options.map((o) => o.id));
    for (const level of data.levels) {
      if (!isRecord(level) || typeof level.name !== "string" || level.name === "" || !isRecord(level.counts)) {
        return damaged("a level has no name or no counts");
      }
      const counts = {};
      for (const [id, raw] of Object.entries(level.counts)) {
        const count = parseCount(raw);
        if (!known.has(id) || count.error || count.value === null) return damaged(`a count in "${level.name}" is not a count`);
        counts[id] = count.value;
      }
      levels.push({ name: level.name, counts });
    }
  }
  const levelsFile = typeof data.levelsFile === "string" ? data.levelsFile : "";
  const view = VIEWS.includes(data.view) ? data.view : "analysis";
  return { value: { fields, levels, levelsFile, view } };
}

function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
