/* Downloads for the page tools: a file made in the browser, saved by the browser, sent nowhere. */

/** Offer `text` as a file called `filename`. */
export function download(filename, text, type = "text/csv;charset=utf-8") {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
