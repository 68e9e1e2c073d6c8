/* Your action plan: the page side. Loaded (as a module) only on the pages that use it: the
 * element pages with checklists, the strategy page and /plan/.
 *
 * Reads the actions file the build writes, keeps the visitor's ticks, owners and dates in
 * localStorage under one key (logic.js STORE), and fills in "where you stand". Nothing is sent
 * anywhere: it requests its own modules and two shared ones (storage, fetch), the actions
 * file once per visit, and the shared CSV writer and download helper (plain files) the first
 * time a file is asked for. What is stored is
 * read like a file from outside (logic.js readSaved), and a save the browser refuses is
 * reported: the page then shows what is really saved. Runs from Material's `document$`, so
 * it works however the visitor arrives (instant navigation included).
 */
import { jsonOnce } from "../shared/fetch.js";
import { browserStorage } from "../shared/storage.js";
import * as plan from "./logic.js";

const ROOT = new URL("../../", import.meta.url);
const ACTIONS_URL = new URL("plan/actions.json", ROOT);
// Material's phone layout: there the plan's groups start closed, so the page opens on the
// summary, where to start and four headings with their progress rather than every action.
const PHONE = "(max-width: 44.9375em)";
const loadActions = jsonOnce(ACTIONS_URL); // one request a visit, shared by every page shown

/* What is saved in this browser: { state, problem, blocked, moved } (logic.js readSaved). */
function readSaved(merged) {
  return plan.readSaved(browserStorage(), merged);
}

/* Save; false when the browser refuses (quota, private mode, storage turned off). */
function save(state) {
  return plan.save(browserStorage(), state) === "";
}

function start(content) {
  if (!content.querySelector("[data-hub-action], [data-hub-standing], [data-hub-plan]")) return;
  loadActions().then(
    (data) => new Tool(content, data).show(),
    () => {} // without the actions file the page stays as it reads without JavaScript
  );
}

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

class Tool {
  constructor(content, data) {
    this.content = content;
    this.data = data;
    this.merged = data.merged || {};
    this.byId = new Map(data.actions.map((a) => [a.id, a]));
    const saved = readSaved(this.merged);
    this.state = saved.state;
    this.problem = saved.problem;
    this.blocked = saved.blocked;
    // Ticks of merged ids, moved to the action that stayed, are saved at once (not on the
    // next tick), so every page reads the same progress.
    if (saved.moved && !saved.problem) save(this.state);
    this.boxes = [...content.querySelectorAll("input[data-hub-action]")];
    this.filter = { show: "open", tier: "all" };
  }

  show() {
    for (const box of this.boxes) {
      box.disabled = false;
      box.addEventListener("change", () => this.change((state) => plan.setDone(state, box.dataset.hubAction, box.checked)));
    }
    for (const field of this.content.querySelectorAll("[data-hub-note]")) {
      const id = field.closest("[data-hub-item]").dataset.hubItem;
      field.addEventListener("input", () => this.change((state) => plan.setNote(state, id, field.dataset.hubNote, field.value), false));
    }
    const planned = this.content.querySelector("[data-hub-plan]");
    this.planned = planned;
    if (planned) this.showPlan(planned);
    this.refresh();
  }

  /* Apply a change to what is saved now (another tab may have saved since) and save it. If
   * the browser refuses, the page goes back to what is saved and says so. */
  change(edit, redraw = true) {
    if (this.blocked) {
      this.state = edit(this.state); // nothing can be saved: this visit only, as the page says
    } else {
      const saved = readSaved(this.merged);
      const next = edit(saved.state);
      if (save(next)) {
        this.state = next;
        this.problem = "";
      } else {
        this.state = saved.state;
        this.problem = plan.NOT_SAVED;
        redraw = true;
      }
    }
    if (redraw) this.refresh();
    else this.showValues();
  }

  replace(state) {
    if (!this.blocked && !save(state)) {
      this.state = readSaved(this.merged).state;
      this.problem = plan.NOT_SAVED;
      this.refresh();
      return false;
    }
    this.state = state;
    this.problem = this.blocked ? plan.NO_STORAGE : "";
    this.refresh();
    this.order();
    return true;
  }

