// docs/javascripts/compare/logic.js: the calculator's arithmetic, views, files and stored state,
// worked by hand. The config is the build's, with test wording for the options (by id).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  applyView,
  levelResults,
  readCountsFile,
  readFields,
  readSaved,
  readState,
  responseRate,
  resultRows,
  resultsCsv,
  summarise,
} from "../../../docs/javascripts/compare/logic.js";
import { fakeStorage } from "../helpers/storage.mjs";

const fixture = (path) => readFileSync(new URL(path, import.meta.url), "utf8");
const config = JSON.parse(fixture("../fixtures/compare-config.json"));
const SAMPLE = fixture("../../../docs/strategy/data/compare/sample-levels.csv");

// The analyst's counts (issue 19): 265 classified of 305 answers, 400 asked.
const ANALYST = {
  professional: "120",
  clerical: "40",
  "small-business": "15",
  technical: "25",
  routine: "60",
  unemployed: "5",
  other: "20",
  "prefer-not-to-say": "20",
  headcount: "400",
};

const byId = (groups) => Object.fromEntries(groups.map((g) => [g.id, [g.count, g.percent, g.difference]]));

test("the analyst's counts: 45 / 21 / 34 %, +8 / -3 / -5 points, 76 % response", () => {
  const { counts, headcount, errors } = readFields(config, ANALYST);
  assert.deepEqual(errors, []);
  const s = summarise(config, counts, headcount);
  // 120/265 = 45.3; 55/265 = 20.75; 90/265 = 33.96; 305/400 = 76.25.
  assert.deepEqual(byId(s.groups), {
    professional: [120, 45, 8],
    intermediate: [55, 21, -3],
    lower: [90, 34, -5],
    "not-classified": [40, null, null],
  });
  assert.deepEqual([s.answered, s.classified, s.total, s.roundingNote], [305, 265, 100, ""]);
  assert.deepEqual(s.response, { percent: 76, met: ["about two-thirds", "70% or more"] });
});

test("pasted counts with thousands separators read as the same numbers", () => {
  const { counts, headcount } = readFields(config, { professional: "1,200", clerical: " 1 200 ", headcount: "3,000" });
  assert.deepEqual([counts.professional, counts.clerical, headcount], [1200, 1200, 3000]);
});

test("every field that cannot be a count is named, and none gives a number", () => {
  const { errors } = readFields(config, { ...ANALYST, technical: "6O", routine: "-5", other: "abc", clerical: "12.5", unemployed: "12345678901234567890" });
  assert.deepEqual(
    errors.map((e) => e.name),
    ["clerical", "technical", "routine", "unemployed", "other"],
  );
  assert.equal(errors[1].message, '"6O" has the letter O in it: did you mean 60?');
});

test("a headcount under the answers is an error on the headcount field, once it is typed", () => {
  const fields = { professional: "60", technical: "60", headcount: "100" };
  assert.deepEqual(readFields(config, fields).errors, [
    { name: "headcount", message: "100 is fewer than the 120 answers above: the headcount is everyone asked, answering or not." },
  ]);
  // While it is being typed, no error yet, and no response rate over 100%.
  const typing = readFields(config, fields, { headcountDone: false });
  assert.deepEqual(typing.errors, []);
  assert.deepEqual(summarise(config, typing.counts, typing.headcount).response, {
    percent: null,
    met: [],
    message: "The headcount (100) is fewer than the 120 answers.",
  });
});

test("rounding to 99 or 101 is said", () => {
  // 10/30 = 33.3 each -> 99; 15/40 = 37.5 rounds up twice -> 38 + 38 + 25 = 101.
  assert.equal(summarise(config, { professional: 10, clerical: 10, technical: 10 }, null).roundingNote,
    "The shares add up to 99%, not 100%, because each is rounded on its own.");
  assert.equal(summarise(config, { professional: 15, clerical: 15, technical: 10 }, null).roundingNote,
    "The shares add up to 101%, not 100%, because each is rounded on its own.");
});

