/* Dutch search for this site: appended to Material's lunr.nl script by the MkDocs adapter
 * (generator/mkdocs_hooks.py), so it runs in Material's search worker (a real worker over http, an iframe from
 * file://) and, at build time, in Node (generator/search/build-index.js). Every rule below is here, with the query
 * from the test suite (tests/test_search.py) that needs it.
 *
 * A. Word forms, applied to the text when it is indexed and to every query (the "stemmer-nl" pipeline step):
 *    A1. -'s plural: "foto's" and "scenario’s" lose the 's (typewriter or curly apostrophe): "scenarios" and
 *        "scenario" then find "scenario’s" (the Snowball stemmer would leave "scenario'").
 *    A2. Hyphens: "back-up" is indexed as "backup" and as "back" and "up", so "backup", "back-up" and "back up"
 *        all find it; "point2point" finds "point-2-point". (The search separator in mkdocs.yml therefore no
 *        longer splits on hyphens; the query parser still does, which finds the parts.)
 *    A3. The Snowball Dutch stemmer, which also folds ë, ï, ö, é: "ideeen" finds "ideeën", "coordinatie" finds
 *        "coördinatie", "noodpakketten" finds "noodpakket".
 *    A4. Snowball undoubles only k, d and t; "voorstellen" → "voorstell" but "voorstel" stays. Undoubling every
 *        final consonant pair makes the two meet.
 *
 * B. Query expansion (lunr.Index#search): Material turns every query word w into the prefix query "w*", which
 *    lunr does not stem. Each such word also becomes, with a boost per kind so that the closer match ranks first:
 *    B1. w^10, the word itself through the stemmer: the same word in any form the stemmer knows ("noodpakketten").
 *    B2. Dutch plural and diminutive forms the stemmer misses, reduced to the base word, ^4:
 *        - -s after a vowel: "burgerreserves" → "burgerreserve", "drones" → "drone", "fotos" → "foto";
 *        - -eren: "kinderen" → "kind", "eieren" → "ei";
 *        - diminutives -je, -tje, -pje, -etje and their plurals: "kopje" → "kop", "noodpakketje" →
 *          "noodpakket", "boompje" → "boom", "balletje" → "bal" (every candidate base is tried; a wrong one finds
 *          nothing). The other direction needs no rule: the prefix query "reserve*" finds "reserves", "kop*"
 *          finds "kopjes".
 *    B3. the prefix query w* itself (Material's), ^1: "thuisacc" finds "thuisaccu".
 *    B4. compound heads, ^0.5: a word of 5 letters or more also finds the compounds it ends: "reserve" finds
 *        "burgerreserve" and "zorgreserve", "pakket" finds "noodpakket". The reverse (a compound finding its
 *        parts) would need a Dutch dictionary and is not done.
 *    B5. misspellings, ^0.2: a word of 6 letters or more also matches at edit distance 1, so the source's own
 *        spellings are found by the correct word and the other way round: "resilience" ↔ "Resillience",
 *        "phishing" ↔ "phising", "cohesie" ↔ "cohesive".
 *    B6. compounds written apart: a word written with hyphens in the query is taken as its parts, as if written
 *        with spaces ("burger-reserve" as "burger reserve"), and every run of two or three adjacent words is also
 *        searched written closed, like a word of its own (B1 to B3, boosted JOINED times): "burger reserve" and
 *        "burger-reserve" find "burgerreserve", "noodsteunpunt" ranks first for "nood steunpunt". (Written
 *        apart in the text and closed in the query needs no rule: A2 indexes "burger-reserve" as
 *        "burgerreserve" too.)
 *    B7. a compound written closed in the query also finds it written with a space in the text: a word of
 *        SPLIT_MIN letters or more is split at every place where both parts (of 3 letters or more) are words
 *        of the index, and each part is searched too, ^1; a page found only by such parts is kept only when it
 *        has both parts of one split ("burgerreserve" finds "burger reserve", not every page with "burger").
 *
 * C. An index that is ready at once. Material's worker builds the lunr index from all documents on every page
 *    load. The build (build-index.js) runs that same worker code once, in Node, and stores lunr's serialised
 *    index with the first search document (key "lunr", document references as numbers). Here, when the
 *    documents arrive with it, the builder skips the indexing and loads the stored index instead; the position
 *    tables that Material uses to highlight a result are filled only for the documents a query returns. Without
 *    a stored index (`mkdocs serve`), the worker indexes in the browser as before.
 */
