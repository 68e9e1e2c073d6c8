/* Your action plan: the pure logic (state, summaries, filters, import and export, CSV).
 *
 * Nothing here touches the page or the network, and storage only as an object passed in
 * (localStorage in the page, a stand-in in tests), so tests call every function directly
 * (tests/js/plan/). The state is plain data:
 *   { version: 1, done: { "<action id>": true }, notes: { "<action id>": { owner, due } } }
 * What is stored in the browser and what a file holds are both read as untrusted input:
 * every entry is checked, and what cannot be read is counted and reported, never used.
 * Ids that no longer match an action are kept, counted and reported, never dropped.
 */
import { clearStored, readStored, writeStored } from "../shared/storage.js";

export const FORMAT = "employer-hub-action-plan";
export const VERSION = 1;
// Kept in this browser under `employer-hub:<tool>`, the version inside the value, as every
// page tool keeps its state; the plan's first key had the version in its name.
export const STORE = { key: "employer-hub:plan", version: VERSION, older: "employer-hub:plan:v1" };
export const UNREADABLE =
  "The progress saved in this browser could not be read (it is damaged or from another " +
  "version of this page). Ticking, or loading a progress file, replaces it.";
export const NOT_SAVED =
  "This browser did not save your last change: its storage for this site is full or turned off. " +
  "The page shows what is saved.";
export const NO_STORAGE =
  "This browser does not let the page save anything, so your ticks, owners and dates last only " +
  "until you leave this page. Download your progress to keep it.";
export const TIERS = ["starting", "best"];
// An owner is a name and a role; anything longer is not one (and would swamp the printout).
export const OWNER_MAX = 200;
// The ids the build writes (hub/actions/extract.py ID_PATTERN), kept loose enough for old ones.
const ID = /^action-[a-z0-9]+(?:-[a-z0-9]+){1,8}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function emptyState() {
  return { version: VERSION, done: {}, notes: {} };
}

/* The plan kept in this browser: { state, problem, blocked, moved }, never throwing.
 * Read through shared/storage.js (one key, its version inside; the older key, with the
 * version in its name, is moved once), then like a file: entries that cannot be read are
 * left out and counted; a value that is not a saved plan at all gives an empty state and
 * says so, rather than silently starting again. Ticks of merged ids move to the action that
 * stayed (`moved` counts them, so the page can save at once). */
export function readSaved(storage, merged) {
  const read = readStored(storage, STORE.key, {
    version: STORE.version,
    read: (data) => ({ value: cleanEntries(data) }),
    migrate: { [STORE.older]: fromOlder },
  });
  if (read.blocked) return { state: emptyState(), problem: NO_STORAGE, blocked: true, moved: 0 };
  if (read.problem) return { state: emptyState(), problem: UNREADABLE, blocked: false, moved: 0 };
  const { state, dropped } = read.value ?? { state: emptyState(), dropped: 0 };
  const { state: migrated, moved } = migrate(state, merged);
  return { state: migrated, problem: droppedMessage(dropped), blocked: false, moved };
}

/* Keep the plan: "" when saved, or a sentence when the browser refused. */
export function save(storage, state) {
  return writeStored(storage, STORE.key, STORE.version, { done: state.done, notes: state.notes }).problem ? NOT_SAVED : "";
}

/* Forget the plan, under both keys: "" or a sentence when the browser refused. */
export function clearSaved(storage) {
  return clearStored(storage, STORE.key, STORE.older).problem ?? "";
}

/* The older key held the same shape; anything else is damaged (shared/storage.js says so). */
function fromOlder(old) {
  if (!isPlainObject(old) || old.version !== VERSION) throw new Error("not a saved plan");
  return old;
}

function droppedMessage(dropped) {
  if (!dropped) return "";
  return (
    `${dropped} saved ${dropped === 1 ? "entry" : "entries"} could not be read and ` +
    `${dropped === 1 ? "is" : "are"} left out. The rest of your progress is shown.`
  );
}

export function setDone(state, id, done) {
  const next = Object.assign({}, state.done);
  if (done) next[id] = true;
  else delete next[id];
  return Object.assign({}, state, { done: next });
}

export function setNote(state, id, field, value) {
  const notes = Object.assign({}, state.notes);
  const note = Object.assign({ owner: "", due: "" }, notes[id], { [field]: value });
  if (note.owner || note.due) notes[id] = note;
  else delete notes[id];
  return Object.assign({}, state, { notes });
}

export function isDone(state, id) {
  return state.done[id] === true;
}