test("every answer prefer not to say: no shares, a response rate", () => {
  const s = summarise(config, { "prefer-not-to-say": 40 }, 50);
  assert.deepEqual([s.classified, s.total, s.response.percent], [0, null, 80]);
  assert.ok(s.groups.every((g) => g.percent === null));
});

test("response rate against the aims", () => {
  assert.deepEqual(responseRate(config.aims, 20, 30), { percent: 67, met: ["about two-thirds"] });
  assert.deepEqual(responseRate(config.aims, 130, 200), { percent: 65, met: [] });
  assert.equal(responseRate(config.aims, 139, 200).percent, 70); // 69.5 rounds up
  assert.equal(responseRate(config.aims, 5, null).message, "Give the headcount to see the response rate.");
});

test("the sample file's levels: share from a lower background and the progression ratio", () => {
  const file = readCountsFile(SAMPLE, config);
  assert.equal(file.kind, "levels");
  // Entry 80 of 180 = 44.4%; manager 30 of 100 = 30%, ratio 0.675 -> 0.68; senior 12 of 57 = 21.1%, 0.474 -> 0.47.
  assert.deepEqual(
    levelResults(config, file.levels).map((r) => [r.name, r.classified, r.count, r.percent, r.ratio, r.falls]),
    [
      ["Entry level", 180, 80, 44, 1, false],
      ["Manager", 100, 30, 30, 0.68, true],
      ["Senior leader", 57, 12, 21, 0.47, true],
    ],
  );
});

// The finding that matters: 8 lower-background people of 45 at the senior level.
const LEVELS = [
  { name: "Entry", counts: { professional: 60, technical: 40 } },
  { name: "Middle", counts: { professional: 45, routine: 20 } },
  { name: "Senior", counts: { professional: 37, routine: 8 } },
];

test("for your own analysis every number is shown, small ones included", () => {
  const shown = applyView(config, summarise(config, { professional: 120, clerical: 55, unemployed: 8 }, 200), levelResults(config, LEVELS), "analysis");
  assert.deepEqual(byId(shown.summary.groups).lower, [8, 4, -35]);
  // Senior: 8 of 45 = 17.8%, ratio 0.178 / 0.4 = 0.44.
  assert.deepEqual(shown.levels.map((l) => [l.count, l.percent, l.ratio]), [[40, 40, 1], [20, 31, 0.77], [8, 18, 0.44]]);
  assert.equal(shown.hiddenAny, false);
});

test("for publication a count under 10 is hidden with its share, and the next smallest count too", () => {
  // Lower 8 of 183 answers; not classified 0 (under 10 too). The 183 answers are shown, so
  // 183 - 120 - 55 would give the two hidden counts' sum, 8: a small count itself. So the
  // smallest shown group, intermediate 55, is hidden too, and the hidden three add up to 63.
  const s = summarise(config, { professional: 120, clerical: 55, unemployed: 8 }, 200);
  const shown = applyView(config, s, [], "publication");
  assert.deepEqual(
    shown.summary.groups.map((g) => [g.id, g.count, g.hidden, g.percent, g.difference]),
    [
      ["professional", 120, "", 66, 29],
      ["intermediate", null, "secondary", null, null],
      ["lower", null, "primary", null, null],
      ["not-classified", null, "primary", null, null],
    ],
  );
  assert.deepEqual([shown.summary.answered, shown.summary.classified, shown.summary.total], [183, null, null]);
  assert.equal(shown.summary.response.percent, 92);
});

test("for publication one small count beside a total takes the next smallest with it", () => {
  // The analyst's counts with unemployed 5 -> lower 90 stays; make not classified 7:
  // 120 + 55 + 90 + 7 = 272 is shown, so the smallest other group (intermediate 55) is hidden.
  const s = summarise(config, { professional: 120, clerical: 55, routine: 90, other: 7 }, 400);
  const shown = applyView(config, s, [], "publication");
  assert.deepEqual(
    shown.summary.groups.map((g) => [g.count, g.hidden, g.percent]),
    [[120, "", 45], [null, "secondary", null], [90, "", 34], [null, "primary", null]],
  );
  assert.equal(shown.summary.roundingNote, "");
  assert.equal(shown.hiddenAny, true);
});