(function () {
  if (typeof lunr === "undefined" || !lunr.nl || lunr.nl.symposiumExtension) return;
  lunr.nl.symposiumExtension = true;

  /* --- A. word forms ------------------------------------------------------------------------------------- */
  var snowball = lunr.nl.stemmer;
  function stem(word) {
    return snowball(new lunr.Token(word, {})).toString().replace(/([bcdfghjklmnpqrstvwxz])\1$/, "$1");
  }
  function forms(word) {
    word = word.replace(/['’]s$/, "");                                           // A1
    if (!/\w-+\w/.test(word)) return [word];
    var parts = word.split(/-+/).filter(Boolean);                                // A2
    return [parts.join("")].concat(parts);
  }
  lunr.nl.stemmer = function (token) {
    var all = forms(token.toString());
    if (all.length === 1) return token.update(function () { return stem(all[0]); });
    return all.map(function (form) {
      return token.clone(function () { return stem(form); });
    });
  };
  lunr.Pipeline.registerFunction(lunr.nl.stemmer, "stemmer-nl");

  /* --- B. query expansion -------------------------------------------------------------------------------- */
  var DIMINUTIVES = ["etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"];
  function variants(word) {
    var out = [];
    if (word.length >= 5 && /[aeiouy]s$/.test(word)) out.push(word.slice(0, -1));
    if (word.length >= 7 && /eren$/.test(word)) out.push(word.slice(0, -4));
    DIMINUTIVES.forEach(function (suffix) {
      var base = word.slice(0, -suffix.length);
      if (word.slice(-suffix.length) === suffix && base.length >= 3) out.push(base);
    });
    return out;
  }
  function expand(word) {
    var clauses = [word + "*", word + "^10"];
    variants(word).forEach(function (variant) { clauses.push(variant + "^4"); });
    var head = stem(forms(word)[0]);
    if (word.length >= 5 && head.length >= 4 && /^[a-z0-9]+$/.test(head)) clauses.push("*" + head + "^0.5");
    if (word.length >= 6) clauses.push(word + "~1^0.2");
    return clauses;
  }

  var JOINED = 10, SPLIT_MIN = 7, PART_MIN = 3;
  function joined(word) {                                                        // B6
    var clauses = [word + "*^" + JOINED, word + "^" + 10 * JOINED];
    variants(word).forEach(function (variant) { clauses.push(variant + "^" + 4 * JOINED); });
    return clauses;
  }
  /* B7: the splits of `word` whose two parts are both terms of `index`, as their stemmed terms. */
  function splits(index, word) {
    var found = [];
    if (word.length < SPLIT_MIN || !/^[a-z0-9]+$/.test(word)) return found;
    for (var i = PART_MIN; i <= word.length - PART_MIN; i++) {
      var a = stem(word.slice(0, i)), b = stem(word.slice(i));
      if (a !== b && index.invertedIndex[a] && index.invertedIndex[b]) found.push([word.slice(0, i), word.slice(i), a, b]);
    }
    return found;
  }

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    var clauses = [], words = [], own = {}, parts = [], index = this;
    String(query).split(/\s+/).forEach(function (term) {
      var plain = /^([^+\-:~^*]+(?:-+[^+\-:~^*]+)*)\*$/.exec(term);
      if (!plain) {
        if (term) clauses.push(term);
        words.push(null);  // no word to join across
        return;
      }
      plain[1].toLowerCase().split(/-+/).forEach(function (word) {
        clauses.push.apply(clauses, expand(word));
        words.push(word);
        own[stem(word)] = true;
      });
    });
    words.forEach(function (word, i) {
      for (var n = 2; n <= 3 && word; n++) {
        var run = words.slice(i, i + n);
        if (run.length === n && run.indexOf(null) < 0) clauses.push.apply(clauses, joined(run.join("")));
      }
      if (word) splits(index, word).forEach(function (split) {
        clauses.push(split[0] + "^1", split[1] + "^1");
        parts.push(split);
      });
    });
    var seen = {};
    clauses = clauses.filter(function (clause) { return !seen[clause] && (seen[clause] = true); });
    var results = search.call(this, clauses.join(" "));
    if (parts.length) results = results.filter(function (result) {
      var terms = Object.keys(result.matchData.metadata);
      var other = terms.some(function (term) {
        return own[term] || !parts.some(function (split) { return split[2] === term || split[3] === term; });
      });
      return other || parts.some(function (split) { return terms.indexOf(split[2]) >= 0 && terms.indexOf(split[3]) >= 0; });
    });
    var stored = this.symposiumStored;
    if (stored) results.forEach(function (result) {
      result.ref = stored.refs[+result.ref];
      var positions = stored.positions(result.ref), metadata = result.matchData.metadata;
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          metadata[term][field].position = (positions[field] || {})[term] || [];
        });
      });
    });
    return results;
  };

  /* --- C. the stored index ------------------------------------------------------------------------------- */
  var add = lunr.Builder.prototype.add, build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (doc.lunr) {
      this.symposiumStored = { terms: doc.lunr, refs: [], fields: {}, cache: {} };
      delete doc.lunr;
    }
    var stored = this.symposiumStored;
    if (!stored) return add.call(this, doc, attributes);
    var ref = String(stored.refs.length), fields = this._fields;
    stored.refs.push(doc[this._ref]);
    this._documents[ref] = attributes || {};
    this.documentCount += 1;
    stored.fields[doc[this._ref]] = Object.keys(fields).map(function (name) {
      var value = fields[name].extractor ? fields[name].extractor(doc) : doc[name];  // registers an empty table
      return { name: name, table: lunr.tokenizer.table, value: value };
    }).filter(function (field) { return field.value !== undefined; });
  };

  /* The stored form: [[term, [ref, tf, ref, tf, …] per field], …] and, as the first row, the field lengths
   * ["", [length per document] per field]. Rebuilt into lunr's builder state, whose own build() then computes
   * the scores (BM25 vectors) and the token set. */
  function restore(builder, stored) {
    var names = Object.keys(builder._fields), rows = stored.terms;
    names.forEach(function (name, f) {
      rows[0][1 + f].forEach(function (length, ref) {
        builder.fieldLengths[name + "/" + ref] = length;
        builder.fieldTermFrequencies[name + "/" + ref] = Object.create(null);
      });
    });
    for (var r = 1; r < rows.length; r++) {
      var term = rows[r][0], posting = Object.create(null);
      posting._index = builder.termIndex++;
      names.forEach(function (name, f) {
        var list = rows[r][1 + f], postings = posting[name] = Object.create(null);
        for (var i = 0; i < list.length; i += 2) {
          postings[list[i]] = Object.create(null);
          builder.fieldTermFrequencies[name + "/" + list[i]][term] = list[i + 1];
        }
      });
      builder.invertedIndex[term] = posting;
    }
    stored.terms = null;
  }

  lunr.Builder.prototype.build = function () {
    var stored = this.symposiumStored, builder = this;
    if (!stored) {
      if (typeof self !== "undefined" && self.symposiumCapture) self.symposiumCapture(this);
      return build.call(this);
    }
    restore(this, stored);
    var index = build.call(this);
    /* Material highlights a result with the token positions of its matches; they are not stored (they would
     * double the index), so they are found here, once per document a query returns, with the same tokenizer
     * and pipeline that indexed it. */
    stored.positions = function (ref) {
      if (stored.cache[ref]) return stored.cache[ref];
      var out = stored.cache[ref] = {};
      (stored.fields[ref] || []).forEach(function (field) {
        var terms = out[field.name] = {};
        lunr.tokenizer.table = field.table;
        builder.tokenizer(field.value).forEach(function (token) {
          builder.pipeline.run([token]).forEach(function (result) {
            var term = result.toString();
            (terms[term] = terms[term] || []).push(result.metadata.position);
          });
        });
      });
      return out;
    };
    index.symposiumStored = stored;
    return index;
  };
})();
