/* A JSON file the build writes, fetched once a visit for a page tool: every view of the visit
 * (Material's instant navigation keeps modules loaded) shares the one request, and a request
 * that fails is forgotten, so the next view asks again rather than failing for good. */

/** A function that returns the file's parsed JSON, from one request while it succeeds. */
export function jsonOnce(url) {
  let file = null;
  return () => {
    if (!file) {
      file = fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json();
      });
      file.catch(() => {
        file = null; // try again next time
      });
    }
    return file;
  };
}
