// The action plan's pure functions (docs/javascripts/plan/logic.js), with Node's own runner:
//   node --test tests/js/plan/
import assert from "node:assert/strict";
import { test } from "node:test";

import { toCsv } from "../../../docs/javascripts/shared/csv.js";
import * as m from "../../../docs/javascripts/plan/logic.js";
import { fakeStorage } from "../helpers/storage.mjs";

const DATA = {
  elements: [
    { id: "data", label: "Analysis of data", url: "strategy/data/" },
    { id: "culture", label: "Attention to culture", url: "strategy/culture/" },
  ],
  tiers: [
    { id: "starting", label: "Starting out" },
    { id: "best", label: "Among the best" },
  ],
  actions: [
    { id: "action-data-one", element: "data", tier: "starting", text: "One", url: "strategy/data/", page: "Data" },
    { id: "action-data-two", element: "data", tier: "starting", text: "Two", url: "strategy/data/", page: "Data" },
    { id: "action-measuring-three", element: "data", tier: "best", text: "Three", url: "strategy/data/m/", page: "Measuring" },
    { id: "action-measuring-four", element: "data", tier: "starting", text: "Four", url: "strategy/data/m/", page: "Measuring" },
    { id: "action-culture-five", element: "culture", tier: "starting", text: "Five", url: "strategy/culture/", page: "C" },
  ],
  merged: { "action-measuring-old-one": "action-data-one", "action-measuring-old-two": "action-data-two" },
};
const [ONE, TWO, THREE, FOUR, FIVE] = DATA.actions.map((a) => a.id);

function state(done, notes = {}) {
  return { version: 1, done: Object.fromEntries(done.map((id) => [id, true])), notes };
}

test("summary and stage follow the one rule", () => {
  const three = DATA.actions.slice(0, 3);
  const cases = [
    [[], "0 of 2 starting-out actions done; 0 of 1 among the best", "Not started"],
    [[THREE], "0 of 2 starting-out actions done; 1 of 1 among the best", "Not started"],
    [[ONE], "1 of 2 starting-out actions done; 0 of 1 among the best", "Starting out"],
    [[ONE, TWO], "2 of 2 starting-out actions done; 0 of 1 among the best", "Working towards among the best"],
    [[ONE, TWO, THREE], "2 of 2 starting-out actions done; 1 of 1 among the best", "Among the best"],
  ];
  for (const [done, text, stage] of cases) {
    const tally = m.counts(three, state(done));
    assert.equal(m.describe(tally), text);
    assert.equal(m.stage(tally), stage);
  }
  assert.equal(m.progress(m.counts(three, state([ONE, THREE]))), "2 of 3 done");
});

test("where you stand nests each element's other pages and counts each action once", () => {
  const rows = m.summaryRows(DATA, state([ONE, FOUR, FIVE]));
  assert.deepEqual(
    rows.map((r) => [r.label, r.stage, r.text, r.pages.map((p) => [p.label, p.text])]),
    [
      [
        "Analysis of data",
        "Starting out",
        "2 of 3 starting-out actions done; 0 of 1 among the best",
        [["Measuring", "1 of 1 starting-out actions done; 0 of 1 among the best"]],
      ],
      ["Attention to culture", "Among the best", "1 of 1 starting-out actions done; 0 of 0 among the best", []],
    ]
  );
  // The element's total is its actions, once each: not the element page plus its sub-page again.
  const data = rows[0];
  assert.equal(data.tally.starting.total + data.tally.best.total, 4);
});

test("where to start: the first starting-out actions not done, in the guidance's order", () => {
  assert.deepEqual(m.whereToStart(DATA.actions, state([ONE])).map((a) => a.id), [TWO, FOUR, FIVE]);
  assert.deepEqual(m.whereToStart(DATA.actions, state([]), 2).map((a) => a.id), [ONE, TWO]);
  assert.deepEqual(m.whereToStart(DATA.actions, state([ONE, TWO, FOUR, FIVE])), []);
});

test("filters: open, done or all, and one tier or both", () => {
  const s = state([ONE, THREE]);
  const ids = (filter) => DATA.actions.filter((a) => m.shown(a, s, filter)).map((a) => a.id);
  assert.deepEqual(ids({ show: "all", tier: "all" }), [ONE, TWO, THREE, FOUR, FIVE]);
  assert.deepEqual(ids({ show: "open", tier: "all" }), [TWO, FOUR, FIVE]);
  assert.deepEqual(ids({ show: "done", tier: "all" }), [ONE, THREE]);
  assert.deepEqual(ids({ show: "open", tier: "best" }), []);
  assert.deepEqual(ids({ show: "done", tier: "starting" }), [ONE]);
  assert.deepEqual(m.SHOW, ["open", "done", "all"]);
});