test("for publication the senior level's 8 of 45 is hidden, and another level's count with it", () => {
  const s = summarise(config, { professional: 142, technical: 40, routine: 28 }, 210);
  const shown = applyView(config, s, levelResults(config, LEVELS), "publication");
  // Senior 8 is under 10; across the levels the smallest other (middle, 20) goes too; the
  // people classified at each level stay (100, 65, 45), and with them no count comes back.
  assert.deepEqual(
    shown.levels.map((l) => [l.name, l.count, l.hidden, l.classified, l.percent, l.ratio]),
    [
      ["Entry", 40, "", 100, 40, 1],
      ["Middle", null, "secondary", 65, null, null],
      ["Senior", null, "primary", 45, null, null],
    ],
  );
});

test("for publication a first level withheld takes every ratio with it", () => {
  const levels = [
    { name: "Entry", counts: { professional: 50, technical: 5 } },
    { name: "Middle", counts: { professional: 50, routine: 30 } },
    { name: "Senior", counts: { professional: 50, routine: 20 } },
  ];
  // Entry's 5 is hidden, and across the levels the smaller other (senior, 20) with it; middle's
  // 30 of 80 (38%) stays, but its ratio to a hidden share would give that share back.
  const shown = applyView(config, summarise(config, {}, null), levelResults(config, levels), "publication");
  assert.deepEqual(shown.levels.map((l) => [l.count, l.percent, l.ratio]), [[null, null, null], [30, 38, null], [null, null, null]]);
});

test("a level where the rest are under 10 hides its count: it would give them back", () => {
  // 12 classified, 11 from a lower background: the 1 other follows from 12 - 11.
  const levels = [
    { name: "Entry", counts: { professional: 1, technical: 11 } },
    { name: "Board", counts: { professional: 40, routine: 30 } },
  ];
  const shown = applyView(config, summarise(config, {}, null), levelResults(config, levels), "publication");
  assert.deepEqual(shown.levels.map((l) => [l.count, l.classified, l.percent]), [[null, 12, null], [null, 70, null]]);
});

const HEADER = "measure,group,level,count,share,benchmark,difference,ratio,view";

test("the results CSV: one header row, a row per figure, every value under its header", () => {
  const { counts, headcount } = readFields(config, ANALYST);
  const lines = resultsCsv(config, counts, headcount, LEVELS, "analysis").split("\r\n");
  assert.equal(lines[0], HEADER);
  assert.ok(lines.includes("answer,technical,,25,,,,,analysis"));
  assert.ok(lines.includes("headcount,,,400,,,,,analysis"));
  assert.ok(lines.includes("response rate,,,305,76,,,,analysis"));
  assert.ok(lines.includes("classified,,,265,,,,,analysis"));
  assert.ok(lines.includes("background,professional,,120,45,37,8,,analysis"));
  assert.ok(lines.includes("background,intermediate,,55,21,24,-3,,analysis"));
  assert.ok(lines.includes("background,lower,,90,34,39,-5,,analysis"));
  assert.ok(lines.includes("answer,routine,Senior,8,,,,,analysis"));
  assert.ok(lines.includes("level share,lower,Senior,8,18,,,0.44,analysis"));
  assert.ok(lines.every((line) => line === "" || line.split(",").length === 9));
});

test("the publication CSV masks as the page does and holds no answer rows", () => {
  const { counts, headcount } = readFields(config, ANALYST);
  const lines = resultsCsv(config, counts, headcount, LEVELS, "publication").split("\r\n");
  assert.equal(lines[0], HEADER);
  assert.ok(!lines.some((l) => l.startsWith("answer,")));
  assert.ok(lines.includes("background,lower,,90,34,39,-5,,publication"));
  assert.ok(lines.includes("level share,lower,Senior,fewer than 10,withheld,,,withheld,publication"));
  assert.ok(lines.includes("level share,lower,Middle,withheld,withheld,,,withheld,publication"));
  assert.ok(lines.includes("classified,,Senior,45,,,,,publication"));
});

