// docs/javascripts/shared/csv.js: reading CSV into named columns, writing it with the formula guard.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { defuse, firstErrors, parseCsv, readTable, readText, toCsv } from "../../../docs/javascripts/shared/csv.js";

// The same table tests/unit/core/test_spreadsheet.py checks hub/core/spreadsheet.py against.
const { cases: DEFUSE } = JSON.parse(
  readFileSync(new URL("../../fixtures/spreadsheet/defuse.json", import.meta.url), "utf8"),
);

for (const [cell, written] of DEFUSE) {
  test(`defuses ${JSON.stringify(cell)} as the Python guard does`, () => {
    assert.equal(defuse(cell), written);
  });
}

test("writes numbers as numbers, text defused and quoted, null as blank", () => {
  const text = toCsv([
    ["measure", "difference", "level"],
    ["background", -3, "-Board, top"],
    ["x", 8, 'Say "why"'],
    ["y", null, "two\nlines"],
  ]);
  assert.equal(
    text,
    'measure,difference,level\r\nbackground,-3,"\'-Board, top"\r\nx,8,"Say ""why"""\r\ny,,"two\nlines"\r\n',
  );
});

test("a defused cell reads back as its text; a live formula is refused", () => {
  assert.deepEqual(readText("'-Board"), { value: "-Board" });
  assert.deepEqual(readText("'=1+1"), { value: "=1+1" });
  assert.deepEqual(readText("O'Neill"), { value: "O'Neill" });
  assert.deepEqual(readText("=1+1"), { error: '"=1+1" looks like a spreadsheet formula: give plain text.' });
  assert.deepEqual(readText("@sam"), { error: '"@sam" looks like a spreadsheet formula: give plain text.' });
});

test("what toCsv writes, parseCsv reads back cell for cell", () => {
  const rows = [["a", "b,c", 'd "e"'], ["multi\r\nline", "", "; semi"]];
  const parsed = parseCsv(toCsv(rows));
  assert.deepEqual(parsed.rows.map((r) => r.cells), rows);
});

test("quoted cells keep commas, quotes and line breaks; lines are counted through them", () => {
  const parsed = parseCsv('a,b\n"x, ""y""\nz",1\nnext,2\n');
  assert.deepEqual(parsed, {
    rows: [
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ['x, "y"\nz', "1"] },
      { line: 4, cells: ["next", "2"] },
    ],
    delimiter: ",",
  });
});

test("a byte-order mark, CRLF, blank lines and semicolons are read", () => {
  assert.deepEqual(parseCsv("\ufeffa;b\r\n\r\n\"x;1\";2\r\n"), {
    rows: [
      { line: 1, cells: ["a", "b"] },
      { line: 3, cells: ["x;1", "2"] },
    ],
    delimiter: ";",
  });
});

test("an unclosed quote names the row it starts on", () => {
  assert.deepEqual(parseCsv('a,b\n1,2\n"x,3\n'), { error: { line: 3, message: 'a quoted cell is never closed (a " is missing).' } });
});

const LIMITS = { columns: ["level", "answer", "count"], maxChars: 1000, maxRows: 3 };

test("readTable maps columns by name, in any order and case", () => {
  assert.deepEqual(readTable("Count,LEVEL,answer,extra\n12,Entry,professional,x\n", LIMITS), {
    records: [{ line: 2, cells: { level: "Entry", answer: "professional", count: "12" } }],
  });
});

const BAD_TABLES = [
  ["empty", "", "The file is empty: it needs the columns level, answer, count."],
  ["only a byte-order mark", "\ufeff\n", "The file is empty: it needs the columns level, answer, count."],
  ["a column missing", "level,answer\nEntry,x\n", 'Row 1: the column "count" is missing: the first row must name the columns level, answer, count.'],
  ["no rows", "level,answer,count\n", "The file has its column names but nothing under them."],
  ["too long", "level,answer,count\n" + "x,y,1\n".repeat(200), "The file is too large (over 1 KB): a table of counts is much smaller."],
  ["too many rows", "level,answer,count\n" + "x,y,1\n".repeat(4), "The file has more than 3 rows: a table of counts is much smaller."],
  ["unclosed quote", 'level,answer,count\n"x,y,1\n', 'Row 2: a quoted cell is never closed (a " is missing).'],
];

test("readTable ends the too-large message with what a file of its kind holds", () => {
  const tooLarge = "a pay file of up to 3 people is smaller.";
  assert.deepEqual(readTable("level,answer,count\n" + "x,y,1\n".repeat(200), { ...LIMITS, tooLarge }), {
    errors: ["The file is too large (over 1 KB): a pay file of up to 3 people is smaller."],
  });
  assert.deepEqual(readTable("level,answer,count\n" + "x,y,1\n".repeat(4), { ...LIMITS, tooLarge }), {
    errors: ["The file has more than 3 rows: a pay file of up to 3 people is smaller."],
  });
});

for (const [name, text, error] of BAD_TABLES) {
  test(`readTable refuses a file: ${name}`, () => {
    assert.deepEqual(readTable(text, LIMITS), { errors: [error] });
  });
}

test("the first ten problems are listed, then how many more", () => {
  const errors = Array.from({ length: 12 }, (_, i) => `Row ${i + 2}: wrong.`);
  assert.deepEqual(firstErrors(errors), [...errors.slice(0, 10), "… and 2 more problems."]);
  assert.deepEqual(firstErrors(errors.slice(0, 11)).at(-1), "… and 1 more problem.");
  assert.deepEqual(firstErrors(errors.slice(0, 10)), errors.slice(0, 10));
});
