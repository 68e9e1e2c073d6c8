/* Find an organisation: the filters on the directory's first page (loaded by main.js there).
 *
 * The page as built shows its first 100 organisations with numbered links to the rest, and
 * the form. The script leaves that page alone until a filter is set: then it fetches
 * organisations/filter.json (once a visit, as soon as the visitor reaches for the form, or at
 * once when the link carries a filter), shows the first 100 matches in place of the built
 * list, with "Show more" for the next, and puts the built list back when every filter is
 * cleared. With a region, the matches that work there come first and those that work there
 * as part of wider work follow under their own heading. The state lives in the URL query
 * (?search=&region=&stage=&support=&element=&type=) so a link reproduces the view and Back
 * steps through earlier views. The count is announced in a status region.
 */
import { jsonOnce } from "../shared/fetch.js";
import * as filter from "./logic.js";
import { stemmer } from "./stemmer.js";

const DATA_URL = new URL("../../organisations/filter.json", import.meta.url);
const ANNOUNCE_DELAY_MS = 400; // let a typist pause before the count is read out
const stem = filter.remembering(stemmer);
const loadData = jsonOnce(DATA_URL); // one request a visit; a failed one is tried again
let current = null; // the directory on the page now, if any

class Directory {
  constructor(form, remember) {
    this.form = form;
    this.remember = remember;
    this.search = form.elements.namedItem(filter.TEXT);
    this.selects = Object.fromEntries(filter.FILTERS.map((name) => [name, form.elements.namedItem(name)]));
    this.clearButton = form.querySelector("[data-hub-clear]");
    this.near = document.getElementById("hub-orgs");
    this.wider = document.getElementById("hub-orgs-wider");
    this.nearHeading = document.getElementById("hub-directory-here");
    this.widerHeading = document.getElementById("hub-directory-wider");
    this.noneHere = document.getElementById("hub-directory-none-here");
    this.status = document.getElementById("hub-directory-status");
    this.empty = document.getElementById("hub-directory-empty");
    this.more = document.getElementById("hub-directory-more");
    this.pages = document.getElementById("hub-directory-pages"); // absent when one page holds all
    this.built = {
      items: [...this.near.children],
      status: this.status.textContent,
      heading: this.nearHeading.textContent,
    };
    this.data = null; // the fetched data, once here
    this.items = null; // the prepared data, once fetched
    this.loading = null;
    this.nodes = new Map(); // slug -> list item, each made once
    this.shown = null; // { near, wider }: the items in the lists now, or null for the list as built
    this.limit = filter.PAGE_SIZE;
    this.typing = false;
    this.timer = 0;
  }

  state() {
    const state = { q: this.search.value.trim() };
    for (const name of filter.FILTERS) state[name] = this.selects[name].value;
    return state;
  }

  /* Put a state into the controls; values not offered by a select are dropped. */
  setControls(state) {
    this.search.value = state.q;
    for (const name of filter.FILTERS) {
      const select = this.selects[name];
      const known = [...select.options].some((option) => option.value === state[name]);
      select.value = known ? state[name] : "";
    }
  }

  /* Fetch and prepare the data once; the form says when it is ready (the benchmark waits on it). */
  ready() {
    if (!this.loading) {
      this.loading = loadData().then((data) => {
        this.data = data;
        this.items = filter.prepare(data, stem);
        this.form.setAttribute("data-hub-ready", "");
      });
      this.loading.catch(() => {
        this.loading = null; // the built list stays; the next change tries again
      });
    }
    return this.loading;
  }

  /* Show the view for the controls' state now, or once the data is here; announce it. */
  update(later) {
    const state = this.state();
    if (filter.isUnfiltered(state) || this.items) {
      this.announce(this.render(state), later);
    } else {
      this.ready().then(
        () => this.update(false),
        () => {},
      );
    }
  }

  /* Show the built list, or the first `limit` matches; return what the status should say. */
  render(state) {
    if (filter.isUnfiltered(state)) {
      if (this.shown) this.near.replaceChildren(...this.built.items);
      this.wider.replaceChildren();
      this.shown = null;
      this.groups(null, this.built.heading, 1);
      this.show(this.pages, true);
      this.show(this.more, false);
      this.show(this.empty, false);
      return this.built.status;
    }
    const found = filter.matches(this.items, state, stem);
    const near = found.near.slice(0, this.limit);
    const wider = found.wider.slice(0, Math.max(0, this.limit - near.length));
    if (this.shown) {
      this.patch(this.near, this.shown.near, near);
      this.patch(this.wider, this.shown.wider, wider);
    } else {
      this.near.replaceChildren(...near.map((item) => this.node(item)));
      this.wider.replaceChildren(...wider.map((item) => this.node(item)));
    }
    this.shown = { near, wider };
    const total = found.near.length + found.wider.length;
    const texts = state.region ? filter.groupTexts(state, this.data.areas) : null;
    this.groups(texts, "Matching organisations", total ? found.near.length : 0, wider.length);
    this.show(this.pages, false);
    this.show(this.more, total > this.limit);
    this.show(this.empty, total === 0);
    return filter.statusText(
      { near: found.near.length, wider: found.wider.length },
      this.items.length,
      this.limit,
      state,
      this.data.areas,
    );
  }

