/* Site search, the results: loaded by main.js when the visitor first opens the search.
 * Imports Pagefind's own JS API (site/pagefind/pagefind.js, written by hooks/search.py), which
 * fetches only the index chunks and fragments each query needs. Keyboard as Material's search:
 * arrow keys move between the box and the results, Enter opens one (main.js handles Esc).
 */
import { SHOWN, bundleUrls, countText, excerptRuns, nextPosition, normalise } from "./logic.js";

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
    input.addEventListener("input", () => this.search());
    input.form.addEventListener("reset", () => {
      window.setTimeout(() => this.search(), 0); // after the box is emptied
      input.focus();
    });
    document.addEventListener("keydown", (event) => this.onKey(event));
    // A chosen result closes the search, even one for the page already shown.
    // Its query's words go with it, for the page to mark (main.js keeps them in the tab).
    this.list.addEventListener("click", (event) => {
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

  links() {
    return [...this.list.querySelectorAll("a.md-search-result__link")];
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
    const link = this.links()[index];
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
          this.show(query, [], null);
          continue;
        }
        const found = await this.pagefind.search(query);
        if (query !== this.wanted) continue; // newer text was typed meanwhile: ask that
        if (!found) break;
        const pages = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
        if (query !== this.wanted) continue;
        this.show(query, pages, found.results.length);
      }
    } finally {
      this.running = false;
    }
  }

  show(query, pages, total) {
    this.shownQuery = query;
    this.list.replaceChildren(...pages.map((page) => resultItem(page)));
    this.status.textContent = total === null ? "Type to start searching" : countText(total, pages.length);
    this.list.hidden = pages.length === 0;
    this.list.dataset.query = query; // what the list answers (tests and `make bench` wait on it)
  }
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
