/* Find an organisation: search and filters over the list rendered at build time.
 *
 * Without JavaScript the full list stands and the (hidden) form never shows. With it, the
 * form appears, every change narrows the list at once, the count is announced in a status
 * region, and the state lives in the URL query (?search=&region=&support=&element=&type=) so
 * a link reproduces the view and Back steps through earlier views. Runs from Material's
 * `document$` so it survives instant navigation.
 *
 * The words go in `search`, not `q`: Material opens its own site search dialog whenever the
 * URL has a `q` parameter, which would cover the directory on every shared link.
 */
(function () {
  "use strict";

  var TEXT = "search";
  var FILTERS = ["region", "support", "element", "type"];
  var ANNOUNCE_DELAY_MS = 400; // let a typist pause before the count is read out
  // At most this many matches are shown at once, and "Show more" adds as many again: laying
  // out thousands of entries on every keystroke takes seconds, a page of them takes a frame.
  var PAGE_SIZE = 100;
  var current = null; // the directory on the page now, if any

  function readQuery(search) {
    var params = new URLSearchParams(search);
    var state = { q: (params.get(TEXT) || "").trim() };
    FILTERS.forEach(function (name) {
      state[name] = params.get(name) || "";
    });
    return state;
  }

  function queryString(state) {
    var params = new URLSearchParams();
    if (state.q) params.set(TEXT, state.q);
    FILTERS.forEach(function (name) {
      if (state[name]) params.set(name, state[name]);
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function Directory(form) {
    var list = document.getElementById("hub-orgs");
    this.form = form;
    this.search = form.elements.namedItem(TEXT);
    this.selects = {};
    FILTERS.forEach(function (name) {
      this.selects[name] = form.elements.namedItem(name);
    }, this);
    this.status = document.getElementById("hub-directory-status");
    this.empty = document.getElementById("hub-directory-empty");
    this.more = document.getElementById("hub-directory-more");
    this.limit = PAGE_SIZE;
    this.items = Array.prototype.map.call(list.children, function (el) {
      return {
        el: el,
        text: el.getAttribute("data-text") || "",
        region: (el.getAttribute("data-region") || "").split(" "),
        support: (el.getAttribute("data-support") || "").split(" "),
        element: (el.getAttribute("data-element") || "").split(" "),
        type: [el.getAttribute("data-type") || ""],
        shown: !el.hidden,
      };
    });
    this.typing = false;
    this.timer = 0;
  }

  Directory.prototype.state = function () {
    var state = { q: this.search.value.trim() };
    FILTERS.forEach(function (name) {
      state[name] = this.selects[name].value;
    }, this);
    return state;
  };

  /* Put a state into the controls; values not offered by a select are dropped. */
  Directory.prototype.setControls = function (state) {
    this.search.value = state.q;
    FILTERS.forEach(function (name) {
      var select = this.selects[name];
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === state[name];
      });
      select.value = known ? state[name] : "";
    }, this);
  };

  /* Show the items that match every filter and every search word; return how many. */
  Directory.prototype.apply = function (state) {
    var terms = words(state.q);
    var wanted = FILTERS.filter(function (name) {
      return state[name];
    });
    var count = 0;
    for (var i = 0; i < this.items.length; i++) {
      var item = this.items[i];
      var show = true;
      for (var f = 0; show && f < wanted.length; f++) {
        show = item[wanted[f]].indexOf(state[wanted[f]]) !== -1;
      }
      for (var t = 0; show && t < terms.length; t++) {
        show = item.text.indexOf(terms[t]) !== -1;
      }
      var visible = show && count < this.limit;
      if (visible !== item.shown) {
        item.el.hidden = !visible;
        item.shown = visible;
      }
      if (show) count++;
    }
    this.empty.hidden = count !== 0;
    if (this.more) this.more.hidden = count <= this.limit;
    return count;
  };

  /* Reveal the next page of matches and move focus to the first entry it adds. */
  Directory.prototype.showMore = function () {
    var first = this.limit;
    this.limit += PAGE_SIZE;
    var count = this.apply(this.state());
    this.announce(count, false);
    var shown = this.items.filter(function (item) {
      return item.shown;
    });
    var link = shown[first] && shown[first].el.querySelector("a");
    if (link) link.focus();
  };

  Directory.prototype.announce = function (count, later) {
    var total = this.items.length;
    var text =
      count === total && count <= this.limit
        ? "Showing all " + total + " organisations."
        : count === 0
          ? "No organisations match these filters."
          : count > this.limit
            ? count + " of " + total + " organisations match; showing the first " + this.limit + "."
            : "Showing " + count + " of " + total + " organisations.";
    var status = this.status;
    clearTimeout(this.timer);
    if (later) {
      this.timer = setTimeout(function () {
        status.textContent = text;
      }, ANNOUNCE_DELAY_MS);
    } else {
      status.textContent = text;
    }
  };

  /* A new history entry for a new view; typing replaces its own entry as it goes. */
  Directory.prototype.record = function (replace) {
    var url = location.pathname + queryString(this.state());
    if (url === location.pathname + location.search) return;
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  };

  Directory.prototype.onTyping = function () {
    this.limit = PAGE_SIZE;
    this.announce(this.apply(this.state()), true);
    this.record(this.typing);
    this.typing = true;
  };

  Directory.prototype.onSelect = function () {
    this.typing = false;
    this.limit = PAGE_SIZE;
    this.announce(this.apply(this.state()), false);
    this.record(false);
  };

  Directory.prototype.clear = function () {
    this.setControls(readQuery(""));
    this.onSelect();
    this.search.focus();
  };

  Directory.prototype.fromLocation = function () {
    this.typing = false;
    this.limit = PAGE_SIZE;
    this.setControls(readQuery(location.search));
    this.announce(this.apply(this.state()), false);
  };

  function start() {
    var form = document.getElementById("hub-filters");
    current = null;
    if (!form || !document.getElementById("hub-orgs")) return;
    var directory = new Directory(form);
    current = directory;
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    directory.search.addEventListener("input", function () {
      directory.onTyping();
    });
    directory.search.addEventListener("change", function () {
      directory.typing = false;
    });
    FILTERS.forEach(function (name) {
      directory.selects[name].addEventListener("change", function () {
        directory.onSelect();
      });
    });
    document.querySelectorAll("[data-hub-clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        directory.clear();
      });
    });
    if (directory.more) {
      directory.more.querySelector("button").addEventListener("click", function () {
        directory.showMore();
      });
    }
    directory.fromLocation();
  }

  window.addEventListener("popstate", function () {
    if (current && document.body.contains(current.form)) current.fromLocation();
  });

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }

})();
