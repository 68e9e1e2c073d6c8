/* Your action plan: the pure logic (state, summaries, import and export, CSV).
 *
 * Nothing here touches the page, the network or storage, so tests call every function
 * directly. The state is plain data:
 *   { version: 1, done: { "<action id>": true }, notes: { "<action id>": { owner, due } } }
 * Ids that no longer match an action are kept, counted and reported, never dropped.
 */

export const STORAGE_KEY = "employer-hub:plan:v1";
export const FORMAT = "employer-hub-action-plan";
export const VERSION = 1;
export const TIERS = ["starting", "best"];

export function emptyState() {
  return { version: VERSION, done: {}, notes: {} };
}

/* The state saved in this browser, from the stored text (null when nothing is saved). A
 * stored value this code cannot read gives an empty state with `unreadable` set, so the page
 * can say so rather than silently start again. */
export function readStored(text) {
  if (text === null || text === undefined) return emptyState();
  try {
    const state = cleanState(JSON.parse(text));
    if (state) return state;
  } catch (_) {
    /* fall through */
  }
  return Object.assign(emptyState(), { unreadable: true });
}

export function storedText(state) {
  return JSON.stringify({ version: VERSION, done: state.done, notes: state.notes });
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

/* The rows of the strategy page's summary: each element, then each of its pages other than
 * the element's own page (for the employee journey: outreach, hiring, progression). */
export function summaryRows(data, state) {
  const rows = [];
  for (const element of data.elements) {
    const own = data.actions.filter((a) => a.element === element.id);
    if (!own.length) continue;
    rows.push(row(element.label, element.url, 0, own, state));
    const pages = [...new Set(own.map((a) => a.url))].filter((url) => url !== element.url);
    for (const url of pages) {
      const onPage = own.filter((a) => a.url === url);
      rows.push(row(onPage[0].page, url, 1, onPage, state));
    }
  }
  return rows;
}

function row(label, url, level, actions, state) {
  const tally = counts(actions, state);
  return { label, url, level, tally, stage: stage(tally), text: describe(tally) };
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

/* Read a progress file: { ok: true, state, saved } or { ok: false, error } with a message
 * for the visitor. Nothing is changed by reading. */
export function parseProgress(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (_) {
    return failure("This file could not be read: it is damaged or it is not a progress file from this site.");
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT) {
    return failure("This file is not a progress file from this site's action plan.");
  }
  if (data.version !== VERSION) {
    return failure(
      `This progress file is version ${String(data.version)}, and this site reads version ${VERSION}. ` +
        "Nothing was loaded."
    );
  }
  const state = cleanState(data);
  if (!state) return failure("This progress file is damaged: its ticks or notes cannot be read.");
  return { ok: true, state, saved: typeof data.saved === "string" ? data.saved : "" };
}

function failure(error) {
  return { ok: false, error };
}

/* A state from parsed data, or null when its shape is wrong. Only the known fields are kept. */
function cleanState(data) {
  if (!data || typeof data !== "object" || data.version !== VERSION) return null;
  const { done = {}, notes = {} } = data;
  if (!isPlainObject(done) || !isPlainObject(notes)) return null;
  const state = emptyState();
  for (const [id, value] of Object.entries(done)) {
    if (value !== true) return null;
    state.done[id] = true;
  }
  for (const [id, note] of Object.entries(notes)) {
    if (!isPlainObject(note)) return null;
    const owner = typeof note.owner === "string" ? note.owner : "";
    const due = typeof note.due === "string" && /^(\d{4}-\d{2}-\d{2})?$/.test(note.due) ? note.due : null;
    if (due === null) return null;
    if (owner || due) state.notes[id] = { owner, due };
  }
  return state;
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/* Every action with its tick, owner and date, for spreadsheets. */
export function toCSV(data, state) {
  const labels = Object.fromEntries(data.elements.map((e) => [e.id, e.label]));
  const tiers = Object.fromEntries(data.tiers.map((t) => [t.id, t.label]));
  const lines = [["Element", "Page", "Checklist", "Action", "Done", "Owner", "Target date", "Id"]];
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
  return lines.map((cells) => cells.map((cell) => csvCell(defuse(String(cell)))).join(",")).join("\r\n") + "\r\n";
}

/* A cell that starts like a formula gets an apostrophe, so a spreadsheet shows it as text
 * (as the directory's CSV does). */
export function defuse(cell) {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvCell(cell) {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/* "25 November 2026", for the printed plan. */
export function longDate(date) {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}
