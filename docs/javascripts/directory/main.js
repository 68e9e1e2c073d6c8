/* Find an organisation: the page side. Loaded (as a module) on the directory's first page
 * only, through its `tools` meta.
 *
 * The page as built shows its first 100 organisations with numbered links to the rest, and
 * the form. The script leaves that page alone until a filter is set: then it fetches
 * organisations/filter.json (once a visit, as soon as the visitor reaches for the form, or at
 * once when the link carries a filter), shows the first 100 matches in place of the built
 * list, with "Show more" for the next, and puts the built list back when every filter is
 * cleared. The state lives in the URL query (?search=&region=&support=&element=&type=) so a
 * link reproduces the view and Back steps through earlier views. The count is announced in
 * a status region. Runs from Material's `document$`, however the visitor arrives.
 */
import * as filter from "./filter.js";

const DATA_URL = new URL("../../organisations/filter.json", import.meta.url);
const ANNOUNCE_DELAY_MS = 400; // let a typist pause before the count is read out
let dataFile = null; // one fetch per visit
let current = null; // the directory on the page now, if any

function loadData() {
  if (!dataFile) {
    dataFile = fetch(DATA_URL).then((response) => {
      if (!response.ok) throw new Error(`${DATA_URL}: ${response.status}`);
      return response.json();
    });
    dataFile.catch(() => {
      dataFile = null; // try again on the next filter
    });
  }
  return dataFile;
}

class Directory {
  constructor(form) {
    this.form = form;
    this.search = form.elements.namedItem(filter.TEXT);
    this.selects = Object.fromEntries(filter.FILTERS.map((name) => [name, form.elements.namedItem(name)]));
    this.list = document.getElementById("hub-orgs");
    this.status = document.getElementById("hub-directory-status");
    this.empty = document.getElementById("hub-directory-empty");
    this.more = document.getElementById("hub-directory-more");
    this.pages = document.getElementById("hub-directory-pages"); // absent when one page holds all
    this.built = { items: [...this.list.children], status: this.status.textContent };
    this.items = null; // the prepared data, once fetched
    this.loading = null;
    this.nodes = new Map(); // slug -> list item, each made once
    this.shown = null; // the items in the list now, or null for the list as built
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
        this.items = filter.prepare(data);
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
      this.ready().then(() => this.update(false), () => {});
    }
  }

  /* Show the built list, or the first `limit` matches; return what the status should say. */
  render(state) {
    if (filter.isUnfiltered(state)) {
      if (this.shown) this.list.replaceChildren(...this.built.items);
      this.shown = null;
      this.show(this.pages, true);
      this.show(this.more, false);
      this.show(this.empty, false);
      return this.built.status;
    }
    const found = filter.matches(this.items, state);
    const visible = found.slice(0, this.limit);
    if (this.shown) this.patch(visible);
    else this.list.replaceChildren(...visible.map((item) => this.node(item)));
    this.shown = visible;
    this.show(this.pages, false);
    this.show(this.more, found.length > this.limit);
    this.show(this.empty, found.length === 0);
    return filter.statusText(found.length, this.items.length, this.limit);
  }

  /* Change the list from the items shown to `visible` touching only the entries that come
   * or go: both are in the directory's order, so the entries that stay are already in place.
   * A keystroke that narrows the matches then moves a few entries, not a hundred. */
  patch(visible) {
    const wanted = new Set(visible);
    for (const item of this.shown) if (!wanted.has(item)) this.node(item).remove();
    let next = this.list.firstElementChild;
    for (const item of visible) {
      const node = this.node(item);
      if (node === next) next = next.nextElementSibling;
      else this.list.insertBefore(node, next);
    }
  }

  show(element, visible) {
    if (element && element.hidden === visible) element.hidden = !visible;
  }

  /* The list item for one organisation: the markup of hub/directory/templates/org-item.html. */
  node(item) {
    let li = this.nodes.get(item.slug);
    if (!li) {
      li = document.createElement("li");
      li.className = "hub-org";
      const heading = document.createElement("h2");
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
    const link = this.list.children[first] && this.list.children[first].querySelector("a");
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
    const url = location.pathname + filter.queryString(this.state());
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
    this.update(false);
  }
}

function paragraph(className, text) {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}

function start() {
  const form = document.getElementById("hub-filters");
  current = null;
  if (!form || !document.getElementById("hub-orgs")) return;
  const directory = new Directory(form);
  current = directory;
  form.addEventListener("submit", (event) => event.preventDefault());
  form.setAttribute("data-hub-live", ""); // the script runs (tests wait on it)
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
}

window.addEventListener("popstate", () => {
  if (current && document.body.contains(current.form)) current.fromLocation();
});

window.document$.subscribe(start);