/* Ticks and notes saved under ids that were merged into another action move to the action
 * that stayed (merged: { oldId: survivingId }, from the actions file). A note already on the
 * surviving action wins; an old note fills in only what it lacks. { state, moved }. */
export function migrate(state, merged) {
  const done = Object.assign({}, state.done);
  const notes = Object.assign({}, state.notes);
  let moved = 0;
  for (const [old, kept] of Object.entries(merged || {})) {
    if (done[old] === true) {
      done[kept] = true;
      delete done[old];
      moved += 1;
    }
    if (notes[old]) {
      const mine = notes[kept] || { owner: "", due: "" };
      notes[kept] = { owner: mine.owner || notes[old].owner, due: mine.due || notes[old].due };
      delete notes[old];
      moved += 1;
    }
  }
  return { state: Object.assign({}, state, { done, notes }), moved };
}

/* Done and total actions per tier, for the actions given. */
export function counts(actions, state) {
  const result = { starting: { done: 0, total: 0 }, best: { done: 0, total: 0 } };
  for (const action of actions) {
    const tier = result[action.tier];
    if (!tier) continue;
    tier.total += 1;
    if (isDone(state, action.id)) tier.done += 1;
  }
  return result;
}

/* The one rule the plan page states: where an organisation stands from its ticks. */
export function stage(tally) {
  const { starting, best } = tally;
  if (starting.done === 0) return "Not started";
  if (starting.done < starting.total) return "Starting out";
  if (best.done < best.total) return "Working towards among the best";
  return "Among the best";
}

/* "3 of 7 starting-out actions done; 0 of 7 among the best". Counts are whole numbers:
 * nothing is rounded. */
export function describe(tally) {
  return (
    `${tally.starting.done} of ${tally.starting.total} starting-out actions done; ` +
    `${tally.best.done} of ${tally.best.total} among the best`
  );
}

/* "5 of 21 done", for a group's heading. */
export function progress(tally) {
  const done = tally.starting.done + tally.best.done;
  return `${done} of ${tally.starting.total + tally.best.total} done`;
}

/* Where you stand: each element (counting each of its actions once, wherever written),
 * with the element's other pages nested under it (for the employee journey: outreach,
 * hiring, progression), each counting the actions written on it. */
export function summaryRows(data, state) {
  const rows = [];
  for (const element of data.elements) {
    const own = data.actions.filter((a) => a.element === element.id);
    if (!own.length) continue;
    const pages = [...new Set(own.map((a) => a.url))]
      .filter((url) => url !== element.url)
      .map((url) => {
        const onPage = own.filter((a) => a.url === url);
        return row(onPage[0].page, url, onPage, state);
      });
    rows.push(Object.assign(row(element.label, element.url, own, state), { id: element.id, pages }));
  }
  return rows;
}

function row(label, url, actions, state) {
  const tally = counts(actions, state);
  return { label, url, tally, stage: stage(tally), text: describe(tally) };
}

/* Where to start: the first `limit` starting-out actions not yet done, in the order the
 * guidance gives them (the actions file's order). */
export function whereToStart(actions, state, limit = 5) {
  return actions.filter((a) => a.tier === "starting" && !isDone(state, a.id)).slice(0, limit);
}

/* The plan's filters: show "open", "done" or "all"; tier "all" or one tier's id. */
export const SHOW = ["open", "done", "all"];
export function shown(action, state, filter) {
  const done = isDone(state, action.id);
  if (filter.show === "open" && done) return false;
  if (filter.show === "done" && !done) return false;
  return filter.tier === "all" || filter.tier === action.tier;
}

/* Ticked ids that match no action (the action was removed or its id changed). */
export function unknownTicks(actions, state) {
  const known = new Set(actions.map((a) => a.id));
  return Object.keys(state.done).filter((id) => !known.has(id));
}

export function staleMessage(count) {
  if (!count) return "";
  return count === 1
    ? "1 saved tick no longer matches an action. It is kept, and counted nowhere, until you clear all."
    : `${count} saved ticks no longer match an action. They are kept, and counted nowhere, until you clear all.`;
}

/* Remaining actions first, then those done; each in its original order. */
export function remainingFirst(ids, state) {
  return [...ids.filter((id) => !isDone(state, id)), ...ids.filter((id) => isDone(state, id))];
}

/* The downloaded progress file. */
export function toJSON(state, now) {
  return JSON.stringify(
    { format: FORMAT, version: VERSION, saved: now.toISOString(), done: state.done, notes: state.notes },
    null,
    2
  );
}

