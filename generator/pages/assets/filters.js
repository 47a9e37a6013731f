/* Filters and sorting for the index tables (Voorstellen, Ideeën, Workshops).
 *
 * Without JavaScript the full tables are there; this script only narrows and sorts them. It reads what it needs
 * from the links already in each row (the theme, group, category, idea and entry pages have fixed addresses), so
 * the pages carry no extra data, and it makes no network request: it works from file:// as over http. The state
 * lives in the URL (?editie=2025&thema=…&groep=11&categorie=…&idee=14&vrijwilligers=ja&vervolg=ja&titel=…), so a filtered
 * view can be shared; several filters combine with AND. Vanilla JavaScript, loaded on every page (mkdocs.yml
 * extra_javascript); it does nothing on a page without a `.filter-table`.
 */
(function () {
  "use strict";

  var NOUNS = { voorstellen: ["voorstel", "voorstellen"], ideeen: ["idee", "ideeën"], workshops: ["workshop", "workshops"] };
  // The URL parameters, in the order they are written back.
  var FILTERS = [
    { key: "editie", label: "Editie" },
    { key: "thema", label: "Thema" },
    { key: "groep", label: "Workshopgroep" },
    { key: "categorie", label: "Categorie" },
    { key: "idee", label: "Idee" }
  ];
  var PATTERNS = {
    idee: /\/ideeen\/(\d{4})\/0*(\d+)-/,
    thema: /\/themas\/(\d{4})\/([^\/?#]+?)(?:\/index\.html|\.html|\/)?(?:[?#].*)?$/,
    groep: /\/groepen\/(\d{4})\/groep-(\d+)/,
    categorie: /\/categorieen\/(\d{4})\/([^\/?#]+?)(?:\/index\.html|\.html|\/)?(?:[?#].*)?$/
  };

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function cellText(cell) {
    return cell ? cell.textContent.trim() : "";
  }

  /* What a row is about: {editie, thema: {slug: name}, groep, categorie, idee, vrijwilligers, vervolg, titel}. The
   * ideas index has a column "Vervolg" (how many entries of later editions build on the idea, or "–") where an idea
   * of the edition has a follow-up. */
  function describe(row, volunteerColumn, followupColumn) {
    var facts = { editie: {}, thema: {}, groep: {}, categorie: {}, idee: {}, vrijwilligers: false, vervolg: false, titel: "" };
    var links = row.querySelectorAll("a[href]");
    for (var n = 0; n < links.length; n++) {
      var a = links[n], href = a.href, m;
      var name = a.textContent.trim();
      if (n === 0) {
        facts.titel = fold(name);
        m = href.match(/\/(?:voorstellen|ideeen|workshops)\/(\d{4})\//);
        if (m) facts.editie[m[1]] = m[1];
      }
      if ((m = href.match(PATTERNS.idee))) facts.idee[m[2]] = "Idee " + m[2] + (n === 0 ? "" : " (" + m[1] + ")");
      else if ((m = href.match(PATTERNS.thema))) facts.thema[m[2]] = name;
      else if ((m = href.match(PATTERNS.groep))) facts.groep[m[2]] = "Groep " + m[2];
      else if ((m = href.match(PATTERNS.categorie))) facts.categorie[m[2]] = name;
    }
    if (volunteerColumn >= 0) {
      var number = cellText(row.cells[volunteerColumn]).match(/^\d+/);
      facts.vrijwilligers = number !== null && parseInt(number[0], 10) > 0;
    }
    if (followupColumn >= 0) {
      var followups = cellText(row.cells[followupColumn]).match(/^\d+/);
      facts.vervolg = followups !== null && parseInt(followups[0], 10) > 0;
    }
    return facts;
  }

  function sortKey(text) {
    var number = text.match(/^\d+/);
    return number ? [0, parseInt(number[0], 10), text] : [1, 0, fold(text)];
  }

  function compare(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    if (a[1] !== b[1]) return a[1] - b[1];
    return a[2].localeCompare(b[2], "nl");
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "filter-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var order = compare(sortKey(cellText(x.cells[column])), sortKey(cellText(y.cells[column])));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function setup() {
    var tables = document.querySelectorAll(".filter-table table");
    var place = document.querySelector(".filter-controls");
    if (!tables.length || !place) return;
    var wrapper = tables[0].closest(".filter-table");
    var kind = Object.keys(NOUNS).filter(function (k) { return wrapper.classList.contains("filter-" + k); })[0];
    var noun = NOUNS[kind || "voorstellen"];

    var rows = [], options = { editie: {}, thema: {}, groep: {}, categorie: {}, idee: {} }, anyVolunteers = false;
    var anyFollowups = false;
    Array.prototype.forEach.call(tables, function (table) {
      var heads = Array.prototype.map.call(table.tHead.rows[0].cells, cellText);
      var volunteerColumn = heads.indexOf("Vrijwilligers");
      var followupColumn = heads.indexOf("Vervolg");
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var facts = describe(row, volunteerColumn, followupColumn);
        rows.push({ row: row, facts: facts, table: table });
        FILTERS.forEach(function (f) { Object.assign(options[f.key], facts[f.key]); });
        anyVolunteers = anyVolunteers || volunteerColumn >= 0;
      });
      anyFollowups = anyFollowups || followupColumn >= 0;
      makeSortable(table);
    });

    var form = document.createElement("form");
    form.className = "filter-form";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter de " + noun[1]);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var controls = {};

    function field(id, label, control) {
      var box = document.createElement("div");
      box.className = "filter-field";
      var text = document.createElement("label");
      text.htmlFor = id;
      text.textContent = label;
      control.id = id;
      box.appendChild(text);
      box.appendChild(control);
      form.appendChild(box);
    }

    FILTERS.forEach(function (f) {
      var values = Object.keys(options[f.key]);
      if (!values.length) return;
      values.sort(function (a, b) { return compare(sortKey(options[f.key][a]), sortKey(options[f.key][b])); });
      var select = document.createElement("select");
      select.name = f.key;
      select.appendChild(new Option("Alle", ""));
      values.forEach(function (v) { select.appendChild(new Option(options[f.key][v], v)); });
      field("filter-" + f.key, f.label, select);
      controls[f.key] = select;
    });
    // A "ja" filter (vrijwilligers=ja, vervolg=ja): one checkbox, shown only where some row has it.
    function checkbox(name, label) {
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      field("filter-" + name, label, box);
      box.parentNode.classList.add("filter-check");
      controls[name] = box;
    }
    if (anyVolunteers) checkbox("vrijwilligers", "Alleen met vrijwilligers");
    if (anyFollowups) checkbox("vervolg", "Alleen met vervolg");
    var title = document.createElement("input");
    title.type = "search";
    title.name = "titel";
    title.autocomplete = "off";
    field("filter-titel", "Titel bevat", title);
    controls.titel = title;

    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "md-button filter-clear";
    clear.textContent = "Filters wissen";
    form.appendChild(clear);

    var status = document.createElement("p");
    status.className = "filter-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    place.appendChild(form);
    place.appendChild(status);

    function state() {
      var s = {};
      FILTERS.forEach(function (f) { if (controls[f.key] && controls[f.key].value) s[f.key] = controls[f.key].value; });
      if (controls.vrijwilligers && controls.vrijwilligers.checked) s.vrijwilligers = "ja";
      if (controls.vervolg && controls.vervolg.checked) s.vervolg = "ja";
      if (title.value.trim()) s.titel = title.value.trim();
      return s;
    }

    function matches(facts, s) {
      for (var n = 0; n < FILTERS.length; n++) {
        var key = FILTERS[n].key;
        if (s[key] && !(s[key] in facts[key])) return false;
      }
      if (s.vrijwilligers && !facts.vrijwilligers) return false;
      if (s.vervolg && !facts.vervolg) return false;
      if (s.titel && facts.titel.indexOf(fold(s.titel)) < 0) return false;
      return true;
    }

    function apply(writeUrl) {
      var s = state(), shown = 0;
      rows.forEach(function (r) {
        var visible = matches(r.facts, s);
        r.row.hidden = !visible;
        if (visible) shown++;
      });
      var filtering = Object.keys(s).length > 0;
      // An edition's heading and table disappear when none of its rows is left; a section without a table
      // ("added after the symposium") only while filtering.
      document.querySelectorAll("article h2").forEach(function (h2) {
        var part = [], node = h2.nextElementSibling;
        while (node && node.tagName !== "H2") { part.push(node); node = node.nextElementSibling; }
        var tablesHere = part.filter(function (el) { return el.classList.contains("filter-table"); });
        var keep = tablesHere.length
          ? tablesHere.some(function (el) { return el.querySelector("tbody tr:not([hidden])"); })
          : !filtering;
        [h2].concat(part).forEach(function (el) { el.hidden = !keep; });
      });
      status.textContent = shown + " van " + rows.length + " " + (rows.length === 1 ? noun[0] : noun[1]);
      if (writeUrl) {
        var params = new URLSearchParams();
        FILTERS.concat([{ key: "vrijwilligers" }, { key: "vervolg" }, { key: "titel" }]).forEach(function (f) {
          if (s[f.key]) params.set(f.key, s[f.key]);
        });
        var query = params.toString();
        try {
          history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
        } catch (error) {
          // Some browsers refuse history changes on file:// pages; the filter still works.
        }
      }
    }

    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (f) {
      var value = params.get(f.key);
      if (value && controls[f.key]) {
        if (!controls[f.key].querySelector('option[value="' + CSS.escape(value) + '"]')) {
          controls[f.key].appendChild(new Option(value + " (komt hier niet voor)", value));
        }
        controls[f.key].value = value;
      }
    });
    if (controls.vrijwilligers) controls.vrijwilligers.checked = params.get("vrijwilligers") === "ja";
    if (controls.vervolg) controls.vervolg.checked = params.get("vervolg") === "ja";
    title.value = params.get("titel") || "";

    form.addEventListener("change", function () { apply(true); });
    title.addEventListener("input", function () { apply(true); });
    clear.addEventListener("click", function () {
      form.reset();
      title.value = "";
      apply(true);
    });
    apply(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
