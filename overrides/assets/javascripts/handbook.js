/* The handbook's behaviour: checklists that count and (only on request) remember,
   forms that print on their own (the projector mode is in projector.js).
   Interface strings come from <script id="hb-ui"> (overrides/main.html, data/ui.yml). */
(function () {
  "use strict";

  var SITE_ROOT = document.currentScript ? new URL("../../", document.currentScript.src) : null; // this file is assets/javascripts/handbook.js
  var ui = {};
  try {
    ui = JSON.parse(document.getElementById("hb-ui").textContent);
  } catch (error) {
    ui = {};
  }

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  // Shared with projector.js, which is loaded after this file (mkdocs.yml, extra_javascript).
  window.handbook = { ui: ui, format: format };

  /* ---------- checklists ---------- */

  var STORAGE_PREFIX = "handbook.checklist.";
  // One setting for the whole site: "1" while the reader wants ticks remembered on this device. Every
  // checklist's "Remember ticks on this device" box and the one under the manual overview show and change it.
  // Off means nothing of the checklists is kept: switching it off, or "Forget all ticks", deletes every tick.
  var REMEMBER_KEY = "handbook.remember";

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // storage blocked: checklists still count, they just cannot remember
    }
  }

  function tickKeys(store) {
    var keys = [];
    for (var i = 0; i < store.length; i += 1) {
      if (store.key(i).indexOf(STORAGE_PREFIX) === 0) { keys.push(store.key(i)); }
    }
    return keys;
  }

  function remembering() {
    var store = storage();
    if (!store) { return false; }
    if (store.getItem(REMEMBER_KEY) === "1") { return true; }
    if (tickKeys(store).length) { // ticks kept by an earlier version, one checklist at a time: the reader said yes
      store.setItem(REMEMBER_KEY, "1");
      return true;
    }
    return false;
  }

  function storedTicks(checklistId) {
    var store = storage();
    var saved = store && store.getItem(STORAGE_PREFIX + checklistId);
    if (!saved) { return []; }
    try { return JSON.parse(saved) || []; } catch (error) { return []; }
  }

  var rememberListeners = [];

  // Switch remembering on (each checklist then saves what it shows) or off (every tick is deleted).
  function setRemembering(on) {
    var store = storage();
    if (!store) { return; }
    if (on) {
      store.setItem(REMEMBER_KEY, "1");
    } else {
      tickKeys(store).forEach(function (key) { store.removeItem(key); });
      store.removeItem(REMEMBER_KEY);
    }
    rememberListeners.forEach(function (listener) { listener(on); });
  }

  function onRememberChange(listener) {
    rememberListeners.push(listener);
  }

  // A "Remember ticks on this device" box anywhere on the page: it shows the setting and changes it.
  function setUpRememberSwitch(input) {
    input.checked = remembering();
    input.disabled = !storage();
    input.addEventListener("change", function () { setRemembering(input.checked); });
    onRememberChange(function (on) { input.checked = on; });
  }

  // Another tab switched the setting or forgot the ticks: this one follows.
  window.addEventListener("storage", function (event) {
    if (event.key === REMEMBER_KEY || event.key === null) {
      var on = remembering();
      rememberListeners.forEach(function (listener) { listener(on); });
    }
  });

  function setUpChecklist(box) {
    var id = box.getAttribute("data-checklist");
    var key = STORAGE_PREFIX + id;
    var items = Array.prototype.slice.call(box.querySelectorAll("input[data-item]"));
    var clear = box.querySelector("[data-clear]");
    var progress = box.querySelector(".hb-checklist__progress");

    function ticked() {
      return items.filter(function (input) { return input.checked; })
        .map(function (input) { return input.getAttribute("data-item"); });
    }

    function save() {
      var store = storage();
      if (store && remembering()) { store.setItem(key, JSON.stringify(ticked())); }
    }

    function update() {
      var done = ticked().length;
      progress.textContent = format(box.getAttribute("data-progress"), { done: done, total: items.length });
      progress.classList.toggle("is-complete", done === items.length);
      save();
    }

    var ids = remembering() ? storedTicks(id) : [];
    items.forEach(function (input) { input.checked = ids.indexOf(input.getAttribute("data-item")) !== -1; });

    items.forEach(function (input) { input.addEventListener("change", update); });
    onRememberChange(function (on) { if (on) { save(); } });
    clear.addEventListener("click", function () {
      items.forEach(function (input) { input.checked = false; });
      update();
    });
    update();
  }

  /* ---------- the reader's ticks under the manual overview: progress, a text file, print, forget ---------- */

  function setUpTicks(panel) {
    var steps = [];
    try { steps = JSON.parse(document.getElementById("hb-steps").textContent); } catch (error) { return; }
    var summary = panel.querySelector("[data-ticks-summary]");
    var status = panel.querySelector("[data-ticks-status]");
    var article = panel.closest("article") || document;

    function count(step) {
      var done = 0, total = 0;
      step.checklists.forEach(function (checklist) {
        var ticked = remembering() ? storedTicks(checklist.id) : [];
        checklist.items.forEach(function (item) {
          total += 1;
          if (ticked.indexOf(item.id) !== -1) { done += 1; }
        });
      });
      return { done: done, total: total };
    }

    // the first link to each step page in the overview's table gets "3/7" after it
    function badgeFor(step) {
      var links = article.querySelectorAll("a[href]");
      for (var i = 0; i < links.length; i += 1) {
        var path = new URL(links[i].href, location.href).pathname;
        if (path.slice(-(step.page.length + 2)) === "/" + step.page + "/" && !panel.contains(links[i])) {
          var badge = links[i].parentNode.querySelector('.hb-step-ticks[data-step="' + step.page + '"]');
          if (!badge) {
            badge = document.createElement("span");
            badge.className = "hb-step-ticks";
            badge.setAttribute("data-step", step.page);
            links[i].insertAdjacentElement("afterend", badge);
          }
          return badge;
        }
      }
      return null;
    }

    function show() {
      var on = remembering(), done = 0, total = 0;
      steps.forEach(function (step) {
        var counted = count(step);
        done += counted.done;
        total += counted.total;
        var badge = badgeFor(step);
        if (!badge) { return; }
        badge.hidden = !on || !counted.total;
        badge.classList.toggle("is-complete", counted.done === counted.total);
        badge.textContent = "";
        var visible = document.createElement("span");
        visible.setAttribute("aria-hidden", "true");
        visible.textContent = counted.done + "/" + counted.total;
        var spoken = document.createElement("span");
        spoken.className = "hb-visually-hidden";
        spoken.textContent = format(ui["checklist-progress"] || "{done}/{total}", counted);
        badge.appendChild(visible);
        badge.appendChild(spoken);
      });
      summary.textContent = on ? format(ui["ticks-summary"] || "{done}/{total}", { done: done, total: total })
        : ui["ticks-off"] || "";
      panel.querySelector("[data-ticks-download]").disabled = !on;
      panel.querySelector("[data-ticks-print]").disabled = !on;
    }

    function text() {
      var title = document.querySelector(".md-header__topic .md-ellipsis");
      var lines = [format(ui["ticks-file-title"] || "{site}, {date}", {
        site: title ? title.textContent.trim() : document.title, date: new Date().toLocaleDateString(document.documentElement.lang)
      }), location.href.split("#")[0], ""];
      steps.forEach(function (step) {
        var counted = count(step);
        lines.push(format(ui["ticks-file-step"] || "{step}", { step: step.step }) + " · " + counted.done + "/" + counted.total);
        step.checklists.forEach(function (checklist) {
          var ticked = storedTicks(checklist.id);
          lines.push("  " + checklist.title);
          checklist.items.forEach(function (item) {
            lines.push("    [" + (ticked.indexOf(item.id) !== -1 ? "x" : " ") + "] " + item.text);
          });
        });
        lines.push("");
      });
      return lines.join("\r\n");
    }

    panel.querySelector("[data-ticks-download]").addEventListener("click", function () {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(["\ufeff" + text()], { type: "text/plain;charset=utf-8" }));
      link.download = "handbook-ticks-" + document.documentElement.lang + ".txt";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
    panel.querySelector("[data-ticks-print]").addEventListener("click", function () { window.print(); });
    panel.querySelector("[data-ticks-forget]").addEventListener("click", function () {
      setRemembering(false);
      status.textContent = ui["ticks-forgotten"] || "";
    });
    onRememberChange(function (on) {
      if (on) { status.textContent = ""; }
      show();
    });
    panel.hidden = false;
    show();
  }

  /* ---------- forms: print one form on its own ---------- */

  function printOneForm(form) {
    var root = document.documentElement;
    var wasOpen = form.open;  // a participant sheet is folded (<details>) on screen
    root.classList.add("hb-print-one");
    form.classList.add("hb-print-target");
    if (form.tagName === "DETAILS") form.open = true;
    window.addEventListener("afterprint", function done() {
      root.classList.remove("hb-print-one");
      form.classList.remove("hb-print-target");
      if (form.tagName === "DETAILS") form.open = wasOpen;
      window.removeEventListener("afterprint", done);
    });
    window.print();
  }

  /* ---------- offline reading: only when the reader asks for it ---------- */

  // One cache per copy of the site, named after the site's own path, so that another site on the same
  // host (another folder) keeps its own. Only this script creates it (on "Save"), and it prunes the
  // versions an older handbook.js left; the service worker (overrides/sw.js) only reads it, and is told
  // its name in its URL. Bump the version when what is saved changes shape.
  var OFFLINE_PREFIX = "handbook-offline|", OFFLINE_VERSION = "2";

  function offlineCacheName() {
    return OFFLINE_PREFIX + SITE_ROOT.pathname + "|" + OFFLINE_VERSION;
  }

  function ourCaches() { // every version, of this site only
    var mine = OFFLINE_PREFIX + SITE_ROOT.pathname + "|";
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return name.indexOf(mine) === 0; });
    });
  }

  function deleteCaches(names) {
    return Promise.all(names.map(function (name) { return caches.delete(name); }));
  }

  function ourRegistration() {
    return navigator.serviceWorker.getRegistrations().then(function (registrations) {
      return registrations.filter(function (registration) { return registration.scope === SITE_ROOT.href; })[0] || null;
    });
  }

  function pagesOfThisLanguage() {
    // the language's search index lists every page of the language (macros/search.py)
    var config = JSON.parse(document.getElementById("__config").textContent);
    var root = new URL(config.base.replace(/\/?$/, "/"), location.href);
    var index = new URL("search/search_index.json", root).href;
    return fetch(index).then(function (response) { return response.json(); }).then(function (data) {
      var pages = {};
      data.docs.forEach(function (doc) { pages[new URL(doc.location.split("#")[0], root).href] = true; });
      return [index].concat(searchScripts(config, data.config), Object.keys(pages));
    });
  }

  // What search loads when it is opened, not before (overrides/partials/hb-search-lazy.html): its worker
  // and the Lunr files the worker takes for the index's languages (lunr.kk.min.js is ours).
  function searchScripts(config, index) {
    if (!config.search) { return []; }
    var worker = new URL(config.search, location.href), lunr = new URL("../lunr/min/", worker);
    var langs = (index && index.lang) || [];
    var files = [worker.href, new URL("lunr.stemmer.support.min.js", lunr).href];
    langs.forEach(function (lang) { if (lang !== "en") { files.push(new URL("lunr." + lang + ".min.js", lunr).href); } });
    if (langs.length > 1) { files.push(new URL("lunr.multi.min.js", lunr).href); }
    return files;
  }

  function filesThisPageUses() {
    return performance.getEntriesByType("resource").map(function (entry) { return entry.name.split("#")[0]; })
      .filter(function (url) { return new URL(url).origin === location.origin && !/sitemap\.xml$/.test(url); });
  }

  function saveForOffline(box) {
    var status = box.querySelector("[data-offline-status]");
    var script = new URL("sw.js", SITE_ROOT);
    script.searchParams.set("cache", offlineCacheName());
    return navigator.serviceWorker.register(script.href, { scope: SITE_ROOT.pathname })
      .then(function () { return Promise.all([pagesOfThisLanguage(), caches.open(offlineCacheName())]); })
      .then(function (found) {
        var files = found[0].concat(filesThisPageUses()).filter(function (url, i, all) { return all.indexOf(url) === i; });
        var cache = found[1], done = 0, failed = 0, next = 0;
        function worker() {
          if (next >= files.length) { return Promise.resolve(); }
          var url = files[next++];
          return cache.add(url).catch(function () { failed += 1; }).then(function () {
            done += 1;
            status.textContent = format(ui["offline-progress"] || "{done} / {total}", { done: done, total: files.length });
            return worker();
          });
        }
        return Promise.all([worker(), worker(), worker(), worker()]).then(function () {
          status.textContent = failed ? ui["offline-failed"] || "" : ui["offline-done"] || "";
          showOfflineState(box, true);
          return ourCaches().then(function (names) { // older versions of this site's cache
            return deleteCaches(names.filter(function (name) { return name !== offlineCacheName(); }));
          });
        });
      })
      .catch(function () { status.textContent = ui["offline-failed"] || ""; });
  }

  function removeOffline(box) {
    // the worker first: once it is unregistered no new page can use it; it never writes, so deleting after
    // it is final even if the browser starts it again for a tab it still serves
    return ourRegistration().then(function (registration) { return registration && registration.unregister(); })
      .then(ourCaches).then(deleteCaches)
      .then(function () {
        box.querySelector("[data-offline-status]").textContent = ui["offline-removed"] || "";
        showOfflineState(box, false);
      });
  }

  function showOfflineState(box, saved) {
    box.querySelector("[data-offline-save]").hidden = saved;
    box.querySelector("[data-offline-remove]").hidden = !saved;
  }

  function setUpOffline(box) {
    if (!SITE_ROOT || !("serviceWorker" in navigator) || !window.caches) { return; } // stays hidden
    box.hidden = false;
    Promise.all([ourRegistration(), ourCaches()]).then(function (found) {
      showOfflineState(box, Boolean(found[0]) || found[1].length > 0);
    });
    box.querySelector("[data-offline-save]").addEventListener("click", function () { saveForOffline(box); });
    box.querySelector("[data-offline-remove]").addEventListener("click", function () { removeOffline(box); });
  }

  /* ---------- quick exit: GOV.UK's "Exit this page" (pages with `quick_exit: true`) ---------- */

  // Hide the page at once (nothing of it stays on screen while the next site loads), then replace this
  // page in the tab's history with the everyday site, so Back does not come back here.
  function leave(button) {
    document.body.style.setProperty("display", "none", "important");
    document.title = "";
    window.location.replace(button.getAttribute("data-href"));
  }

  function setUpQuickExit(button) {
    var box = button.closest("[data-quick-exit-box]") || button;
    var status = box.querySelector("[data-quick-exit-status]");
    document.body.insertBefore(box, document.body.firstChild); // first in the tab order, before the skip link
    button.addEventListener("click", function () { leave(button); });

    // Shift pressed three times (within 5 seconds each) leaves too. A Shift held for another key
    // (capitals, Shift+Tab, Shift+Space of a presentation remote) does not count.
    var presses = 0, timer = null, lastWasModified = false;
    function indicate(count) {
      presses = count;
      button.setAttribute("data-count", String(count));
      if (status) { status.textContent = count ? format(button.getAttribute("data-pressed"), { count: count }) : ""; }
    }
    document.addEventListener("keyup", function (event) {
      if (event.key === "Shift" && !lastWasModified) {
        clearTimeout(timer);
        indicate(presses + 1);
        if (presses >= 3) {
          indicate(0);
          leave(button);
        } else {
          timer = setTimeout(function () { indicate(0); }, 5000);
        }
      } else if (presses) {
        clearTimeout(timer);
        indicate(0);
      }
      lastWasModified = event.shiftKey;
    }, true);
  }

  /* ---------- the language switcher keeps the reader's place ---------- */

  // The section being read: the last heading above the upper third of the window. Headings have the same
  // anchors in every language (tests/test_parity.py), so the other language's page opens at the same section.
  function sectionInView() {
    var headings = document.querySelectorAll(".md-content__inner :is(h2, h3, h4)[id]");
    var line = window.innerHeight / 3, found = null;
    for (var i = 0; i < headings.length; i += 1) {
      if (headings[i].getBoundingClientRect().top > line) { break; }
      found = headings[i];
    }
    return found ? found.id : "";
  }

  function keepPlace(link) {
    var url = new URL(link.href, location.href);
    var id = sectionInView();
    url.hash = id ? "#" + id : "";
    link.href = url.href;
  }

  /* ---------- accessibility repairs to Material's markup ---------- */

  function nameOf(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  // A wide table scrolls inside its own box: the box can be reached with Tab (to scroll with the arrow
  // keys) and is named after the table. A table that fits gets neither.
  function tableBoxes() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table"), function (table) {
      if (table.closest(".md-typeset__scrollwrap, .hb-table-scroll, .hb-present-bar")) { return; }
      if (table.scrollWidth <= table.parentNode.clientWidth + 1) { return; }
      var box = document.createElement("div");
      box.className = "hb-table-scroll";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap, .hb-table-scroll:not([tabindex]), .hb-table-scroll[data-hb-scroll]"),
      function (box) {
        var table = box.querySelector("table");
        if (!table) { return; }
        if (box.scrollWidth > box.clientWidth + 1) {
          var caption = table.querySelector("caption");
          var labelled = table.getAttribute("aria-labelledby");
          var heading = box.previousElementSibling;
          while (heading && !/^H[1-6]$/.test(heading.tagName)) { heading = heading.previousElementSibling; }
          var parts = [nameOf(labelled && document.getElementById(labelled)) || nameOf(heading), nameOf(caption)];
          var title = parts.filter(Boolean).map(function (part) { return part.replace(/¶$/, "").trim(); }).join(". ") ||
            document.title;
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", uniqueName(format(ui["table-region"] || "{title}", { title: title })));
          box.setAttribute("data-hb-scroll", "");
        } else if (box.hasAttribute("data-hb-scroll")) {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
          box.removeAttribute("data-hb-scroll");
        }
      });
  }

  // A landmark's name must be unique on the page: a second "Table: Contents" becomes "Table: Contents (2)".
  function uniqueName(name) {
    var taken = Array.prototype.map.call(document.querySelectorAll("[role='region'][aria-label]"),
      function (element) { return element.getAttribute("aria-label"); });
    var candidate = name, number = 1;
    while (taken.indexOf(candidate) !== -1) {
      number += 1;
      candidate = name + " (" + number + ")";
    }
    return candidate;
  }

  function landmarkNames() {
    // the search dialog is named after its field
    var search = document.querySelector(".md-search[role='dialog']");
    var field = document.querySelector(".md-search__input");
    if (search && field && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", field.getAttribute("aria-label") || field.getAttribute("placeholder") || "");
    }
    // a section of the menu whose label is only an icon (its title is a link to its index page) is named after that title
    Array.prototype.forEach.call(document.querySelectorAll("nav[aria-labelledby]"), function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (!nameOf(label)) {
        var title = nav.querySelector(".md-nav__title");
        if (title) {
          nav.removeAttribute("aria-labelledby");
          nav.setAttribute("aria-label", nameOf(title));
        }
      }
    });
  }

  /* ---------- "report a mistake": the address the page is read at ---------- */

  function reportLink(link) {
    var page = location.href.split("#")[0];
    link.href = "mailto:" + link.getAttribute("data-report") +
      "?subject=" + encodeURIComponent(link.getAttribute("data-report-subject")) +
      "&body=" + encodeURIComponent(link.getAttribute("data-report-body").replace("{url}", page));
  }

  function each(selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  }

  document.addEventListener("DOMContentLoaded", function () {
    each("[data-quick-exit]", setUpQuickExit);
    each("[data-offline]", setUpOffline);
    each(".hb-checklist[data-checklist]", setUpChecklist);
    each("[data-ticks]", setUpTicks);
    each("input[data-remember]", setUpRememberSwitch);
    each(".hb-form [data-print-form]", function (control) {
      control.addEventListener("click", function () { printOneForm(control.closest(".hb-form")); });
    });
    each(".md-typeset .headerlink", function (link) {
      link.title = ui["permalink"] || link.title; // the Markdown toc extension writes one title for all languages
    });
    each(".md-select__link[hreflang]", function (link) {
      ["pointerdown", "focus", "click"].forEach(function (type) {
        link.addEventListener(type, function () { keepPlace(link); });
      });
    });
    each("[data-report]", reportLink);
    // after Material has laid out the page (it wraps tables, builds the menu)
    var ready = window.document$ && typeof window.document$.subscribe === "function" ? window.document$ : null;
    function repair() {
      landmarkNames();
      tableBoxes();
    }
    if (ready) { ready.subscribe(function () { setTimeout(repair, 0); }); } else { repair(); }
    // In projector mode (projector.js) the page scrolls inside .md-container: the box can take the focus,
    // so that a page without links can still be scrolled from the keyboard.
    var container = document.querySelector(".md-container");
    if (container && window.MutationObserver) {
      new MutationObserver(function () {
        if (document.documentElement.classList.contains("hb-present")) {
          container.setAttribute("tabindex", "0");
        } else if (container.getAttribute("tabindex") === "0") {
          container.removeAttribute("tabindex");
        }
      }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    }
    var resized = null;
    window.addEventListener("resize", function () {
      clearTimeout(resized);
      resized = setTimeout(tableBoxes, 150);
    });
  });
})();
