// docs/javascripts/shared/mask.js: primary and secondary suppression, worked by hand.
import assert from "node:assert/strict";
import { test } from "node:test";

import { suppress } from "../../../docs/javascripts/shared/mask.js";

const hidden = (counts, sets) => Object.fromEntries(suppress(counts, sets, 10));

test("nothing under the threshold: nothing hidden; exactly 10 is shown", () => {
  assert.deepEqual(hidden({ a: 10, b: 20, t: 30 }, [{ members: ["a", "b"], total: "t" }]), {});
});

test("a count under 10 is hidden, and 0 is too", () => {
  assert.deepEqual(hidden({ a: 0, b: 9, c: 50 }, []), { a: "primary", b: "primary" });
});

test("one hidden count in a set with a shown total: the smallest other member goes too", () => {
  // 8 + 55 + 120 = 183: with 8 alone hidden, 183 - 55 - 120 gives it back.
  assert.deepEqual(hidden({ low: 8, mid: 55, high: 120, all: 183 }, [{ members: ["high", "mid", "low"], total: "all" }]), {
    low: "primary",
    mid: "secondary",
  });
});

test("two counts under 10 in a set protect each other", () => {
  assert.deepEqual(hidden({ a: 4, b: 6, c: 90, t: 100 }, [{ members: ["a", "b", "c"], total: "t" }]), {
    a: "primary",
    b: "primary",
  });
});

test("hidden counts whose sum a shown total gives back, and which add up to under 10, take the next smallest", () => {
  // Only one background has people: 120 - 120 gives the two hidden 0s back unless 120 goes too.
  assert.deepEqual(hidden({ prof: 120, inter: 0, lower: 0, t: 120 }, [{ members: ["prof", "inter", "lower"], total: "t" }]), {
    inter: "primary",
    lower: "primary",
    prof: "secondary",
  });
  // 3 + 4 = 7 would be 100 - 93: a small count, so 93 is hidden too.
  assert.deepEqual(hidden({ a: 3, b: 4, c: 93, t: 100 }, [{ members: ["a", "b", "c"], total: "t" }]), {
    a: "primary",
    b: "primary",
    c: "secondary",
  });
  // A hidden total gives no sum back: nothing more is hidden.
  assert.deepEqual(hidden({ a: 3, b: 4, c: 93, t: 7 }, [{ members: ["a", "b"], total: "t" }]), {
    a: "primary",
    b: "primary",
    t: "primary",
  });
});

test("a total known to all (null) still needs a second hidden member", () => {
  assert.deepEqual(hidden({ a: 5, b: 30, c: 20 }, [{ members: ["a", "b", "c"], total: null }]), {
    a: "primary",
    c: "secondary",
  });
});

test("a tie goes to the earlier member", () => {
  assert.deepEqual(hidden({ a: 3, b: 20, c: 20, t: 43 }, [{ members: ["a", "b", "c"], total: "t" }]), {
    a: "primary",
    b: "secondary",
  });
});

test("hiding spreads along sets that share a cell", () => {
  // Not classified 7 of 272 answers: answered - classified would give it back, so classified
  // goes; then professional + intermediate + lower = classified has one hidden: intermediate.
  const counts = { prof: 120, inter: 55, lower: 90, classified: 265, other: 7, answered: 272 };
  const sets = [
    { members: ["prof", "inter", "lower"], total: "classified" },
    { members: ["classified", "other"], total: "answered" },
  ];
  assert.deepEqual(hidden(counts, sets), { other: "primary", classified: "secondary", inter: "secondary" });
});

test("a set whose only shown cell is its total hides the total", () => {
  assert.deepEqual(hidden({ a: 3, t: 3000 }, [{ members: ["a"], total: "t" }]), { a: "primary", t: "secondary" });
});

test("a single member with a total known to all cannot be protected, and is not over-hidden", () => {
  assert.deepEqual(hidden({ a: 3 }, [{ members: ["a"], total: null }]), { a: "primary" });
});
