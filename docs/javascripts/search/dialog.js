/* Site search, the results: loaded by main.js when the visitor first opens the search.
 * Imports Pagefind's own JS API (site/pagefind/pagefind.js, written by hooks/search.py), which
 * fetches only the index chunks and fragments each query needs. Results come group by group,
 * guidance first (each group is its own filtered query, so a thousand posts that quote a guidance
 * page never push it down), each group with its best matches and a "Show more" button.
 * Keyboard as Material's search: arrow keys move between the box, the results and the buttons,
 * Enter opens a result (main.js handles Esc).
 */
import {
  FIRST_SHOWN,
  GROUPS,
  MORE,
  bundleUrls,
  countText,
  excerptRuns,
  groupHeading,
  moreText,
  nextPosition,
  normalise,
} from "./logic.js";

const urls = bundleUrls(import.meta.url);

export async function mount({ toggle, input, remember }) {
  const pagefind = await import(urls.pagefind.href);
  await pagefind.options({ baseUrl: urls.root.pathname });
  await pagefind.init();
  return new Search(pagefind, toggle, input, remember);
}

class Search {
  constructor(pagefind, toggle, input, remember) {
    this.pagefind = pagefind;
    this.toggle = toggle;
    this.input = input;
    this.status = document.getElementById("hub-search-status");
    this.list = document.getElementById("hub-search-results");
    this.wanted = ""; // the box's text, normalised
    this.running = false; // a query is being answered
    this.shownQuery = null; // the query the list answers
    this.groups = []; // the shown query's groups: {id, label, results}, for "Show more"
    input.addEventListener("input", () => this.search());
    input.form.addEventListener("reset", () => {
      window.setTimeout(() => this.search(), 0); // after the box is emptied
      input.focus();
    });
    document.addEventListener("keydown", (event) => this.onKey(event));
    // A chosen result closes the search, even one for the page already shown.
    // Its query's words go with it, for the page to mark (main.js keeps them in the tab).
    this.list.addEventListener("click", (event) => {
      const more = event.target.closest("button.hub-search-more");
      if (more) {
        this.showMore(more);
        return;
      }
      const link = event.target.closest("a");
      if (!link) return;
      remember(new URL(link.href).pathname, this.shownQuery.split(" "));
      this.close();
    });
    // Material's instant navigation (Back and Forward too) loads the next page into this one:
    // the search closes when the address changes (not on the first, current, emission).
    let shown = location.href;
    if (window.document$) {
      window.document$.subscribe(() => {
        if (location.href !== shown) this.close();
        shown = location.href;
      });
    }
  }

  open() {
    this.search();
  }

  // After a result is chosen or the page changes (main.js closes on Esc, and puts focus back).
  close() {
    this.toggle.checked = false;
    if (document.activeElement && this.dialogHas(document.activeElement)) document.activeElement.blur();
  }

  dialogHas(element) {
    return Boolean(element.closest && element.closest("[data-hub-search]"));
  }

  // What the arrow keys move through: every result, and each group's "Show more" button.
  links() {
    return [...this.list.querySelectorAll("a.md-search-result__link, button.hub-search-more")];
  }

