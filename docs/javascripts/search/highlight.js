/* Marks the words of the search a visitor came from (main.js passes them, kept in the tab's
 * sessionStorage, never in the address) in the page's indexed content, as Material's search
 * did. Loaded by main.js only on the page a result opened. Pagefind's own highlighter
 * (mark.js inside) does the marking, within [data-pagefind-body] and leaving out
 * [data-pagefind-ignore]; its inline <style> is left out (the policy allows none): Material's
 * `.md-typeset mark` colours the marks in both schemes.
 */
import { bundleUrls } from "./logic.js";

const urls = bundleUrls(import.meta.url);
// Pagefind's highlighter marks the words of an address parameter when it is made; given one no
// address carries, it marks nothing then, and is asked for these words instead.
const NO_PARAMETER = "hub-none";

export async function highlight(words) {
  const { default: PagefindHighlight } = await import(urls.highlight.href);
  const marker = new PagefindHighlight({ highlightParam: NO_PARAMETER, addStyles: false });
  marker.markText(marker.createMarkInstance(), words);
}
