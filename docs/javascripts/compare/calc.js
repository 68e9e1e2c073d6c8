/* Compare your workforce: the arithmetic, parsing and export as pure functions (no DOM).
 *
 * `config` is what the build renders into the form's data-config (hub/measurement/render.py):
 * the answer options with their groups, the groups, the benchmark, the response-rate aims,
 * the masking threshold and the group whose progression is followed.
 */

export const FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];
export const MAX_CSV_CHARS = 200000;
export const MAX_CSV_ROWS = 2000;
export const MAX_COUNT = 10000000;
const SHOWN_ERRORS = 10;

/** The one place numbers are rounded: to `places` decimals, a half rounding up. */
export function roundTo(value, places) {
  const factor = 10 ** places;
  // toPrecision removes binary noise such as 0.675 * 100 = 67.49999999999999.
  return Math.round(Number((value * factor).toPrecision(12))) / factor;
}

/** A count as a person reads it: "fewer than 10" under the threshold. */
export function showCount(count, maskUnder) {
  return count < maskUnder ? `fewer than ${maskUnder}` : String(count);
}

/** A typed count: {value} (null when blank) or {error}. Thousands commas are allowed. */
export function parseCount(text) {
  const trimmed = String(text ?? "").trim();
  if (trimmed === "") return { value: null };
  const plain = /^\d{1,3}(,\d{3})+$/.test(trimmed) ? trimmed.replaceAll(",", "") : trimmed;
  if (/^-\d+$/.test(plain)) return { error: "cannot be negative" };
  if (!/^\d+$/.test(plain)) return { error: "must be a whole number, for example 42" };
  const value = Number(plain);
  if (value > MAX_COUNT) return { error: `is more than ${MAX_COUNT.toLocaleString("en-GB")}` };
  return { value };
}

/** Shares by background, the benchmark differences and the response rate for one set of counts. */
export function summarise(config, counts, headcount) {
  const maskUnder = config.maskUnder;
  const classifiedIds = new Set(config.groups.filter((g) => g.classified).map((g) => g.id));
  const options = config.options.map((o) => ({ ...o, count: counts[o.id] ?? 0 }));
  const answered = options.reduce((sum, o) => sum + o.count, 0);
  const classified = options.filter((o) => classifiedIds.has(o.group)).reduce((s, o) => s + o.count, 0);
  const groups = config.groups.map((g) => {
    const count = options.filter((o) => o.group === g.id).reduce((s, o) => s + o.count, 0);
    const masked = count < maskUnder;
    const percent = g.classified && !masked && classified > 0 ? roundTo((count * 100) / classified, 0) : null;
    const benchmark = g.classified ? config.benchmark.shares[g.id] : null;
    return {
      id: g.id,
      label: g.label,
      classified: g.classified,
      count,
      masked,
      percent,
      benchmark,
      difference: percent === null ? null : percent - benchmark,
    };
  });
  const shown = groups.filter((g) => g.classified && g.percent !== null);
  const allShown = shown.length === classifiedIds.size;
  const total = shown.reduce((s, g) => s + g.percent, 0);
  return {
    answered,
    classified,
    options,
    groups,
    total: allShown ? total : null,
    roundingNote:
      allShown && total !== 100
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
  if (headcount < answered) {
    return {
      percent: null,
      met: [],
      error: `The headcount (${headcount}) is smaller than the number of answers (${answered}): check both.`,
    };
  }
  if (headcount === 0) return { percent: null, met: [], message: "The headcount is 0." };
  const percent = roundTo((answered * 100) / headcount, 0);
  return { percent, met: aims.filter((a) => percent >= a.percent).map((a) => a.label) };
}

/** Per level: the share in the progression group, and its ratio to the first level's share. */
export function levelResults(config, levels) {
  const maskUnder = config.maskUnder;
  const classifiedIds = new Set(config.groups.filter((g) => g.classified).map((g) => g.id));
  const groupOf = Object.fromEntries(config.options.map((o) => [o.id, o.group]));
  const rows = levels.map((level) => {
    let classified = 0;
    let inGroup = 0;
    for (const [id, count] of Object.entries(level.counts)) {
      if (classifiedIds.has(groupOf[id])) classified += count;
      if (groupOf[id] === config.progressGroup) inGroup += count;
    }
    const withheld = inGroup < maskUnder || classified === 0;
    return {
      name: level.name,
      classified,
      count: inGroup,
      masked: inGroup < maskUnder,
      share: withheld ? null : inGroup / classified,
    };
  });
  const first = rows[0]?.share ?? null;
  return rows.map((row, i) => {
    const ratio = i === 0 || row.share === null || !first ? null : roundTo(row.share / first, 2);
    return {
      name: row.name,
      classified: row.classified,
      count: row.count,
      masked: row.masked,
      percent: row.share === null ? null : roundTo(row.share * 100, 0),
      ratio: i === 0 && row.share !== null ? 1 : ratio,
      falls: ratio !== null && ratio < 1,
    };
  });
}

/** Split CSV text into records: {rows: [{line, cells}]} or {error: {row, message}}.
 * A leading byte-order mark is dropped; the delimiter is a semicolon when the first line has
 * more semicolons than commas (spreadsheets set to a decimal comma write those). */
export function parseCsv(text) {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  const delimiter = countOutsideQuotes(firstLine(body), ";") > countOutsideQuotes(firstLine(body), ",") ? ";" : ",";
  const rows = [];
  let cells = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") {
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== "")) rows.push({ line: start, cells });
      cells = [];
      cell = "";
      line++;
      start = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) return { error: { row: start, message: "a quoted cell is never closed (a \" is missing)" } };
  cells.push(cell);
  if (cells.some((c) => c.trim() !== "")) rows.push({ line: start, cells });
  return { rows, delimiter };
}