test("ticks and notes of merged ids carry over to the surviving action", () => {
  const before = state(["action-measuring-old-one", "action-measuring-old-two", TWO], {
    "action-measuring-old-one": { owner: "Priya", due: "2027-03-31" },
    "action-measuring-old-two": { owner: "Sam", due: "" },
    [TWO]: { owner: "", due: "2027-01-01" },
  });
  const { state: after, moved } = m.migrate(before, DATA.merged);
  assert.deepEqual(after.done, { [ONE]: true, [TWO]: true });
  assert.deepEqual(after.notes, {
    [ONE]: { owner: "Priya", due: "2027-03-31" },
    [TWO]: { owner: "Sam", due: "2027-01-01" }, // the surviving note's date wins; the old owner fills the gap
  });
  assert.equal(moved, 4);
  assert.deepEqual(before.done["action-measuring-old-one"], true, "the old state is left as it was");
  assert.deepEqual(m.migrate(after, DATA.merged), { state: after, moved: 0 });
  assert.deepEqual(m.migrate(after, undefined).moved, 0); // an actions file from before merges
});

test("saved ticks that match no action are counted and reported", () => {
  assert.deepEqual(m.unknownTicks(DATA.actions, state([ONE, "action-gone-one", "action-gone-two"])), [
    "action-gone-one",
    "action-gone-two",
  ]);
  assert.match(m.staleMessage(2), /^2 saved ticks no longer match an action/);
  assert.match(m.staleMessage(1), /^1 saved tick no longer matches an action/);
  assert.equal(m.staleMessage(0), "");
});

test("ticks and notes change a copy", () => {
  const s = m.emptyState();
  const t = m.setNote(m.setDone(s, ONE, true), TWO, "owner", "Sam");
  assert.deepEqual(s, { version: 1, done: {}, notes: {} });
  assert.deepEqual(t, { version: 1, done: { [ONE]: true }, notes: { [TWO]: { owner: "Sam", due: "" } } });
  assert.deepEqual(m.setDone(t, ONE, false).done, {});
  assert.deepEqual(m.setNote(t, TWO, "owner", "").notes, {});
});

test("remaining actions come first in their own order", () => {
  assert.deepEqual(m.remainingFirst([ONE, TWO, THREE, FIVE], state([ONE, THREE])), [TWO, FIVE, ONE, THREE]);
});

test("a downloaded file loads back as the same state", () => {
  const saved = state([ONE, "action-gone-one"], { [TWO]: { owner: "Sam", due: "2027-03-31" } });
  const text = m.toJSON(saved, new Date("2026-11-25T10:00:00Z"));
  const data = JSON.parse(text);
  assert.deepEqual([data.format, data.version, data.saved], ["employer-hub-action-plan", 1, "2026-11-25T10:00:00.000Z"]);
  const read = m.parseProgress(text);
  assert.equal(read.ok, true);
  assert.deepEqual(read.state, saved);
  assert.equal(read.saved.toISOString(), "2026-11-25T10:00:00.000Z");
});

const GOOD = { format: "employer-hub-action-plan", version: 1, done: { [ONE]: true }, notes: {} };
const file = (change) => JSON.stringify(Object.assign({}, GOOD, change));
const DAMAGED = (n) => `This progress file is damaged: ${n} of its ticks or notes cannot be read. Nothing was loaded.`;

