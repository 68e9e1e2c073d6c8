/* The journey pages' worker: reads a loaded file off the main thread (read.js) and posts the
 * result back. It makes no request of its own: the file's text comes from the page. */
import { readFile } from "./read.js";

self.addEventListener("message", (event) => {
  const { id, analysis, text, config } = event.data;
  let result;
  try {
    result = readFile(analysis, text, config);
  } catch (error) {
    result = { errors: [`The file could not be read (${error.message}).`] };
  }
  self.postMessage({ id, result });
});
