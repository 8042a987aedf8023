/* The handbook's service worker, for reading offline.
   handbook.js registers it only when the reader presses "Save for reading offline", and removes it
   (with everything saved) on "Remove saved pages": until then the browser keeps nothing of the site.
   Pages: the network first, the saved copy when there is no network.
   Other files (styles, scripts, the search index): the saved copy first, refreshed in the background.
   Only this site's own files pass through it. */
var CACHE = "handbook-offline"; // the same name as in handbook.js
var keeping = true; // "Remove saved pages" says "forget": open tabs must not save pages again

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", function (event) {
  if (event.data === "forget") { keeping = false; }
});

function keep(request, response) {
  if (keeping && response.ok) {
    caches.open(CACHE).then(function (cache) { cache.put(request, response); });
  }
}

function fetchAndKeep(request) {
  return fetch(request).then(function (response) {
    keep(request, response.clone());
    return response;
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    event.respondWith(fetchAndKeep(request).catch(function () {
      return caches.match(request, { ignoreSearch: true }).then(function (saved) {
        return saved || Response.error();
      });
    }));
    return;
  }
  event.respondWith(caches.match(request).then(function (saved) {
    var fresh = fetchAndKeep(request);
    if (!saved) { return fresh; }
    fresh.catch(function () { /* offline: the saved copy serves */ });
    return saved;
  }));
});
