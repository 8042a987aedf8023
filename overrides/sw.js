{#- The handbook's service worker, for reading offline. A theme template (mkdocs.yml,
    `static_templates`), so that the "not saved" page below speaks every language of data/ui.yml. -#}
/* handbook.js registers this worker only when the reader presses "Save for reading offline", and removes it
   (with everything saved) on "Remove saved pages": until then the browser keeps nothing of the site.
   The worker only READS the saved copy: handbook.js alone creates, fills, prunes and deletes it, so a worker
   that the browser stops and starts again can never bring back what the reader removed.
   Every request of this site: the network first, the saved copy when there is no network; a page that was
   not saved gets a short page in its own language instead of the browser's error. */
"use strict";

// The cache handbook.js fills, named after this copy of the site (see there): sw.js?cache=<name>
var CACHE = new URL(self.location.href).searchParams.get("cache") || "";
var SCOPE = self.registration.scope;
var DEFAULT_LANGUAGE = {{ config.extra.handbook_default_language | tojson }};
var NOT_SAVED = {
{%- for lang, strings in config.extra.handbook_ui.items() %}
  {{ lang | tojson }}: {title: {{ strings["offline-not-saved-title"] | tojson }}, text: {{ strings["offline-not-saved-text"] | tojson }}, home: {{ strings["not-found-home"] | tojson }}},
{%- endfor %}
};

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (ch) { return "&#" + ch.charCodeAt(0) + ";"; });
}

// The language of a page of this site: its first folder when that is a language, else the default one.
function languageOf(url) {
  var first = url.slice(SCOPE.length).split("/")[0];
  return Object.prototype.hasOwnProperty.call(NOT_SAVED, first) ? first : DEFAULT_LANGUAGE;
}

function notSavedPage(url) {
  var lang = languageOf(url);
  var strings = NOT_SAVED[lang];
  var home = SCOPE + (lang === DEFAULT_LANGUAGE ? "" : lang + "/");
  var body = "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
    "<title>" + escapeHtml(strings.title) + "</title>" +
    "<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}" +
    "a{color:#00796b}</style></head><body class=\"hb-not-saved\">" +
    "<h1>" + escapeHtml(strings.title) + "</h1><p>" + escapeHtml(strings.text) + "</p>" +
    "<p><a href=\"" + escapeHtml(home) + "\">" + escapeHtml(strings.home) + "</a></p></body></html>";
  return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) { return; }
  var navigate = request.mode === "navigate";
  event.respondWith(fetch(request).catch(function () {
    // caches.match with a cacheName never creates a cache; no cache (removed) means no saved copy
    return caches.match(request, { cacheName: CACHE, ignoreSearch: navigate }).then(function (saved) {
      return saved || (navigate ? notSavedPage(request.url) : Response.error());
    });
  }));
});