  refresh() {
    for (const box of this.boxes) {
      box.checked = plan.isDone(this.state, box.dataset.hubAction);
      const item = box.closest("[data-hub-item]");
      if (item) {
        item.classList.toggle("hub-plan__item--done", box.checked);
        item.querySelector("[data-hub-fields]").hidden = box.checked;
        for (const field of item.querySelectorAll("[data-hub-note]")) {
          const note = this.state.notes[item.dataset.hubItem];
          const value = note ? note[field.dataset.hubNote] : "";
          if (field.value !== value) field.value = value;
        }
      }
    }
    this.showValues();
    for (const block of this.content.querySelectorAll("[data-hub-standing]")) this.showStanding(block);
    for (const count of this.content.querySelectorAll("[data-hub-count]")) {
      const tally = this.tally(count.dataset.hubCount);
      count.textContent = `${plan.describe(tally)}. ${plan.stage(tally)}.`;
      count.hidden = false;
    }
    let message = plan.staleMessage(plan.unknownTicks(this.data.actions, this.state).length);
    if (this.problem) message = message ? `${this.problem} ${message}` : this.problem;
    for (const note of this.content.querySelectorAll("[data-hub-stale]")) {
      note.textContent = message;
      note.hidden = !message;
    }
    if (this.planned) this.refreshPlan(this.planned);
  }

  tally(elementId) {
    return plan.counts(
      this.data.actions.filter((a) => a.element === elementId),
      this.state
    );
  }