function firstLine(text) {
  const end = text.search(/[\r\n]/);
  return end === -1 ? text : text.slice(0, end);
}

function countOutsideQuotes(text, char) {
  let quoted = false;
  let count = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === char && !quoted) count++;
  }
  return count;
}

/** A CSV of counts by level (columns level, answer, count) as levels, or every problem by row. */
export function parseLevelsCsv(text, config) {
  const fail = (row, message) => ({ levels: [], errors: [row ? `Row ${row}: ${message}` : message] });
  if (text.length > MAX_CSV_CHARS) {
    return fail(0, `The file is too large (over ${MAX_CSV_CHARS / 1000} KB): a table of counts is much smaller.`);
  }
  const parsed = parseCsv(text);
  if (parsed.error) return fail(parsed.error.row, parsed.error.message);
  if (parsed.rows.length === 0) return fail(0, "The file is empty: it needs the columns level, answer, count.");
  if (parsed.rows.length > MAX_CSV_ROWS + 1) {
    return fail(0, `The file has more than ${MAX_CSV_ROWS} rows: a table of counts is much smaller.`);
  }
  const [header, ...records] = parsed.rows;
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const column = {};
  for (const name of ["level", "answer", "count"]) {
    column[name] = names.indexOf(name);
    if (column[name] === -1) {
      return fail(header.line, `the column "${name}" is missing: the first row must name the columns level, answer, count.`);
    }
  }
  const byText = new Map();
  for (const o of config.options) {
    byText.set(o.id.toLowerCase(), o.id);
    byText.set(o.text.trim().toLowerCase(), o.id);
  }
  const errors = [];
  const levels = new Map();
  const seen = new Map();
  for (const record of records) {
    const cell = (name) => (record.cells[column[name]] ?? "").trim();
    const [level, answer, countText] = [cell("level"), cell("answer"), cell("count")];
    const problem = rowProblem(level, answer, countText, byText);
    if (problem) {
      errors.push(`Row ${record.line}: ${problem}`);
      continue;
    }
    const id = byText.get(answer.toLowerCase());
    const key = `${level}\u0000${id}`;
    if (seen.has(key)) {
      errors.push(`Row ${record.line}: "${level}" has the answer "${answer}" twice (first in row ${seen.get(key)}).`);
      continue;
    }
    seen.set(key, record.line);
    if (!levels.has(level)) levels.set(level, { name: level, counts: {} });
    levels.get(level).counts[id] = Number(countText);
  }
  if (errors.length > SHOWN_ERRORS) {
    const more = errors.length - SHOWN_ERRORS;
    errors.splice(SHOWN_ERRORS, more, `… and ${more} more problem(s).`);
  }
  if (errors.length) return { levels: [], errors };
  if (levels.size === 0) return fail(0, "The file has its column names but no counts.");
  return { levels: [...levels.values()], errors: [] };
}

function rowProblem(level, answer, countText, byText) {
  if (level === "") return "the level is empty.";
  for (const value of [level, answer]) {
    if (looksLikeFormula(value)) return `"${value}" looks like a spreadsheet formula: give plain text.`;
  }
  if (!byText.has(answer.toLowerCase())) {
    return `"${answer}" is not one of the answer options: give an option's id (for example professional) or its exact words.`;
  }
  const count = parseCount(countText);
  if (countText === "") return "the count is empty.";
  if (count.error && /^-\d+$/.test(countText)) return `the count ${countText} is negative.`;
  if (looksLikeFormula(countText)) return `"${countText}" looks like a spreadsheet formula: give a number.`;
  if (count.error) return `the count "${countText}" ${count.error}.`;
  return "";
}

/** Does a cell start the way a spreadsheet formula does? */
export function looksLikeFormula(value) {
  return FORMULA_START.some((start) => value.startsWith(start));
}

/** A cell made safe for a spreadsheet: formula-like text gets a leading apostrophe. */
export function defuse(value) {
  const text = String(value);
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) return text; // a signed number is not a formula
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** One CSV cell: quoted when it holds a delimiter, quote or line break. */
function csvCell(value) {
  const text = defuse(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The results as CSV: masked counts stay masked, withheld shares are words. */
export function resultsCsv(config, summary, levels) {
  const mask = (n) => showCount(n, config.maskUnder);
  const share = (p) => (p === null ? "withheld" : `${p}%`);
  const rows = [["section", "level", "background", "count", "share", "benchmark", "difference (points)"]];
  for (const g of summary.groups) {
    rows.push([
      "whole workforce",
      "",
      g.label,
      mask(g.count),
      g.classified ? share(g.percent) : "left out of the shares",
      g.classified ? `${g.benchmark}%` : "",
      g.difference === null ? "" : signed(g.difference),
    ]);
  }
  const rate = summary.response.percent;
  rows.push(["response rate", "", "", String(summary.answered), rate === null ? "" : `${rate}%`, "", ""]);
  for (const level of levels) {
    rows.push([
      "by level",
      level.name,
      config.groups.find((g) => g.id === config.progressGroup).label,
      mask(level.count),
      share(level.percent),
      "",
      level.ratio === null ? "" : `progression ratio ${level.ratio.toFixed(2)}`,
    ]);
  }
  rows.push(["source", "", "", "", "", `${config.benchmark.source.title}, ${config.benchmark.dateLabel}`, config.benchmark.source.url]);
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A difference in percentage points with its sign: "+3", "-5", "0". */
export function signed(points) {
  return points > 0 ? `+${points}` : String(points);
}
