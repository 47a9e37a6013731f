/* Build the lunr index of a built site once, at build time, with the very code the reader's browser would run.
 *
 * Usage: node build-index.js SITE_DIR
 *
 * Loads the site's own Material search worker (assets/javascripts/workers/search.*.min.js) in a Node VM context
 * with the worker globals it needs (self, addEventListener, postMessage, importScripts), sends it the search
 * index as Material's page would, and captures lunr's builder once every document is indexed
 * (lunr-nl-extension.js, section C). The same worker, the same lunr, the same Dutch pipeline as in the browser.
 * What the browser needs to finish the index without tokenizing or stemming anything (the terms with, per field,
 * the documents and term frequencies; the field lengths) is written into search/search_index.json under the
 * first document's key "lunr", documents numbered by their place in the list.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const SETUP = 0;  // Material's SearchMessageType.SETUP

async function main(site) {
  const indexPath = path.join(site, "search", "search_index.json");
  const text = fs.readFileSync(indexPath, "utf8");
  const data = JSON.parse(text);
  if (!data.docs.length) return;
  const workers = path.join(site, "assets", "javascripts", "workers");
  const worker = fs.readdirSync(workers).find(name => /^search\..*\.min\.js$/.test(name));
  if (!worker) throw new Error(`no Material search worker in ${workers}`);

  let handler = null, built = null, reply = null;
  const context = {
    console, setTimeout, clearTimeout,
    addEventListener: (type, fn) => { if (type === "message") handler = fn; },
    postMessage: message => { reply = message; },
    importScripts: (...urls) => {
      for (const url of urls) {
        const file = path.resolve(workers, url);
        vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
      }
    },
    symposiumCapture: builder => { built = builder; },
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(workers, worker), "utf8"), context, { filename: worker });
  if (!handler) throw new Error(`${worker} registered no message handler`);
  await handler({ data: { type: SETUP, data: data } });
  if (!built) throw new Error(`the search worker built no index (reply: ${JSON.stringify(reply)})`);

  const pristine = JSON.parse(text);  // the worker added `parent` links to the documents it was given
  pristine.docs[0].lunr = terms(built, pristine.docs.map(doc => doc.location));
  fs.writeFileSync(indexPath, JSON.stringify(pristine));
}

/* [["", lengths per field], [term, [doc, tf, doc, tf, …] per field], …], terms sorted (same input, same bytes). */
function terms(builder, locations) {
  const fields = Object.keys(builder._fields);
  const rows = [["", ...fields.map(field => locations.map(location => builder.fieldLengths[`${field}/${location}`]))]];
  const number = new Map(locations.map((location, i) => [location, i]));
  for (const term of Object.keys(builder.invertedIndex).sort()) {
    const posting = builder.invertedIndex[term];
    rows.push([term, ...fields.map(field => Object.keys(posting[field])
      .map(ref => [number.get(ref), builder.fieldTermFrequencies[`${field}/${ref}`][term]])
      .sort((a, b) => a[0] - b[0]).flat())]);
  }
  return rows;
}

main(process.argv[2]).catch(error => {
  console.error(`search index: ${error.message}`);
  process.exit(1);
});