test("hostile, damaged, old and foreign files are refused with a message", () => {
  const cases = [
    ["{not json", "This file could not be read: it is damaged or it is not a progress file from this site."],
    ["", "This file could not be read: it is damaged or it is not a progress file from this site."],
    ["null", "This file is not a progress file from this site's action plan."],
    ['{"name": "a directory export"}', "This file is not a progress file from this site's action plan."],
    ["[1, 2]", "This file is not a progress file from this site's action plan."],
    [file({ version: 0 }), "This progress file gives its version as 0; this site reads version 1 only. Nothing was loaded."],
    [file({ version: 2 }), "This progress file gives its version as 2; this site reads version 1 only. Nothing was loaded."],
    [file({ version: "1" }), 'This progress file gives its version as "1"; this site reads version 1 only. Nothing was loaded.'],
    [file({ version: null }), "This progress file gives its version as null; this site reads version 1 only. Nothing was loaded."],
    [file({ version: undefined }), "This progress file gives its version as nothing; this site reads version 1 only. Nothing was loaded."],
    [file({ done: [ONE] }), DAMAGED(1)],
    [file({ done: null }), DAMAGED(1)],
    [file({ done: { [ONE]: "yes" } }), DAMAGED(1)],
    [file({ done: { [ONE]: 1, [TWO]: true, "<img src=x onerror=alert(1)>": true } }), DAMAGED(2)],
    [file({ notes: "Sam" }), DAMAGED(1)],
    [file({ notes: { [ONE]: null } }), DAMAGED(1)],
    [file({ notes: { [ONE]: { owner: 42, due: "" } } }), DAMAGED(1)],
    [file({ notes: { [ONE]: { owner: "x".repeat(201), due: "" } } }), DAMAGED(1)],
    [file({ notes: { [ONE]: { owner: "Sam", due: "next week" } } }), DAMAGED(1)],
    [file({ notes: { [ONE]: { owner: "Sam", due: "2027-02-31" } } }), DAMAGED(1)],
    [file({ notes: { [ONE]: { owner: "Sam", due: "2027-13-01" } } }), DAMAGED(1)],
    [file({ notes: { [ONE]: { owner: "Sam", due: 20270301 } } }), DAMAGED(1)],
    [
      "Element,Page,Checklist,Action,Done,Owner,Target date,Id\r\nAnalysis of data,Data,Starting out,One,yes,,,a\r\n",
      'This is the spreadsheet (CSV) file. It is for spreadsheets only and cannot be loaded back: choose the JSON file that "Download progress (JSON)" saved.',
    ],
    [
      "\uFEFFElement,Page,Checklist,Action,Done,Owner,Target date,Id\r\n",
      'This is the spreadsheet (CSV) file. It is for spreadsheets only and cannot be loaded back: choose the JSON file that "Download progress (JSON)" saved.',
    ],
  ];
  for (const [text, error] of cases) {
    assert.deepEqual(m.parseProgress(text), { ok: false, error }, text);
  }
});

test("a file with a missing or impossible saved date still loads, without a date", () => {
  for (const saved of [undefined, null, 12, "yesterday", "2027-02-31T00:00:00Z"]) {
    const read = m.parseProgress(file({ saved }));
    assert.equal(read.ok, true, String(saved));
    assert.equal(read.saved, null, String(saved));
  }
  const notes = { [ONE]: { owner: "Sam" }, [TWO]: { due: "2028-02-29" } }; // a missing field is empty
  assert.deepEqual(m.parseProgress(file({ notes })).state.notes, {
    [ONE]: { owner: "Sam", due: "" },
    [TWO]: { owner: "", due: "2028-02-29" },
  });
});

test("stored progress is read like a file: what cannot be read is reported, the rest kept", () => {
  const stored = (value) => JSON.stringify(value);
  const LEFT_OUT = (n, verb) => `${n} saved ${n === 1 ? "entry" : "entries"} could not be read and ${verb} left out. The rest of your progress is shown.`;
  const cases = [
    [null, m.emptyState(), ""],
    ["{oops", m.emptyState(), m.UNREADABLE],
    ["null", m.emptyState(), m.UNREADABLE],
    ["42", m.emptyState(), m.UNREADABLE],
    ['"text"', m.emptyState(), m.UNREADABLE],
    ["[]", m.emptyState(), m.UNREADABLE],
    [stored({ version: "1", done: { [ONE]: true } }), m.emptyState(), m.UNREADABLE],
    [stored({ version: 2, done: { [ONE]: true } }), m.emptyState(), m.UNREADABLE],
    [stored(state([ONE])), state([ONE]), ""],
    [stored({ version: 1 }), m.emptyState(), ""],
    [stored({ version: 1, done: { [ONE]: true, [TWO]: "true" }, notes: {} }), state([ONE]), LEFT_OUT(1, "is")],
    [
      stored({ version: 1, done: null, notes: { [TWO]: { owner: "Sam", due: "2027-02-30" }, [ONE]: { owner: "Ann", due: "" } } }),
      state([], { [ONE]: { owner: "Ann", due: "" } }),
      LEFT_OUT(2, "are"),
    ],
    [
      stored({ version: 1, done: { ["__proto__"]: true }, notes: { constructor: { owner: "x" } } }),
      m.emptyState(),
      LEFT_OUT(2, "are"),
    ],
  ];
  for (const [text, expected, problem] of cases) {
    for (const key of [m.STORE.key, m.STORE.older]) {
      const storage = fakeStorage(text === null ? {} : { [key]: text });
      const read = m.readSaved(storage, {});
      assert.deepEqual([read.state, read.problem, read.blocked], [expected, problem, false], `${key}: ${text}`);
    }
  }
});