test("the analysis CSV reads back as the same counts and levels", () => {
  const { counts, headcount } = readFields(config, ANALYST);
  const text = resultsCsv(config, counts, headcount, LEVELS, "analysis");
  const back = readCountsFile(text, config);
  assert.equal(back.kind, "results");
  assert.deepEqual(back.levels, LEVELS);
  const again = readFields(config, back.fields);
  assert.deepEqual([again.counts, again.headcount], [counts, headcount]);
});

test("a publication CSV is refused: its hidden counts are not the real ones", () => {
  const text = resultsCsv(config, { professional: 12 }, null, [], "publication");
  assert.deepEqual(readCountsFile(text, config), {
    errors: [
      "This is the results file for publication, where small counts are hidden, so the page cannot read the real numbers back from it. Load the file downloaded for your own analysis.",
    ],
  });
});

test("a level name that looks like a formula is defused on the way out and read back as text", () => {
  const levels = [{ name: "-Board, top", counts: { professional: 20, routine: 10 } }];
  const text = resultsCsv(config, {}, null, levels, "analysis");
  assert.ok(text.includes('level share,lower,"\'-Board, top",10,33,,,1,analysis'));
  assert.deepEqual(readCountsFile(text, config).levels, levels);
});

const GOOD_LEVELS = [{ name: "Entry", counts: { professional: 12, technical: 1200 } }];
const GOOD_FILES = [
  ["plain", "level,answer,count\nEntry,professional,12\nEntry,technical,1200\n"],
  ["byte-order mark, CRLF and the option's words", "\ufefflevel,answer,count\r\nEntry,professional,12\r\nEntry,Test wording for technical,1200\r\n"],
  ["semicolons", "level;answer;count\nEntry;professional;12\nEntry;technical;1 200"],
  ["quoted thousands", 'Level,Answer,Count\n"Entry","professional","12"\n"Entry",technical,"1,200"\n\n'],
  ["columns in any order", "count,level,answer\n12,Entry,professional\n1200,Entry,technical\n"],
];

for (const [name, text] of GOOD_FILES) {
  test(`a levels file: ${name}`, () => {
    assert.deepEqual(readCountsFile(text, config), { kind: "levels", levels: GOOD_LEVELS });
  });
}

const H = "level,answer,count\n";
const BAD_FILES = [
  ["unknown answer", H + "Entry,professional,12\nEntry,Plumber,3\n", `Row 3: "Plumber" is not one of the answer options: give an option's id (for example professional) or its exact words.`],
  ["negative", H + "Entry,professional,-4\n", 'Row 2: the count "-4" is negative: give a count of 0 or more.'],
  ["letter O", H + "Entry,professional,6O\n", 'Row 2: the count "6O" has the letter O in it: did you mean 60?'],
  ["decimal", H + "Entry,professional,12.5\n", 'Row 2: the count "12.5" is not a whole number: count whole people.'],
  ["20 digits", H + "Entry,professional,12345678901234567890\n", 'Row 2: the count "12345678901234567890" is more than 10,000,000: check for extra digits.'],
  ["empty count", H + "Entry,professional,\n", "Row 2: the count is empty."],
  ["empty level", H + ",professional,3\n", "Row 2: the level is empty."],
  ["formula level", H + '"=HYPERLINK(""http://x"")",professional,3\n', 'Row 2: "=HYPERLINK("http://x")" looks like a spreadsheet formula: give plain text.'],
  ["formula count", H + "Entry,professional,=1+1\n", 'Row 2: the count "=1+1" is not a whole number: use the digits 0 to 9, for example 42.'],
  ["duplicate", H + "Entry,professional,12\nEntry,professional,3\n", 'Row 3: "Entry" has the answer "professional" twice (first in row 2).'],
  ["header only", H, "The file has its column names but nothing under them."],
  ["results file with a bad count", HEADER + "\nanswer,professional,,1O,,,,,analysis\n", 'Row 2: the count "1O" has the letter O in it: did you mean 10?'],
  ["results file with no answers", HEADER + "\nbackground,lower,,90,34,39,-5,,analysis\n", "The file has no answer counts: download the results for your own analysis to get them."],
];

