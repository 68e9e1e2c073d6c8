/* Your action plan: the page side. Loaded (as a module) only on the pages that use it: the
 * element pages with checklists, the strategy page and /plan/.
 *
 * Reads the actions file the build writes, keeps the visitor's ticks, owners and dates in
 * localStorage under one versioned key, and fills in "where you stand". Nothing is sent
 * anywhere: the only request is for the actions file, once per visit. Runs from Material's
 * `document$`, so it works however the visitor arrives (instant navigation included).
 */
import * as plan from "./logic.js";

const ROOT = new URL("../../", import.meta.url);
const ACTIONS_URL = new URL("plan/actions.json", ROOT);
let actionsFile = null; // one fetch per visit, shared by every page shown

function loadActions() {
  if (!actionsFile) {
    actionsFile = fetch(ACTIONS_URL).then((response) => {
      if (!response.ok) throw new Error(`${ACTIONS_URL}: ${response.status}`);
      return response.json();
    });
    actionsFile.catch(() => {
      actionsFile = null; // try again on the next page
    });
  }
  return actionsFile;
}

function readState() {
  try {
    return plan.readStored(window.localStorage.getItem(plan.STORAGE_KEY));
  } catch (_) {
    return plan.emptyState(); // storage blocked: the page still works for this visit
  }
}

function saveState(state) {
  try {
    window.localStorage.setItem(plan.STORAGE_KEY, plan.storedText(state));
  } catch (_) {
    /* storage full or blocked: the ticks on the page still stand */
  }
}

function start(content) {
  if (!content.querySelector("[data-hub-action], [data-hub-standing], [data-hub-plan]")) return;
  loadActions().then(
    (data) => new Tool(content, data).show(),
    () => {} // without the actions file the page stays as it reads without JavaScript
  );
}

/* An empty date field shows the browser's "dd/mm/yyyy" prompt; the printed plan hides it. */
function markEmpty(field) {
  field.toggleAttribute("data-hub-empty", !field.value);
}

class Tool {
  constructor(content, data) {
    this.content = content;
    this.data = data;
    this.state = readState();
    this.boxes = [...content.querySelectorAll("input[data-hub-action]")];
  }

  show() {
    for (const box of this.boxes) {
      box.disabled = false;
      box.addEventListener("change", () => this.tick(box.dataset.hubAction, box.checked));
    }
    for (const field of this.content.querySelectorAll("[data-hub-note]")) {
      const id = field.closest("[data-hub-item]").dataset.hubItem;
      field.addEventListener("input", () => {
        markEmpty(field);
        this.note(id, field.dataset.hubNote, field.value);
      });
    }
    const planned = this.content.querySelector("[data-hub-plan]");
    if (planned) this.showPlan(planned);
    this.refresh();
  }

  tick(id, done) {
    this.state = plan.setDone(readState(), id, done); // another tab may have saved since
    saveState(this.state);
    this.refresh();
  }

  note(id, field, value) {
    this.state = plan.setNote(readState(), id, field, value);
    saveState(this.state);
  }

  replace(state) {
    this.state = state;
    saveState(state);
    this.refresh();
    this.order();
  }

  refresh() {
    const { actions } = this.data;
    for (const box of this.boxes) {
      box.checked = plan.isDone(this.state, box.dataset.hubAction);
      const item = box.closest("[data-hub-item]");
      if (item) {
        item.classList.toggle("hub-plan__item--done", box.checked);
        item.querySelector("[data-hub-fields]").hidden = box.checked;
        for (const field of item.querySelectorAll("[data-hub-note]")) {
          const note = this.state.notes[item.dataset.hubItem];
          field.value = note ? note[field.dataset.hubNote] : "";
          markEmpty(field);
        }
      }
    }
    for (const block of this.content.querySelectorAll("[data-hub-standing]")) {
      this.showStanding(block);
    }
    for (const count of this.content.querySelectorAll("[data-hub-count]")) {
      const tally = plan.counts(actions.filter((a) => a.element === count.dataset.hubCount), this.state);
      count.textContent = `${plan.describe(tally)}. ${plan.stage(tally)}.`;
      count.hidden = false;
    }
    let stale = plan.staleMessage(plan.unknownTicks(actions, this.state).length);
    if (this.state.unreadable) stale = "The progress saved in this browser could not be read. Ticking starts it again.";
    for (const note of this.content.querySelectorAll("[data-hub-stale]")) {
      note.textContent = stale;
      note.hidden = !stale;
    }
  }