test("the plan is kept under one key; the older key is moved there once, as it was", () => {
  const old = JSON.stringify({ version: 1, done: { [ONE]: true }, notes: { [TWO]: { owner: "Sam", due: "2027-01-31" } } });
  const storage = fakeStorage({ "employer-hub:plan:v1": old });
  const read = m.readSaved(storage, {});
  assert.deepEqual(read.state, state([ONE], { [TWO]: { owner: "Sam", due: "2027-01-31" } }));
  assert.deepEqual([...storage.map.keys()], ["employer-hub:plan"]);
  assert.deepEqual(JSON.parse(storage.map.get("employer-hub:plan")), JSON.parse(old));
  assert.deepEqual(m.readSaved(storage, {}).state, read.state); // and read from there next time
});

test("ticks of merged ids move to the action that stayed, and say how many moved", () => {
  const storage = fakeStorage({ "employer-hub:plan": JSON.stringify(state(["action-measuring-old-one"])) });
  const read = m.readSaved(storage, DATA.merged);
  assert.deepEqual([read.state, read.moved, read.problem], [state([ONE]), 1, ""]);
});

test("saving and clearing report a browser that refuses, and keep the last good save", () => {
  const storage = fakeStorage({}, { quota: 80 });
  assert.equal(m.save(storage, state([ONE])), "");
  assert.equal(m.save(storage, state([ONE], { [TWO]: { owner: "x".repeat(100), due: "" } })), m.NOT_SAVED);
  assert.deepEqual(m.readSaved(storage, {}).state, state([ONE]));
  assert.equal(m.clearSaved(storage), "");
  assert.equal(storage.map.size, 0);

  const blocked = fakeStorage({}, { blocked: true });
  assert.deepEqual(m.readSaved(blocked, {}), { state: m.emptyState(), problem: m.NO_STORAGE, blocked: true, moved: 0 });
  assert.equal(m.save(blocked, state([ONE])), m.NOT_SAVED);
  assert.match(m.clearSaved(blocked), /did not let the page remove/);
});

test("valid dates are real calendar days", () => {
  const cases = [
    ["", true],
    ["2027-03-31", true],
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2027-04-31", false],
    ["2027-3-31", false],
    ["31/03/2027", false],
    [" 2027-03-31", false],
    [null, false],
    [undefined, false],
    [20270331, false],
  ];
  for (const [value, ok] of cases) assert.equal(m.validDate(value), ok, String(value));
  assert.equal(m.dayText("2027-03-31"), "31 March 2027");
  assert.equal(m.dayText("2027-02-31"), "");
  assert.equal(m.dayText(""), "");
});

test("the CSV quotes commas and quotes and defuses formulas", () => {
  const data = structuredClone(DATA);
  data.actions[0].text = 'Say "why", then act';
  const notes = {
    [ONE]: { owner: '=HYPERLINK("http://x")', due: "2027-01-31" },
    [TWO]: { owner: "+44 20", due: "" },
    [THREE]: { owner: "@sam", due: "" },
    [FOUR]: { owner: "-1", due: "" },
  };
  const lines = toCsv(m.csvRows(data, state([ONE], notes))).split("\r\n");
  assert.equal(lines[0], "Element,Page,Checklist,Action,Done,Owner,Target date,Id");
  assert.equal(
    lines[1],
    `Analysis of data,Data,Starting out,"Say ""why"", then act",yes,"'=HYPERLINK(""http://x"")",2027-01-31,${ONE}`
  );
  assert.equal(lines[2].split(",")[5], "'+44 20");
  assert.equal(lines[3].split(",")[5], "'@sam");
  assert.equal(lines[4].split(",")[5], "'-1");
  assert.equal(lines.at(-1), "");
  // The page's own CSV, loaded back by mistake, gets the spreadsheet message.
  assert.match(m.parseProgress(lines.join("\r\n")).error, /^This is the spreadsheet \(CSV\) file/);
});
