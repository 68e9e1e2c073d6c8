// The site search's pure functions (docs/javascripts/search/logic.js), with Node's own runner:
//   node --test tests/js/search/
// That logic.js's GROUPS are the ids the build files pages under (hub/search/pages.py), in the
// same order, is checked from Python: tests/browser/test_search.py.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import * as logic from "../../../docs/javascripts/search/logic.js";

describe("excerptRuns: Pagefind's excerpt as marked and unmarked runs of text", () => {
  const cases = [
    ["plain text", [{ text: "plain text", marked: false }]],
    [
      "the <mark>pay</mark> <mark>gap</mark>.",
      [
        { text: "the ", marked: false },
        { text: "pay", marked: true },
        { text: " ", marked: false },
        { text: "gap", marked: true },
        { text: ".", marked: false },
      ],
    ],
    // Escaped text stays text: the page builds text nodes, never HTML, from these runs.
    [
      "&lt;script&gt;x&lt;/script&gt; &amp; <mark>&quot;tea&quot;</mark>",
      [
        { text: "<script>x</script> & ", marked: false },
        { text: '"tea"', marked: true },
      ],
    ],
    ["", []],
    [undefined, []],
  ];
  for (const [excerpt, runs] of cases) {
    test(JSON.stringify(excerpt ?? null), () => assert.deepEqual(logic.excerptRuns(excerpt), runs));
  }
});

const G = "Guidance";
const N = "News and case studies";
const ORGS = "Organisations";

describe("countText: what the live region announces", () => {
  const cases = [
    [[{ label: G, total: 0 }, { label: N, total: 0 }], "No matching documents"],
    [[{ label: G, total: 1 }, { label: N, total: 0 }], "1 result: 1 in Guidance"],
    [
      [{ label: G, total: 3 }, { label: N, total: 0 }, { label: ORGS, total: 4512 }],
      "4,515 results: 3 in Guidance, 4,512 in Organisations",
    ],
  ];
  for (const [groups, text] of cases) {
    test(text, () => assert.equal(logic.countText(groups), text));
  }
});

describe("moreText: the Show more button of a group", () => {
  const cases = [
    [5, 5, ""], // all shown: no button
    [5, 3, ""], // fewer than shown (a stale count): still no button
    [5, 7, "Show 2 more in Guidance (2 not shown)"],
    [5, 42, "Show 10 more in Guidance (37 not shown)"],
    [15, 42, "Show 10 more in Guidance (27 not shown)"],
  ];
  for (const [shown, total, text] of cases) {
    test(`${shown} of ${total}`, () => assert.equal(logic.moreText(G, shown, total), text));
  }
});

test("groupHeading: the label and the count, singular or plural", () => {
  assert.equal(logic.groupHeading(N, 1), "News and case studies (1 result)");
  assert.equal(logic.groupHeading(ORGS, 1200), "Organisations (1,200 results)");
});

describe("nextPosition: arrow keys through the results, -1 is the search box", () => {
  const cases = [
    [-1, 3, 1, 0, "from the box to the first result"],
    [0, 3, 1, 1, "down one"],
    [2, 3, 1, -1, "past the last: back to the box"],
    [-1, 3, -1, 2, "up from the box: the last result"],
    [0, 3, -1, -1, "up from the first: the box"],
    [-1, 0, 1, -1, "no results: focus stays in the box"],
    [-1, 0, -1, -1, "no results, up: focus stays in the box"],
  ];
  for (const [current, length, step, next, why] of cases) {
    test(why, () => assert.equal(logic.nextPosition(current, length, step), next));
  }
});

test("normalise: trimmed, inner spaces collapsed, nothing for no query", () => {
  assert.equal(logic.normalise("  pay   gap \n"), "pay gap");
  assert.equal(logic.normalise(undefined), "");
});

describe("bundleUrls: the site's root and Pagefind's bundle, from the module's own address", () => {
  test("at the site's root", () => {
    const urls = logic.bundleUrls(new URL("http://127.0.0.1:8000/javascripts/search/dialog.js"));
    assert.deepEqual(
      [urls.root.href, urls.pagefind.href, urls.highlight.href],
      ["http://127.0.0.1:8000/", "http://127.0.0.1:8000/pagefind/pagefind.js", "http://127.0.0.1:8000/pagefind/pagefind-highlight.js"],
    );
  });
  test("under a folder: the bundle is the site's, not the host's", () => {
    const urls = logic.bundleUrls(new URL("https://example.org/hub/javascripts/search/dialog.js"));
    assert.equal(urls.root.pathname, "/hub/");
    assert.equal(urls.pagefind.pathname, "/hub/pagefind/pagefind.js");
    assert.equal(urls.highlight.pathname, "/hub/pagefind/pagefind-highlight.js");
  });
});
