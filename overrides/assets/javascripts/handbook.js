/* The handbook's behaviour: checklists that count and (only on request) remember,
   forms that print on their own, and a projector mode that shows one section of a page at a time.
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

  /* ---------- checklists ---------- */

  var STORAGE_PREFIX = "handbook.checklist.";

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // storage blocked: checklists still count, they just cannot remember
    }
  }

  function setUpChecklist(box) {
    var key = STORAGE_PREFIX + box.getAttribute("data-checklist");
    var items = Array.prototype.slice.call(box.querySelectorAll("input[data-item]"));
    var remember = box.querySelector("input[data-remember]");
    var clear = box.querySelector("[data-clear]");
    var progress = box.querySelector(".hb-checklist__progress");
    var store = storage();

    function ticked() {
      return items.filter(function (input) { return input.checked; })
        .map(function (input) { return input.getAttribute("data-item"); });
    }

    function update() {
      var done = ticked().length;
      progress.textContent = format(box.getAttribute("data-progress"), { done: done, total: items.length });
      progress.classList.toggle("is-complete", done === items.length);
      if (store && remember.checked) {
        store.setItem(key, JSON.stringify(ticked()));
      }
    }

    var saved = store && store.getItem(key);
    if (saved !== null && saved !== undefined) {
      var ids = [];
      try { ids = JSON.parse(saved) || []; } catch (error) { ids = []; }
      remember.checked = true;
      items.forEach(function (input) { input.checked = ids.indexOf(input.getAttribute("data-item")) !== -1; });
    } else {
      remember.checked = false;
      items.forEach(function (input) { input.checked = false; });
    }
    if (!store) { remember.disabled = true; }

    items.forEach(function (input) { input.addEventListener("change", update); });
    remember.addEventListener("change", function () {
      if (!store) { return; }
      if (remember.checked) {
        store.setItem(key, JSON.stringify(ticked()));
      } else {
        store.removeItem(key);
      }
    });
    clear.addEventListener("click", function () {
      items.forEach(function (input) { input.checked = false; });
      update();
    });
    update();
  }

  /* ---------- projector mode ---------- */

  var PRESENT_KEY = "handbook.present";
  var sections = [];
  var current = 0;
  var bar = null;

  function article() {
    return document.querySelector(".md-content article");
  }

  function isSession(node) {
    return node.classList.contains("hb-session");
  }

  // Split the article into sections: the title and intro, then one per h2. Session plans
  // come one at a time (the heading above the first one stays with it).
  function buildSections() {
    var root = article();
    sections = [];
    if (!root) { return; }
    var group = [];
    Array.prototype.forEach.call(root.children, function (node) {
      var startsSection = node.tagName === "H2" || (isSession(node) && group.some(isSession));
      if (startsSection && group.length) {
        sections.push(group);
        group = [];
      }
      group.push(node);
    });
    if (group.length) { sections.push(group); }
  }

  function show(index) {
    current = Math.max(0, Math.min(index, sections.length - 1));
    sections.forEach(function (group, number) {
      group.forEach(function (node) {
        node.setAttribute("data-hb-section", String(number));
        node.hidden = number !== current;
      });
    });
    if (bar) {
      bar.querySelector(".hb-present-count").textContent =
        format(ui["present-counter"] || "{current} / {total}", { current: current + 1, total: sections.length });
    }
    window.scrollTo(0, 0);
  }

  function button(label, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "hb-button";
    element.textContent = label;
    element.addEventListener("click", onClick);
    return element;
  }

  function startPresenting() {
    buildSections();
    document.documentElement.classList.add("hb-present");
    try { window.sessionStorage.setItem(PRESENT_KEY, "1"); } catch (error) { /* not remembered */ }
    if (!bar) {
      bar = document.createElement("nav");
      bar.className = "hb-present-bar";
      bar.setAttribute("aria-label", ui["present-start"] || "Presentation");
      var count = document.createElement("span");
      count.className = "hb-present-count";
      count.setAttribute("aria-live", "polite");
      bar.appendChild(button("←", function () { show(current - 1); }));
      bar.lastChild.title = ui["present-previous"] || "";
      bar.appendChild(count);
      bar.appendChild(button("→", function () { show(current + 1); }));
      bar.lastChild.title = ui["present-next"] || "";
      bar.appendChild(button(ui["present-exit"] || "×", stopPresenting));
      document.body.appendChild(bar);
    }
    show(0);
  }

  function stopPresenting() {
    document.documentElement.classList.remove("hb-present");
    try { window.sessionStorage.removeItem(PRESENT_KEY); } catch (error) { /* nothing kept */ }
    sections.forEach(function (group) {
      group.forEach(function (node) { node.hidden = false; node.removeAttribute("data-hb-section"); });
    });
  }

  function onKey(event) {
    if (!document.documentElement.classList.contains("hb-present")) { return; }
    if (event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) { return; }
    if (["ArrowRight", "PageDown", " "].indexOf(event.key) !== -1) {
      event.preventDefault();
      show(current + 1);
    } else if (["ArrowLeft", "PageUp"].indexOf(event.key) !== -1) {
      event.preventDefault();
      show(current - 1);
    } else if (event.key === "Escape") {
      stopPresenting();
    }
  }

  function addPresentButton() {
    var header = document.querySelector(".md-header__inner");
    if (!header || !article()) { return; }
    var wrapper = document.createElement("div");
    wrapper.className = "hb-present-toggle";
    var toggle = button(ui["present-start"] || "Present", startPresenting);
    toggle.title = ui["present-start-hint"] || "";
    toggle.className = "";
    wrapper.appendChild(toggle);
    var search = header.querySelector(".md-search");
    header.insertBefore(wrapper, search || null);
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

  var OFFLINE_CACHE = "handbook-offline"; // the same name as in overrides/sw.js

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
      return [index].concat(Object.keys(pages));
    });
  }

  function filesThisPageUses() {
    return performance.getEntriesByType("resource").map(function (entry) { return entry.name.split("#")[0]; })
      .filter(function (url) { return new URL(url).origin === location.origin && !/sitemap\.xml$/.test(url); });
  }

  function saveForOffline(box) {
    var status = box.querySelector("[data-offline-status]");
    return navigator.serviceWorker.register(new URL("sw.js", SITE_ROOT).href, { scope: SITE_ROOT.pathname })
      .then(function () { return Promise.all([pagesOfThisLanguage(), caches.open(OFFLINE_CACHE)]); })
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
        });
      })
      .catch(function () { status.textContent = ui["offline-failed"] || ""; });
  }

  function removeOffline(box) {
    if (navigator.serviceWorker.controller) { navigator.serviceWorker.controller.postMessage("forget"); }
    return ourRegistration().then(function (registration) { return registration && registration.unregister(); })
      .then(function () { return caches.delete(OFFLINE_CACHE); })
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
    ourRegistration().then(function (registration) { showOfflineState(box, Boolean(registration)); });
    box.querySelector("[data-offline-save]").addEventListener("click", function () { saveForOffline(box); });
    box.querySelector("[data-offline-remove]").addEventListener("click", function () { removeOffline(box); });
  }

  /* ---------- quick exit (helplines page) ---------- */

  function quickExit(event) {
    event.preventDefault();
    window.location.replace("about:blank"); // replaces this page in history: Back does not bring it back
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-offline]"), setUpOffline);
    Array.prototype.forEach.call(document.querySelectorAll("[data-quick-exit]"), function (link) {
      link.addEventListener("click", quickExit);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".hb-checklist[data-checklist]"), setUpChecklist);
    Array.prototype.forEach.call(document.querySelectorAll(".hb-form [data-print-form]"), function (control) {
      control.addEventListener("click", function () { printOneForm(control.closest(".hb-form")); });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset .headerlink"), function (link) {
      link.title = ui["permalink"] || link.title; // the Markdown toc extension writes one title for all languages
    });
    addPresentButton();
    document.addEventListener("keydown", onKey);
    var presenting = false;
    try { presenting = window.sessionStorage.getItem(PRESENT_KEY) === "1"; } catch (error) { presenting = false; }
    if (presenting) { startPresenting(); }
  });
})();
