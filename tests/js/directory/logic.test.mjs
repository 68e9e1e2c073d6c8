// The directory's pure functions (docs/javascripts/directory/logic.js), with Node's own runner:
// node --test tests/js/
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { stemmer } from "stemmer";

import * as filter from "../../../docs/javascripts/directory/logic.js";

// A small directory in the shape of organisations/filter.json (to_filter_index).
const DATA = {
  labels: {
    regions: { "uk-wide": "UK-wide", england: "England (all regions)", "north-east": "North East", london: "London", scotland: "Scotland" },
    stages: { outreach: "Outreach", hiring: "Hiring", progression: "Progression and reward" },
    support: { mentoring: "Mentoring", recruitment: "Recruitment", outreach: "Outreach" },
    organisation_types: { charity: "Charity", business: "Business" },
  },
  areas: {
    "uk-wide": ["the whole UK", []],
    england: ["England", ["uk-wide"]],
    "north-east": ["the North East", ["england", "uk-wide"]],
    london: ["London", ["england", "uk-wide"]],
    scotland: ["Scotland", ["uk-wide"]],
  },
  organisations: [
    // slug, name, summary, type, support, where, places, works in, works across, stages, elements, sectors
    ["tyne-mentors", "Tyne Mentors", "Pairs pupils with volunteer mentors from local firms.", "charity", ["mentoring"], ["north-east"], ["Newcastle upon Tyne"], ["north-east", "england", "uk-wide"], [], ["outreach"], ["employee-journey"], []],
    ["fair-hire", "Fair Hire", "Helps employers recruit apprentices fairly.", "business", ["recruitment"], ["uk-wide"], [], ["uk-wide"], ["england", "north-east", "london", "scotland"], ["hiring"], ["employee-journey"], ["Engineering"]],
    ["city-route", "City Route", "Runs insight days with banks in the capital, a start in finance.", "charity", ["outreach"], ["london"], [], ["london", "england", "uk-wide"], [], ["outreach"], ["employee-journey"], ["Finance"]],
    ["england-mentoring", "Mentoring England", "A national mentoring network.", "charity", ["mentoring"], ["england"], [], ["england", "uk-wide"], ["north-east", "london"], ["outreach", "progression"], ["culture"], []],
    ["cafe-careers", "Café Careers", "Careers talks from the King's Hall café.", "charity", ["outreach"], ["scotland"], ["Glasgow"], ["scotland", "uk-wide"], [], ["outreach"], ["employee-journey"], ["Hospitality"]],
  ],
};
const ITEMS = filter.prepare(DATA, stemmer);

function state(q = "", filters = {}) {
  return { q, region: "", stage: "", support: "", element: "", type: "", ...filters };
}

function found(q, filters) {
  const { near, wider } = filter.matches(ITEMS, state(q, filters), stemmer);
  return { near: near.map((item) => item.slug), wider: wider.map((item) => item.slug) };
}

describe("the query string", () => {
  test("round-trips and drops empty values", () => {
    const read = filter.readQuery("?search=%20young%20people%20&region=london&stage=hiring&q=ignored");
    assert.deepEqual(read, state("young people", { region: "london", stage: "hiring" }));
    assert.equal(filter.queryString(read), "?search=young+people&region=london&stage=hiring");
    assert.equal(filter.queryString(filter.readQuery("")), "");
    assert.equal(filter.isUnfiltered(filter.readQuery("?search=%20")), true);
    assert.equal(filter.isUnfiltered(filter.readQuery("?stage=hiring")), false);
  });
});

describe("words", () => {
  test("fold case, accents and apostrophes", () => {
    assert.deepEqual(filter.words("Café CAREERS, King's Hall"), ["cafe", "careers", "kings", "hall"]);
    assert.deepEqual(filter.words("Zürich–Łódź 2026"), ["zurich", "łodz", "2026"]);
  });

  test("stop words are not searched for", () => {
    assert.deepEqual(filter.searchTerms("mentoring in the North East", stemmer), [
      [" mentoring", " mentor"],
      [" north "],
      [" east"],
    ]);
  });
});

