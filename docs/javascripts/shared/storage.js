/* Versioned storage for the page tools: what a tool keeps in the visitor's browser is read
 * back like a file (checked, never trusted), and a save the browser refuses is reported.
 * Pure functions over a Storage-like object (localStorage in the page, a stand-in in tests). */

/** The stored value under `key`: {value} (null when nothing is stored) or {problem} (with
 * `blocked: true` when the browser does not let the page read its storage at all).
 *
 * `read(data)` checks a parsed value of the current version and returns {value} or
 * {problem}; `migrate` (optional) maps older keys to a function that turns their parsed
 * value into the current one; an older key's value is moved to `key` once it reads well. */
export function readStored(storage, key, { version, read, migrate = {} }) {
  let text;
  try {
    text = storage.getItem(key);
  } catch {
    return {
      problem: "This browser does not let the page read its storage, so nothing saved here can be shown.",
      blocked: true,
    };
  }
  if (text === null) return readOlder(storage, key, migrate, read);
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: "What this browser kept for this page is damaged (it is not readable)." };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { problem: "What this browser kept for this page is damaged (it is not a saved state)." };
  }
  if (data.version !== version) {
    return {
      problem: `What this browser kept for this page is version ${JSON.stringify(data.version ?? null)}, and this page reads version ${version}.`,
    };
  }
  return read(data);
}

/** The first older key that holds something: upgraded, checked, kept under `key`, and only
 * then removed (so a browser that refuses the save keeps it where it was). */
function readOlder(storage, key, migrate, read) {
  for (const [oldKey, upgrade] of Object.entries(migrate)) {
    let text = null;
    try {
      text = storage.getItem(oldKey);
    } catch {
      return { value: null };
    }
    if (text === null) continue;
    let upgraded;
    try {
      upgraded = upgrade(JSON.parse(text));
    } catch {
      return { problem: "What this browser kept for this page (from an older version of it) is damaged." };
    }
    const result = read(upgraded);
    if (result.problem) return result;
    try {
      storage.setItem(key, JSON.stringify(upgraded));
      storage.removeItem(oldKey);
    } catch {
      /* kept under the old key; read from there again next time */
    }
    return result;
  }
  return { value: null };
}

/** Save `value` (with its version) under `key`: {ok: true} or {problem} when the browser refuses. */
export function writeStored(storage, key, version, value) {
  try {
    storage.setItem(key, JSON.stringify({ version, ...value }));
    return { ok: true };
  } catch (error) {
    const full = error && (error.name === "QuotaExceededError" || error.code === 22);
    return {
      problem: full
        ? "This browser's storage for the site is full, so this was not saved: it will be gone after a reload."
        : "This browser does not let the page save, so this was not saved: it will be gone after a reload.",
    };
  }
}

/** Remove what is stored under each of `keys` (the current one and any older ones):
 * {ok: true} or {problem}. */
export function clearStored(storage, ...keys) {
  try {
    for (const key of keys) storage.removeItem(key);
    return { ok: true };
  } catch {
    return { problem: "This browser did not let the page remove what it kept." };
  }
}

/** The browser's localStorage, or, where reaching it throws (storage blocked), a stand-in
 * whose every call throws, so readStored and writeStored report it. */
export function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    const refuse = () => {
      throw new Error("storage blocked");
    };
    return { getItem: refuse, setItem: refuse, removeItem: refuse };
  }
}