  showStanding(block) {
    block.hidden = false;
    if (block.dataset.hubStanding === "page") {
      const own = this.data.actions.filter((a) => a.url === block.dataset.hubPage);
      const tally = plan.counts(own, this.state);
      block.querySelector("[data-hub-standing-text]").textContent =
        `${plan.describe(tally)}. Stage: ${plan.stage(tally)}.`;
      return;
    }
    const list = block.querySelector("[data-hub-standing-list]");
    list.replaceChildren(
      ...plan.summaryRows(this.data, this.state).map((row) => {
        const item = document.createElement("li");
        item.className = `hub-standing__row hub-standing__row--level-${row.level}`;
        const link = document.createElement("a");
        link.href = new URL(row.url, ROOT).pathname;
        link.textContent = row.label;
        item.append(link, `: ${row.text}. Stage: ${row.stage}.`);
        return item;
      })
    );
  }

  /* Remaining actions first within each checklist, on arrival and after a load or clear
   * (not on each tick, which would move the box from under the visitor's pointer or focus). */
  order() {
    for (const list of this.content.querySelectorAll("[data-hub-list]")) {
      const items = new Map([...list.children].map((item) => [item.dataset.hubItem, item]));
      list.append(...plan.remainingFirst([...items.keys()], this.state).map((id) => items.get(id)));
    }
  }

  showPlan(planned) {
    planned.querySelector("[data-hub-nojs]").hidden = true;
    planned.querySelector("[data-hub-tools]").hidden = false;
    const printed = planned.querySelector("[data-hub-printed]");
    printed.textContent = `Printed on ${plan.longDate(new Date())}`;
    printed.hidden = false;
    this.order();
    const message = planned.querySelector("[data-hub-message]");
    const say = (text) => (message.textContent = text);
    for (const button of planned.querySelectorAll("[data-hub-download]")) {
      button.addEventListener("click", () => this.download(button.dataset.hubDownload));
    }
    planned.querySelector("[data-hub-clear]").addEventListener("click", () => {
      if (!window.confirm("Clear every tick, owner and date saved in this browser? This cannot be undone.")) return;
      try {
        window.localStorage.removeItem(plan.STORAGE_KEY);
      } catch (_) {
        /* nothing stored */
      }
      this.replace(plan.emptyState());
      say("Cleared: nothing is saved in this browser now.");
    });
    this.wireLoad(planned, say);
  }

  wireLoad(planned, say) {
    const input = planned.querySelector("[data-hub-load]");
    const confirm = planned.querySelector("[data-hub-confirm]");
    let pending = null;
    const close = () => {
      confirm.hidden = true;
      pending = null;
      input.value = "";
    };
    input.addEventListener("change", async () => {
      const file = input.files[0];
      if (!file) return;
      const read = plan.parseProgress(await file.text());
      if (!read.ok) {
        close();
        say(`${read.error} Your progress in this browser has not changed.`);
        return;
      }
      pending = read.state;
      const ticks = Object.keys(read.state.done).length;
      const notes = Object.keys(read.state.notes).length;
      const when = read.saved ? `, saved on ${plan.longDate(new Date(read.saved))},` : "";
      confirm.querySelector("[data-hub-confirm-text]").textContent =
        `This file${when} has ${ticks} ticked ${ticks === 1 ? "action" : "actions"} and ` +
        `${notes} ${notes === 1 ? "note" : "notes"}. Loading it replaces the progress saved in this browser.`;
      confirm.hidden = false;
      say("");
      confirm.querySelector("[data-hub-confirm-yes]").focus();
    });
    confirm.querySelector("[data-hub-confirm-yes]").addEventListener("click", () => {
      if (pending) this.replace(pending);
      close();
      say("Progress loaded from the file.");
      input.focus();
    });
    confirm.querySelector("[data-hub-confirm-no]").addEventListener("click", () => {
      close();
      say("Nothing was loaded. Your progress in this browser has not changed.");
      input.focus();
    });
  }

  download(kind) {
    const day = new Date().toISOString().slice(0, 10);
    const [text, type] =
      kind === "csv"
        ? [plan.toCSV(this.data, this.state), "text/csv"]
        : [plan.toJSON(this.state, new Date()), "application/json"];
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `action-plan-${day}.${kind}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0); // after the browser has started the download
  }
}

window.document$.subscribe(() => {
  const content = document.querySelector("[data-md-component=content]");
  if (content) start(content);
});