  /* The headings: one over every match, or with a region one over those that work there (or
   * the sentence that says none do) and one over those that work there as part of wider work. */
  groups(texts, heading, nearCount, widerCount = 0) {
    const any = nearCount + widerCount > 0;
    this.setText(this.nearHeading, texts ? texts.near : heading);
    this.show(this.nearHeading, nearCount > 0);
    this.show(this.near, nearCount > 0);
    this.setText(this.noneHere, texts && nearCount === 0 && widerCount > 0 ? texts.none : "");
    this.show(this.noneHere, Boolean(texts) && nearCount === 0 && widerCount > 0);
    this.setText(this.widerHeading, texts ? texts.wider : "");
    this.show(this.widerHeading, Boolean(texts) && widerCount > 0);
    this.show(this.wider, Boolean(texts) && widerCount > 0);
    // One way out of no results: the button beside the message, not this one as well.
    this.clearButton.classList.toggle("hub-filters__clear--idle", !any);
  }

  /* Change a list from the items `before` to `after` touching only the entries that come or
   * go: both are in the directory's order, so the entries that stay are already in place.
   * A keystroke that narrows the matches then moves a few entries, not a hundred. */
  patch(list, before, after) {
    const wanted = new Set(after);
    for (const item of before) if (!wanted.has(item)) this.node(item).remove();
    let next = list.firstElementChild;
    for (const item of after) {
      const node = this.node(item);
      if (node === next) next = next.nextElementSibling;
      else list.insertBefore(node, next);
    }
  }

  show(element, visible) {
    if (element && element.hidden === visible) element.hidden = !visible;
  }

  setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  /* The list item for one organisation: the markup of hub/directory/templates/org-item.html. */
  node(item) {
    let li = this.nodes.get(item.slug);
    if (!li) {
      li = document.createElement("li");
      li.className = "hub-org";
      const heading = document.createElement("h3");
      heading.className = "hub-org__name";
      heading.id = `org-${item.slug}`;
      const link = document.createElement("a");
      link.href = `${item.slug}/`;
      link.textContent = item.name;
      heading.append(link);
      li.append(heading, paragraph("hub-org__summary", item.summary), paragraph("hub-org__facts", item.facts));
      this.nodes.set(item.slug, li);
    }
    return li;
  }

  /* Reveal the next page of matches and move focus to the first entry it adds. */
  showMore() {
    const first = this.limit;
    this.limit += filter.PAGE_SIZE;
    this.announce(this.render(this.state()), false);
    const entries = [...this.near.children, ...this.wider.children];
    const link = entries[first] && entries[first].querySelector("a");
    if (link) link.focus();
  }

  announce(text, later) {
    clearTimeout(this.timer);
    if (later) {
      this.timer = setTimeout(() => {
        this.status.textContent = text;
      }, ANNOUNCE_DELAY_MS);
    } else {
      this.status.textContent = text;
    }
  }

  /* A new history entry for a new view; typing replaces its own entry as it goes. */
  record(replace) {
    const query = filter.queryString(this.state());
    this.remember(query);
    const url = location.pathname + query;
    if (url === location.pathname + location.search) return;
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }

  onTyping() {
    this.limit = filter.PAGE_SIZE;
    this.update(true);
    this.record(this.typing);
    this.typing = true;
  }

  onSelect() {
    this.typing = false;
    this.limit = filter.PAGE_SIZE;
    this.update(false);
    this.record(false);
  }

  clear() {
    this.setControls(filter.readQuery(""));
    this.onSelect();
    this.search.focus();
  }

  fromLocation() {
    this.typing = false;
    this.limit = filter.PAGE_SIZE;
    this.setControls(filter.readQuery(location.search));
    this.remember(filter.queryString(this.state()));
    this.update(false);
  }
}

function paragraph(className, text) {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}

/* Run the filters of the directory whose form is `form`; `remember(query)` keeps each view's
 * query string for the way back from an organisation's page (main.js). */
export function start(form, remember) {
  if (current && current.form === form) return; // this page's form runs already
  const directory = new Directory(form, remember);
  current = directory;
  form.addEventListener("submit", (event) => event.preventDefault());
  // Fetch the data as the visitor reaches for the form, so the first filter does not wait.
  for (const type of ["focusin", "pointerdown"]) {
    form.addEventListener(type, () => directory.ready().catch(() => {}), { once: true });
  }
  directory.search.addEventListener("input", () => directory.onTyping());
  directory.search.addEventListener("change", () => {
    directory.typing = false;
  });
  for (const name of filter.FILTERS) {
    directory.selects[name].addEventListener("change", () => directory.onSelect());
  }
  for (const button of document.querySelectorAll("[data-hub-clear]")) {
    button.addEventListener("click", () => directory.clear());
  }
  directory.more.querySelector("button").addEventListener("click", () => directory.showMore());
  directory.fromLocation();
  form.setAttribute("data-hub-live", ""); // the script runs (tests wait on it)
}

window.addEventListener("popstate", () => {
  if (current && document.body.contains(current.form)) current.fromLocation();
});