  /* The printed owner and date: plain text, never clipped like a form field. */
  showValues() {
    for (const value of this.content.querySelectorAll("[data-hub-value]")) {
      const note = this.state.notes[value.closest("[data-hub-item]").dataset.hubItem];
      const text = note ? note[value.dataset.hubValue] : "";
      value.textContent = value.dataset.hubValue === "due" ? plan.dayText(text) : text;
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
    const link = (row) => {
      const item = element("li", "hub-standing__row");
      const anchor = element("a", "", row.label);
      anchor.href = new URL(row.url, ROOT).pathname;
      item.append(anchor, `: ${row.text}. Stage: ${row.stage}.`);
      return item;
    };
    block.querySelector("[data-hub-standing-list]").replaceChildren(
      ...plan.summaryRows(this.data, this.state).map((row) => {
        const item = link(row);
        if (row.pages.length) {
          const pages = element("ul", "hub-standing__pages");
          const intro = element("li", "hub-standing__note", "Of these, written on its other pages:");
          pages.append(intro, ...row.pages.map(link));
          item.append(pages);
        }
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
    for (const part of planned.querySelectorAll("[data-hub-tools], [data-hub-filters], [data-hub-glance], [data-hub-start]")) {
      part.hidden = false;
    }
    const printed = planned.querySelector("[data-hub-printed]");
    const stamp = () => (printed.textContent = `Printed on ${plan.longDate(new Date())}`);
    stamp();
    printed.hidden = false;
    this.order();
    const closed = window.matchMedia(PHONE).matches;
    for (const group of planned.querySelectorAll("[data-hub-group]")) {
      this.collapsible(group);
      if (closed) this.expand(group, false);
    }
    // A link to a group or an action (the table of contents, a bookmark) opens its group.
    this.onHash = () => this.openHash();
    window.addEventListener("hashchange", this.onHash);
    this.openHash();
    for (const choice of planned.querySelectorAll("[data-hub-filter]")) {
      choice.addEventListener("change", () => {
        this.filter[choice.dataset.hubFilter] = choice.value;
        this.applyFilter(true);
      });
    }
    for (const choice of planned.querySelectorAll("[data-hub-print-done]")) {
      choice.addEventListener("change", () => this.refreshPlan(planned));
    }
    planned.querySelector("[data-hub-print]").addEventListener("click", () => {
      stamp(); // the page may have been open since yesterday
      window.print();
    });
    this.applyFilter(false);
    const message = planned.querySelector("[data-hub-message]");
    const say = (text) => (message.textContent = text);
    for (const button of planned.querySelectorAll("[data-hub-download]")) {
      button.addEventListener("click", () => this.download(button.dataset.hubDownload));
    }
    planned.querySelector("[data-hub-clear]").addEventListener("click", () => {
      if (!window.confirm("Clear every tick, owner and date saved in this browser? This cannot be undone.")) return;
      plan.clearSaved(browserStorage()); // a browser that refuses has nothing stored to clear
      this.replace(plan.emptyState());
      this.applyFilter(true);
      say("Cleared: nothing is saved in this browser now.");
    });
    this.wireLoad(planned, say);
  }

  /* A group's heading becomes a button that shows or hides its actions (on screen only: the
   * printout always holds every group). */
  collapsible(group) {
    const heading = group.querySelector(".hub-plan__heading");
    const body = group.querySelector("[data-hub-body]");
    const button = element("button", "hub-plan__toggle");
    button.type = "button";
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-controls", body.id);
    button.append(...heading.childNodes);
    heading.append(button);
    button.addEventListener("click", () => this.expand(group, button.getAttribute("aria-expanded") !== "true"));
  }

  openHash() {
    if (!this.planned.isConnected) {
      window.removeEventListener("hashchange", this.onHash); // the visitor has moved on
      return;
    }
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    const group = target && this.planned.contains(target) && target.closest("[data-hub-group]");
    if (group) this.expand(group, true);
  }

  expand(group, open) {
    group.querySelector(".hub-plan__toggle").setAttribute("aria-expanded", String(open));
    group.querySelector("[data-hub-body]").classList.toggle("hub-plan__body--closed", !open);
  }

  /* Show the actions the filters choose. A tick does not hide its action at once (the box
   * would vanish from under the pointer); choosing a filter again, or a reload, does. */
  applyFilter(announce) {
    const planned = this.planned;
    let shown = 0;
    for (const group of planned.querySelectorAll("[data-hub-group]")) {
      let inGroup = 0;
      for (const tier of group.querySelectorAll("[data-hub-tier]")) {
        let inTier = 0;
        for (const item of tier.querySelectorAll("[data-hub-item]")) {
          const visible = plan.shown(this.byId.get(item.dataset.hubItem), this.state, this.filter);
          item.classList.toggle("hub-plan__filtered", !visible);
          inTier += visible ? 1 : 0;
        }
        tier.classList.toggle("hub-plan__filtered", inTier === 0);
        inGroup += inTier;
      }
      group.querySelector("[data-hub-none]").hidden = inGroup > 0;
      shown += inGroup;
    }
    const words = { open: "still to do", done: "done", all: "done or not" }[this.filter.show];
    const tier = this.data.tiers.find((t) => t.id === this.filter.tier);
    const where = tier ? `in "${tier.label}"` : "in both checklists";
    const text = `Showing ${shown} of ${this.data.actions.length} actions: those ${words}, ${where}.`;
    const showing = planned.querySelector("[data-hub-showing]");
    if (announce || !showing.textContent) showing.textContent = text;
  }

  refreshPlan(planned) {
    const rows = planned.querySelector("[data-hub-glance-rows]");
    rows.replaceChildren(
      ...this.data.elements.map((el) => {
        const tally = this.tally(el.id);
        const row = element("tr");
        const name = element("th", "", el.label);
        name.scope = "row";
        row.append(
          name,
          element("td", "", plan.stage(tally)),
          element("td", "", `${tally.starting.done} of ${tally.starting.total}`),
          element("td", "", `${tally.best.done} of ${tally.best.total}`)
        );
        return row;
      })
    );
    for (const group of planned.querySelectorAll("[data-hub-group]")) {
      group.querySelector("[data-hub-progress]").textContent = plan.progress(this.tally(group.dataset.hubGroup));
    }
    for (const tier of planned.querySelectorAll("[data-hub-tier]")) {
      const ids = [...tier.querySelectorAll("[data-hub-item]")].map((item) => item.dataset.hubItem);
      tier.classList.toggle("hub-plan__tier--done", ids.every((id) => plan.isDone(this.state, id)));
    }
    this.showStart(planned);
    const done = this.data.actions.filter((a) => plan.isDone(this.state, a.id));
    const list = planned.querySelector("[data-hub-done-list]");
    const choice = planned.querySelector("[data-hub-print-done]:checked");
    list.hidden = !done.length || choice.value !== "list";
    planned.classList.toggle("hub-plan--done-out", choice.value !== "list");
    const labels = Object.fromEntries(this.data.elements.map((e) => [e.id, e.label]));
    list.querySelector("[data-hub-done-items]").replaceChildren(
      ...done.map((a) => element("li", "", `${a.text} (${labels[a.element]})`))
    );
  }

  showStart(planned) {
    const next = plan.whereToStart(this.data.actions, this.state);
    planned.querySelector("[data-hub-start-text]").textContent = next.length
      ? "The next starting-out actions you have not ticked, in the order the guidance gives them:"
      : "Every starting-out action is ticked. The among-the-best actions below are next.";
    planned.querySelector("[data-hub-start-list]").replaceChildren(
      ...next.map((action) => {
        const item = element("li");
        const link = element("a", "", action.text);
        link.href = `#plan-${action.id}-item`;
        link.addEventListener("click", (event) => {
          // Handled here, not by instant navigation (which would scroll to the item while
          // its group is closed, and move focus away from its box).
          event.preventDefault();
          event.stopPropagation();
          this.reveal(action.id);
        });
        item.append(link);
        return item;
      })
    );
  }

  /* Bring an action into view with its box focused: its group opened, the filters widened
   * if they hide it. */
  reveal(id) {
    const item = this.planned.querySelector(`[data-hub-item="${CSS.escape(id)}"]`);
    const group = item.closest("[data-hub-group]");
    this.expand(group, true);
    if (item.classList.contains("hub-plan__filtered")) {
      for (const choice of this.planned.querySelectorAll("[data-hub-filter][value='all']")) {
        choice.checked = true;
        this.filter[choice.dataset.hubFilter] = "all";
      }
      this.applyFilter(true);
    }
    item.scrollIntoView({ block: "center" });
    item.querySelector("[data-hub-action]").focus({ preventScroll: true });
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
      pending = plan.migrate(read.state, this.merged).state;
      const ticks = Object.keys(pending.done).length;
      const notes = Object.keys(pending.notes).length;
      const when = read.saved ? `, saved on ${plan.longDate(read.saved)},` : "";
      confirm.querySelector("[data-hub-confirm-text]").textContent =
        `This file${when} has ${ticks} ticked ${ticks === 1 ? "action" : "actions"} and ` +
        `${notes} ${notes === 1 ? "note" : "notes"}. Loading it replaces the progress saved in this browser.`;
      confirm.hidden = false;
      say("");
      confirm.querySelector("[data-hub-confirm-yes]").focus();
    });
    confirm.querySelector("[data-hub-confirm-yes]").addEventListener("click", () => {
      const loaded = pending ? this.replace(pending) : false;
      close();
      this.applyFilter(true);
      say(
        loaded
          ? "Progress loaded from the file."
          : "This browser did not save the file's progress: its storage for this site is full or " +
              "turned off. Your progress in this browser has not changed."
      );
      input.focus();
    });
    confirm.querySelector("[data-hub-confirm-no]").addEventListener("click", () => {
      close();
      say("Nothing was loaded. Your progress in this browser has not changed.");
      input.focus();
    });
  }

  /* The shared CSV writer and download helper are loaded only when a file is asked for, so
   * they cost nothing on the pages that only tick. */
  async download(kind) {
    const day = new Date().toISOString().slice(0, 10);
    const [{ toCsv }, { download }] = await Promise.all([
      import("../shared/csv.js"),
      import("../shared/download.js"),
    ]);
    const [text, type] =
      kind === "csv"
        ? [toCsv(plan.csvRows(this.data, this.state)), "text/csv"]
        : [plan.toJSON(this.state, new Date()), "application/json"];
    download(`action-plan-${day}.${kind}`, text, `${type};charset=utf-8`);
  }
}

window.document$.subscribe(() => {
  const content = document.querySelector("[data-md-component=content]");
  if (content) start(content);
});