// query, filters -> the organisations that work there (near) and those that reach it as part
// of wider work (wider), in the directory's order.
const CASES = [
  ["mentor", {}, ["tyne-mentors", "england-mentoring"], []],
  ["mentoring", {}, ["tyne-mentors", "england-mentoring"], []],
  ["MENTORS", {}, ["tyne-mentors", "england-mentoring"], []],
  ["recruit", {}, ["fair-hire"], []],
  ["recruitment", {}, ["fair-hire"], []],
  ["recruiting", {}, ["fair-hire"], []],
  ["hiring", {}, ["fair-hire"], []],
  ["north east", {}, ["tyne-mentors"], []],
  ["newcastle", {}, ["tyne-mentors"], []],
  ["cafe", {}, ["cafe-careers"], []],
  ["café", {}, ["cafe-careers"], []],
  ["kings hall", {}, ["cafe-careers"], []],
  ["finance", {}, ["city-route"], []],
  ["art", {}, [], []], // the start of a word only: not "start", "part"
  ["care pupils", {}, [], []], // a short word before the last is whole: not "careers"
  ["careers talks", {}, ["cafe-careers"], []],
  ["apprentice employers", {}, ["fair-hire"], []], // a long one may start a word
  ["", { region: "north-east" }, ["tyne-mentors"], ["fair-hire", "england-mentoring"]],
  ["", { region: "north-east", support: "mentoring" }, ["tyne-mentors"], ["england-mentoring"]],
  ["", { region: "london", support: "mentoring" }, [], ["england-mentoring"]],
  ["", { region: "scotland" }, ["cafe-careers"], ["fair-hire"]],
  ["", { region: "north-east", stage: "hiring" }, [], ["fair-hire"]],
  ["", { stage: "outreach" }, ["tyne-mentors", "city-route", "england-mentoring", "cafe-careers"], []],
  ["mentor", { region: "scotland" }, [], []],
  ["zzzz", {}, [], []],
];

describe("matches", () => {
  for (const [q, filters, near, wider] of CASES) {
    test(`${JSON.stringify(q)} ${JSON.stringify(filters)}`, () => {
      assert.deepEqual(found(q, filters), { near, wider });
    });
  }

  test("a word being typed matches the words it starts", () => {
    for (const typed of ["m", "me", "men", "ment", "mento", "mentor", "mentori", "mentorin", "mentoring"]) {
      assert.deepEqual(found(typed, {}).near, ["tyne-mentors", "england-mentoring"], typed);
    }
  });
});

describe("what the page says", () => {
  test("the facts line, as the built list writes it", () => {
    assert.equal(ITEMS[0].facts, "Charity · Mentoring · North East (Newcastle upon Tyne)");
    assert.equal(ITEMS[1].facts, "Business · Recruitment · UK-wide");
  });

  test("the headings and the sentence for no local organisation", () => {
    const texts = filter.groupTexts(state("", { region: "north-east" }), DATA.areas);
    assert.equal(texts.near, "Working in the North East");
    assert.equal(texts.wider, "Working across England or the whole UK");
    assert.equal(
      texts.none,
      "No organisation in this directory works specifically in the North East yet. " +
        "The ones below work across England or the whole UK, which includes the North East.",
    );
    const narrowed = filter.groupTexts(state("mentor", { region: "scotland" }), DATA.areas);
    assert.equal(narrowed.wider, "Working across the whole UK");
    assert.match(narrowed.none, /^None of the organisations that match your other filters works specifically in Scotland\./);
  });

  const STATUS = [
    [{ near: 39, wider: 0 }, 39, 100, {}, "Showing all 39 organisations."],
    [{ near: 0, wider: 0 }, 39, 100, {}, "No organisations match these filters."],
    [{ near: 0, wider: 0 }, 39, 100, { region: "london" }, "No organisations match these filters."],
    [{ near: 7, wider: 0 }, 39, 100, {}, "Showing 7 of 39 organisations."],
    [{ near: 250, wider: 0 }, 5039, 100, {}, "250 of 5039 match; showing the first 100."],
    [{ near: 250, wider: 0 }, 5039, 300, {}, "Showing 250 of 5039 organisations."],
    [{ near: 2, wider: 12 }, 60, 100, { region: "north-east" }, "Showing 14 of 60 organisations: 2 in the North East, 12 across England or the whole UK."],
    [{ near: 0, wider: 12 }, 60, 100, { region: "north-east" }, "Showing 12 of 60 organisations: all across England or the whole UK."],
    [{ near: 90, wider: 900 }, 5039, 100, { region: "scotland" }, "990 of 5039 match (90 in Scotland, 900 across the whole UK); showing the first 100."],
  ];
  for (const [counts, total, limit, where, text] of STATUS) {
    test(text, () => {
      assert.equal(filter.statusText(counts, total, limit, state("", where), DATA.areas), text);
    });
  }
});
