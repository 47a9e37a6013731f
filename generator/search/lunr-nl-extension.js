/* Dutch search for this site, appended to Material's lunr.nl script (see generator/mkdocs_hooks.py).
 *
 * 1. Material's search worker turns every query term into a prefix query ("voorstellen*"); lunr does not run the
 *    pipeline on wildcard terms, so the query is never stemmed while the index is. A plural then misses pages that
 *    only have the singular, and "ideeen" misses "ideeën" (the Dutch stemmer is what folds ë, ï, ö, é).
 *    Each plain prefix term also gets an exact twin without the wildcard, which does go through the stemmer.
 * 2. The Snowball Dutch stemmer undoubles only k, d and t; "voorstellen" → "voorstell" but "voorstel" stays.
 *    Undoubling every final consonant pair makes the two meet.
 */
(function () {
  if (typeof lunr === "undefined" || !lunr.nl || lunr.nl.symposiumExtension) return;
  var snowball = lunr.nl.stemmer;
  lunr.nl.stemmer = function (token) {
    return snowball(token).update(function (word) {
      return word.replace(/([bcdfghjklmnpqrstvwxz])\1$/, "$1");
    });
  };
  lunr.Pipeline.registerFunction(lunr.nl.stemmer, "stemmer-nl");
  lunr.nl.symposiumExtension = true;

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    var terms = String(query).split(/\s+/);
    var twins = terms.filter(function (term) {
      return /^[^+\-:~^*]+\*$/.test(term);
    }).map(function (term) {
      return term.slice(0, -1);
    });
    return search.call(this, terms.concat(twins).join(" "));
  };
})();