for (const [name, text, error] of BAD_FILES) {
  test(`a broken file names the row: ${name}`, () => {
    assert.deepEqual(readCountsFile(text, config), { errors: [error] });
  });
}

test("many problems are listed up to ten", () => {
  const errors = readCountsFile(H + "Entry,nope,1\n".repeat(12), config).errors;
  assert.equal(errors.length, 11);
  assert.equal(errors.at(-1), "… and 2 more problems.");
});

const GOOD_STATE = { version: 2, fields: { professional: "120", headcount: "6O" }, levels: GOOD_LEVELS, levelsFile: "levels.csv", view: "publication" };

test("stored state is read like a file; what was typed, even a typo, comes back as typed", () => {
  assert.deepEqual(readState(GOOD_STATE, config), {
    value: { fields: { professional: "120", headcount: "6O" }, levels: GOOD_LEVELS, levelsFile: "levels.csv", view: "publication" },
  });
  // A count kept as a string is read by the one rule, never joined as text ("0" + "12").
  const stringCounts = { ...GOOD_STATE, levels: [{ name: "Entry", counts: { professional: "12", technical: "1,200" } }] };
  assert.deepEqual(readState(stringCounts, config).value.levels, GOOD_LEVELS);
  assert.deepEqual(readState({ version: 2 }, config), { value: { fields: {}, levels: [], levelsFile: "", view: "analysis" } });
});

test("what the browser keeps is read through readState, and the older key is moved once", () => {
  const expected = { fields: { professional: "120", headcount: "6O" }, levels: GOOD_LEVELS, levelsFile: "levels.csv", view: "publication" };
  assert.deepEqual(readSaved(fakeStorage(), config), { value: null });
  assert.deepEqual(readSaved(fakeStorage({ "employer-hub:compare": JSON.stringify(GOOD_STATE) }), config), { value: expected });
  const { version, ...old } = GOOD_STATE; // the first key kept no version
  const storage = fakeStorage({ "hub-compare": JSON.stringify(old) });
  assert.deepEqual(readSaved(storage, config), { value: expected });
  assert.deepEqual([...storage.map.keys()], ["employer-hub:compare"]);
  assert.equal(JSON.parse(storage.map.get("employer-hub:compare")).version, version);
  assert.match(readSaved(fakeStorage({ "employer-hub:compare": "{oops" }), config).problem, /damaged/);
});

const DAMAGED_STATE = [
  ["fields null", { fields: null }, "the counts are not a list of fields"],
  ["fields a list", { fields: [1] }, "the counts are not a list of fields"],
  ["a field an object", { fields: { professional: { x: 1 } } }, "the count for professional is not text"],
  ["levels a string", { levels: "Entry" }, "the levels are not a list"],
  ["levels null", { levels: null }, "the levels are not a list"],
  ["a level null", { levels: [null] }, "a level has no name or no counts"],
  ["a level without counts", { levels: [{ name: "Entry" }] }, "a level has no name or no counts"],
  ["a negative count", { levels: [{ name: "Entry", counts: { professional: -1 } }] }, 'a count in "Entry" is not a count'],
  ["a text count", { levels: [{ name: "Entry", counts: { professional: "lots" } }] }, 'a count in "Entry" is not a count'],
  ["an unknown answer", { levels: [{ name: "Entry", counts: { plumber: 3 } }] }, 'a count in "Entry" is not a count'],
];

for (const [name, data, what] of DAMAGED_STATE) {
  test(`damaged stored state is a problem, not a throw: ${name}`, () => {
    assert.deepEqual(readState({ version: 2, ...data }, config), {
      problem: `What this browser kept for this page is damaged (${what}).`,
    });
  });
}

test("resultRows and resultsCsv agree", () => {
  const rows = resultRows(config, { professional: 12 }, 20, [], "analysis");
  assert.equal(resultsCsv(config, { professional: 12 }, 20, [], "analysis"), [HEADER, ...rows.map((r) => r.join(","))].join("\r\n") + "\r\n");
});
