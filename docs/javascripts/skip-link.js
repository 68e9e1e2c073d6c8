/* The "Skip to main content" link moves focus to the content area, and nothing else happens.
 *
 * Left to the browser, the link is a fragment navigation, and with `navigation.instant`
 * Material treats the first location change on a page opened directly (the link's click, or
 * the popstate the fragment navigation fires) as a new page: it fetches the same page again
 * and replaces the whole content area. The content area a keyboard user had just reached is
 * thrown away some 50-300 ms later, focus falls back to the body (or is pulled back to the
 * new content area after they have tabbed on), and the next Tab starts from the top again.
 *
 * So the click is handled here, before it reaches Material's listener on the body: no
 * navigation, the target takes focus (it has tabindex="-1") and is scrolled into view.
 * The listener sits on the document, which instant navigation never replaces. Without
 * JavaScript the link is a plain fragment link, and Material's code is not running either.
 */
(function () {
  "use strict";

  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element ? event.target.closest("a.hub-skip") : null;
      if (!link) return;
      var target = document.getElementById(link.hash.slice(1));
      if (!target) return; // let the browser follow the link as it is
      event.preventDefault();
      event.stopPropagation(); // capture phase: Material's body listener never sees it
      target.focus();
    },
    true
  );
})();
