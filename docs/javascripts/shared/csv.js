/* CSV for the page tools: reading a file into named columns, writing one with every text cell
 * made safe for a spreadsheet. The formula guard is the site's one rule, the same as
 * hub/core/spreadsheet.py (tests/fixtures/spreadsheet/defuse.json holds the cases both test
 * suites read). Pure functions, no DOM. */

// Characters that make a spreadsheet read a cell as a formula (CSV injection).
export const FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];
export const SHOWN_ERRORS = 10;

/** Does a cell start the way a spreadsheet formula does? */
export function looksLikeFormula(text) {
  return FORMULA_START.some((start) => text.startsWith(start));
}

/** Prefix a cell that starts like a formula with an apostrophe, so it stays text. */
export function defuse(cell) {
  return looksLikeFormula(cell) ? `'${cell}` : cell;
}

/** A text cell read from a file: {value}, or {error} for a formula. A cell this site defused
 * on the way out ("'=x") reads back as the text it was ("=x"). */
export function readText(cell) {
  if (cell.startsWith("'") && looksLikeFormula(cell.slice(1))) return { value: cell.slice(1) };
  if (looksLikeFormula(cell)) return { error: `"${cell}" looks like a spreadsheet formula: give plain text.` };
  return { value: cell };
}

/** CSV text from rows of cells: numbers as numbers, text defused, blanks for null. */
export function toCsv(rows) {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function csvCell(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = defuse(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Split CSV text into records: {rows: [{line, cells}], delimiter} or {error: {line, message}}.
 * A leading byte-order mark is dropped; blank lines are skipped; the delimiter is a semicolon
 * when the first line has more semicolons than commas (spreadsheets set to a decimal comma
 * write those). */
export function parseCsv(text) {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  const head = firstLine(body);
  const delimiter = countOutsideQuotes(head, ";") > countOutsideQuotes(head, ",") ? ";" : ",";
  const rows = [];
  let cells = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) rows.push({ line: start, cells });
    cells = [];
    cell = "";
  };
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
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      endRow();
      line++;
      start = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) return { error: { line: start, message: 'a quoted cell is never closed (a " is missing).' } };
  endRow();
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

/** A CSV file read into named columns: {records: [{line, cells: {column: text}}]} or
 * {errors: [...]}, each error naming the row. `columns` must all be in the first row (any
 * order, any case); other columns are ignored. `tooLarge` ends the message for a file over
 * `maxChars` or `maxRows`: what a file of this kind should hold. */
export function readTable(text, { columns, maxChars, maxRows, tooLarge = "a table of counts is much smaller." }) {
  const fail = (message) => ({ errors: [message] });
  const list = columns.join(", ");
  if (text.length > maxChars) {
    return fail(`The file is too large (over ${Math.round(maxChars / 1000)} KB): ${tooLarge}`);
  }
  const parsed = parseCsv(text);
  if (parsed.error) return fail(`Row ${parsed.error.line}: ${parsed.error.message}`);
  if (parsed.rows.length === 0) return fail(`The file is empty: it needs the columns ${list}.`);
  if (parsed.rows.length > maxRows + 1) {
    return fail(`The file has more than ${maxRows} rows: ${tooLarge}`);
  }
  const [header, ...rows] = parsed.rows;
  const names = header.cells.map((c) => c.trim().toLowerCase());
  for (const name of columns) {
    if (!names.includes(name)) {
      return fail(`Row ${header.line}: the column "${name}" is missing: the first row must name the columns ${list}.`);
    }
  }
  const records = rows.map((row) => ({
    line: row.line,
    cells: Object.fromEntries(columns.map((name) => [name, (row.cells[names.indexOf(name)] ?? "").trim()])),
  }));
  if (records.length === 0) return fail("The file has its column names but nothing under them.");
  return { records };
}

/** The first SHOWN_ERRORS problems, then how many more there are. */
export function firstErrors(errors) {
  if (errors.length <= SHOWN_ERRORS) return errors;
  const more = errors.length - SHOWN_ERRORS;
  return [...errors.slice(0, SHOWN_ERRORS), `… and ${more} more problem${more === 1 ? "" : "s"}.`];
}