const CSV_HEADER = "Element,Page,Checklist,Action,Done,Owner,Target date,Id";

/* Read a progress file: { ok: true, state, saved } or { ok: false, error } with a message
 * for the visitor. `saved` is a Date, or null when the file's date is missing or not a
 * real date. Nothing is changed by reading. */
export function parseProgress(text) {
  if (typeof text === "string" && text.replace(/^\uFEFF/, "").startsWith(CSV_HEADER.slice(0, 22))) {
    return failure(
      "This is the spreadsheet (CSV) file. It is for spreadsheets only and cannot be loaded " +
        'back: choose the JSON file that "Download progress (JSON)" saved.'
    );
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (_) {
    return failure("This file could not be read: it is damaged or it is not a progress file from this site.");
  }
  if (!isPlainObject(data) || data.format !== FORMAT) {
    return failure("This file is not a progress file from this site's action plan.");
  }
  if (data.version !== VERSION) {
    const version = typeof data.version === "number" ? String(data.version) : JSON.stringify(data.version);
    return failure(
      `This progress file gives its version as ${version ?? "nothing"}; this site reads version ` +
        `${VERSION} only. Nothing was loaded.`
    );
  }
  const { state, dropped } = cleanEntries(data);
  if (dropped) {
    return failure(
      `This progress file is damaged: ${dropped} of its ticks or notes cannot be read. Nothing was loaded.`
    );
  }
  return { ok: true, state, saved: readDate(data.saved) };
}

function failure(error) {
  return { ok: false, error };
}

/* The date-and-time the file says it was saved ("2026-11-25T10:00:00.000Z", as toJSON
 * writes it), or null: Date would read "2027-02-31T…" as 3 March. */
function readDate(value) {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value) || !validDate(value.slice(0, 10))) {
    return null;
  }
  const when = new Date(value);
  return Number.isNaN(when.getTime()) ? null : when;
}

/* "2027-03-31" and a real day of the calendar (not 2027-02-31), or "" for no date. */
export function validDate(value) {
  if (value === "") return true;
  const match = typeof value === "string" && DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/* The ticks and notes of parsed data that can be read, and how many entries could not. */
function cleanEntries(data) {
  const state = emptyState();
  let dropped = 0;
  const done = isPlainObject(data.done) ? data.done : (data.done === undefined ? {} : null);
  const notes = isPlainObject(data.notes) ? data.notes : (data.notes === undefined ? {} : null);
  if (done === null) dropped += 1;
  if (notes === null) dropped += 1;
  for (const [id, value] of Object.entries(done || {})) {
    if (value === true && ID.test(id)) state.done[id] = true;
    else dropped += 1;
  }
  for (const [id, note] of Object.entries(notes || {})) {
    const owner = isPlainObject(note) ? note.owner ?? "" : null;
    const due = isPlainObject(note) ? note.due ?? "" : null;
    if (!ID.test(id) || typeof owner !== "string" || owner.length > OWNER_MAX || !validDate(due)) {
      dropped += 1;
    } else if (owner || due) {
      state.notes[id] = { owner, due };
    }
  }
  return { state, dropped };
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/* Every action with its tick, owner and date, for spreadsheets: the rows of the CSV, each cell
 * text. The page writes them with shared/csv.js toCsv (the site's one formula guard), loaded
 * only when the visitor asks for the file. */
export function csvRows(data, state) {
  const labels = Object.fromEntries(data.elements.map((e) => [e.id, e.label]));
  const tiers = Object.fromEntries(data.tiers.map((t) => [t.id, t.label]));
  const lines = [CSV_HEADER.split(",")];
  for (const action of data.actions) {
    const note = state.notes[action.id] || { owner: "", due: "" };
    lines.push([
      labels[action.element] || action.element,
      action.page,
      tiers[action.tier] || action.tier,
      action.text,
      isDone(state, action.id) ? "yes" : "no",
      note.owner,
      note.due,
      action.id,
    ]);
  }
  return lines.map((cells) => cells.map(String));
}

const LONG = { day: "numeric", month: "long", year: "numeric" };

/* "25 November 2026", for the printed plan (the visitor's own calendar day). */
export function longDate(date) {
  return date.toLocaleDateString("en-GB", LONG);
}

/* "31 March 2027" for a stored "2027-03-31" (a calendar day, read in UTC so no time zone
 * moves it), or "" for none. */
export function dayText(value) {
  if (!value || !validDate(value)) return "";
  return new Date(`${value}T00:00:00Z`).toLocaleDateString("en-GB", Object.assign({ timeZone: "UTC" }, LONG));
}
