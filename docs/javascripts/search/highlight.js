/* Marks the words of the search a visitor came from (?highlight=… in the address, put there
 * by the result they chose) in the page's indexed content, as Material's search did. Loaded by
 * main.js only on a page whose address asks for it. Pagefind's own highlighter (mark.js inside)
 * does the marking; its inline <style> is left out (the policy allows none): Material's
 * `.md-typeset mark` colours the marks in both schemes.
 */
import { HIGHLIGHT_PARAM, bundleUrls } from "./logic.js";

const urls = bundleUrls(import.meta.url);

export async function highlight() {
  const { default: PagefindHighlight } = await import(urls.highlight.href);
  // Within [data-pagefind-body] (the indexed article), leaving out [data-pagefind-ignore].
  new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
}
