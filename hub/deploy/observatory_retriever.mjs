// The Observatory's `retrieve`, for one URL of a local server that stands for the host's HTTPS
// end (`make preview` serves the built site under its production headers). The request goes
// through the Observatory's own Session (its HTTP client, headers and redirect handling), so
// headers reach its tests exactly as its scan reads them, duplicates joined as Node joins them.
// Not modelled: the host's plain-HTTP port (Netlify answers it with a redirect to HTTPS), so
// `http` stays null, and the CORS preflight (the site sets no CORS headers).
import { HTML_TYPES, Requests } from "@mdn/mdn-http-observatory/src/types.js";
import { Session, getPageText } from "@mdn/mdn-http-observatory/src/retriever/session.js";
import { parseHttpEquivHeaders } from "@mdn/mdn-http-observatory/src/retriever/utils.js";

const ACCEPT = ["Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"];

/**
 * @param {string} address the full URL to scan (passed to `scan` in place of a host name)
 * @returns {Promise<Requests>}
 */
export async function retrieve(address) {
  const url = new URL(address);
  const requests = new Requests(url.hostname);
  const session = await Session.fromUrl(url, { headers: ACCEPT });
  if (!session.response) {
    return requests;
  }
  requests.session = session;
  requests.responses.auto = session.response;
  requests.responses.https = session.response;
  requests.responses.httpsRedirects = session.redirectHistory;
  requests.resources.path = getPageText(session.response, true);
  const type = session.response.headers["content-type"]?.split(";")[0];
  session.response.httpEquiv =
    HTML_TYPES.has(type) && requests.resources.path
      ? parseHttpEquivHeaders(requests.resources.path, url.href)
      : new Map();
  return requests;
}
