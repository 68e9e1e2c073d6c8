// A stand-in for localStorage in Node tests (not a test file itself: node --test runs only
// *.test.mjs): a Map, with an optional quota in characters, or blocked outright.
export function fakeStorage(items = {}, { quota = Infinity, blocked = false } = {}) {
  const map = new Map(Object.entries(items));
  const check = () => {
    if (blocked) throw Object.assign(new Error("denied"), { name: "SecurityError" });
  };
  return {
    map,
    getItem: (key) => (check(), map.has(key) ? map.get(key) : null),
    setItem: (key, value) => {
      check();
      if (String(value).length > quota) throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
      map.set(key, String(value));
    },
    removeItem: (key) => (check(), map.delete(key)),
  };
}