  onKey(event) {
    if (!this.toggle.checked || !this.dialogHas(document.activeElement || document.body)) return;
    const links = this.links();
    const position = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = nextPosition(position, links.length, event.key === "ArrowDown" ? 1 : -1);
      (next === -1 ? this.input : links[next]).focus();
    } else if (event.key === "Enter" && document.activeElement === this.input) {
      event.preventDefault();
      this.choose(0);
    }
  }

  choose(index) {
    const link = this.list.querySelectorAll("a.md-search-result__link")[index];
    if (link) link.click(); // a click, so Material's instant navigation handles it
  }

  // One query at a time: Pagefind's worker answers in order, so a fast typist's every prefix
  // ("a", "ap", …, each matching much of a large site) would queue up ahead of the last one.
  // While a query runs, only the newest text waits; the ones typed between are never asked.
  async search() {
    this.wanted = normalise(this.input.value);
    if (this.running) return;
    this.running = true;
    try {
      while (this.wanted !== this.shownQuery) {
        const query = this.wanted;
        if (!query) {
          this.show(query, [], []);
          continue;
        }
        const found = await Promise.all(
          GROUPS.map((group) => this.pagefind.search(query, { filters: { group: group.id } })),
        );
        if (query !== this.wanted) continue; // newer text was typed meanwhile: ask that
        if (found.some((answer) => !answer)) break;
        const groups = GROUPS.map((group, index) => ({ ...group, results: found[index].results }));
        const pages = await Promise.all(groups.map((group) => pageData(group.results, 0, FIRST_SHOWN)));
        if (query !== this.wanted) continue;
        this.show(query, groups, pages);
      }
    } finally {
      this.running = false;
    }
  }

  show(query, groups, pages) {
    this.shownQuery = query;
    this.groups = groups;
    const shown = groups.map((group, index) => [group, pages[index]]).filter(([group]) => group.results.length);
    this.list.replaceChildren(...shown.map(([group, data]) => groupSection(group, data)));
    const totals = groups.map((group) => ({ label: group.label, total: group.results.length }));
    this.status.textContent = query ? countText(totals) : "Type to start searching";
    this.list.hidden = shown.length === 0;
    this.list.dataset.query = query; // what the list answers (tests and `make bench` wait on it)
  }

  // The next results of one group, added below the ones shown; focus moves to the first added,
  // so a keyboard user carries on from there.
  async showMore(button) {
    const group = this.groups.find((candidate) => candidate.id === button.dataset.group);
    const list = button.previousElementSibling;
    if (!group || button.disabled) return;
    const query = this.shownQuery;
    const from = list.children.length;
    button.disabled = true;
    const pages = await pageData(group.results, from, MORE);
    if (query !== this.shownQuery || !list.isConnected) return; // a newer query replaced the list
    list.append(...pages.map((page) => resultItem(page)));
    const label = moreText(group.label, list.children.length, group.results.length);
    const first = list.children[from] && list.children[from].querySelector("a");
    if (first) first.focus();
    if (label) {
      button.textContent = label;
      button.disabled = false;
    } else {
      button.remove();
    }
  }
}

// The data (title, excerpt, URL) of `count` results from `start`: one fragment fetch each.
function pageData(results, start, count) {
  return Promise.all(results.slice(start, start + count).map((result) => result.data()));
}

// One group: its heading with the count, its best matches, and "Show more" when there are more.
function groupSection(group, pages) {
  const section = document.createElement("section");
  section.className = "hub-search-group";
  section.setAttribute("aria-labelledby", `hub-search-group-${group.id}`);
  const heading = document.createElement("h2");
  heading.className = "hub-search-group__title";
  heading.id = `hub-search-group-${group.id}`;
  heading.textContent = groupHeading(group.label, group.results.length);
  const list = document.createElement("ol");
  list.className = "md-search-result__list";
  list.append(...pages.map((page) => resultItem(page)));
  section.append(heading, list);
  const label = moreText(group.label, pages.length, group.results.length);
  if (label) {
    const more = document.createElement("button");
    more.type = "button";
    more.className = "hub-search-more";
    more.dataset.group = group.id;
    more.textContent = label;
    section.append(more);
  }
  return section;
}

function resultItem(page) {
  const item = document.createElement("li");
  item.className = "md-search-result__item";
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = page.url;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  const kind = document.createElement("p");
  kind.className = "hub-search-result__kind";
  kind.textContent = (page.meta && page.meta.kind) || "Page";
  const title = document.createElement("p");
  title.className = "hub-search-result__title";
  title.textContent = (page.meta && page.meta.title) || page.url;
  const excerpt = document.createElement("p");
  for (const run of excerptRuns(page.excerpt)) {
    if (run.marked) {
      const mark = document.createElement("mark");
      mark.textContent = run.text;
      excerpt.append(mark);
    } else {
      excerpt.append(run.text);
    }
  }
  article.append(kind, title, excerpt);
  link.append(article);
  item.append(link);
  return item;
}
