/* Projector mode: a page shown one section at a time in large type, driven by a presentation remote,
   with a presenter view (the same page opened with ?presenter in a second window) that shows the
   trainer's notes, what comes next and a timer for the parts of a session plan.

   Keys (a remote sends PageDown/PageUp, sometimes Space, B or "."):
     PageDown, Space, →, ↓   one screen further; at the end of a section, the next section
     PageUp, Shift+Space, ←, ↑   one screen back; at the top of a section, the end of the previous one
     Home / End               the first / last section
     B or "."                 black screen; any key brings the picture back
     F                        full screen
     Escape                   leave the mode
   The two windows talk over a BroadcastChannel (same site only); the presenter view forwards the
   keys it receives, so the remote works whichever window has the focus.
   Interface strings and format() come from handbook.js (window.handbook), loaded before this file. */
(function () {
  "use strict";

  var ui = window.handbook.ui;          // interface strings and format(), from handbook.js
  var format = window.handbook.format;

  var PRESENT_KEY = "handbook.present";        // this tab is in projector mode (survives moving to another page)
  var PLACE_KEY = "handbook.present.place";    // where it was, so a reload (F5 on some remotes) keeps the place
  var ID_KEY = "handbook.present.id";          // which projecting tab a presenter view follows
  var CHANNEL = "handbook-projector";
  // Blocks for the trainer only: not projected, shown in the presenter view.
  var TRAINER_ONLY = ".admonition.trainer, details.trainer, .hb-trainer-only, [data-trainer-only]";

  var root = document.documentElement;
  var sections = [];       // [{nodes, title, session, number, parts: [{node, title, minutes}], notes}]
  var current = 0;
  var part = 0;            // the part of a session plan in view
  var presenting = false;
  var blanked = false;
  var bar = null;
  var blank = null;
  var channel = null;
  var windowId = "";
  var presenterWindow = null;
  var movedQuickExit = null;

  function session() {
    try { return window.sessionStorage; } catch (error) { return null; }
  }

  function remember(key, value) {
    var store = session();
    if (!store) { return; }
    try {
      if (value === null) { store.removeItem(key); } else { store.setItem(key, value); }
    } catch (error) { /* not remembered */ }
  }

  function recall(key) {
    var store = session();
    try { return store ? store.getItem(key) : null; } catch (error) { return null; }
  }

  function openChannel() {
    if (!channel && "BroadcastChannel" in window) { channel = new BroadcastChannel(CHANNEL); }
    return channel;
  }

  /* ---------- the page in sections ---------- */

  function article() {
    return document.querySelector(".md-content article");
  }

  function isSession(node) {
    return node.classList.contains("hb-session");
  }

  function headingText(node) {
    var copy = node.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) { link.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function minutesOf(node) {
    var found = node && /\d+/.exec(node.textContent);
    return found ? parseInt(found[0], 10) : 0;
  }

  function describe(nodes) {
    var info = { nodes: nodes, title: "", session: null, number: "", parts: [], notes: [] };
    nodes.forEach(function (node) {
      if (!info.session && isSession(node)) { info.session = node; }
      if (!info.title && /^H[12]$/.test(node.tagName)) { info.title = headingText(node); }
      if (node.matches(TRAINER_ONLY)) { info.notes.push(node); }
      Array.prototype.forEach.call(node.querySelectorAll(TRAINER_ONLY), function (note) { info.notes.push(note); });
    });
    if (info.session) {
      var title = info.session.querySelector(".hb-block-title");
      if (title) {
        info.title = headingText(title);
        var number = /\d+/.exec(info.title);
        info.number = number ? number[0] : "";
      }
      Array.prototype.forEach.call(info.session.querySelectorAll(".hb-session__part"), function (item) {
        var name = item.querySelector(".hb-session__part-title");
        var copy = name ? name.cloneNode(true) : null;
        if (copy) { Array.prototype.forEach.call(copy.querySelectorAll(".hb-session__minutes"), function (m) { m.remove(); }); }
        info.parts.push({
          node: item,
          title: copy ? copy.textContent.replace(/\s+/g, " ").trim() : "",
          minutes: minutesOf(item.querySelector(".hb-session__minutes"))
        });
      });
    }
    return info;
  }

  // The title and intro, then one section per h2. Session plans come one at a time
  // (the heading above the first one stays with it).
  function buildSections() {
    var box = article();
    var groups = [];
    if (box) {
      var group = [];
      Array.prototype.forEach.call(box.children, function (node) {
        var startsSection = node.tagName === "H2" || (isSession(node) && group.some(isSession));
        if (startsSection && group.length) {
          groups.push(group);
          group = [];
        }
        group.push(node);
      });
      if (group.length) { groups.push(group); }
    }
    sections = groups.map(describe);
  }

  function stepNumber() {
    var found = /\/manual\/(\d+)-/.exec(location.pathname);
    return found ? String(parseInt(found[1], 10)) : "";
  }

  // "Шаг 14 · 3/7", "Занятие 5 · часть 2/6", or "Раздел 3 из 7" on other pages.
  function positionText(index, partIndex) {
    var info = sections[index];
    if (!info) { return ""; }
    if (info.number && info.parts.length) {
      return format(ui["present-position-session"] || "{session} · {part}/{parts}",
        { session: info.number, part: partIndex + 1, parts: info.parts.length });
    }
    var step = stepNumber();
    if (step) {
      return format(ui["present-position-step"] || "{step} · {current}/{total}",
        { step: step, current: index + 1, total: sections.length });
    }
    return format(ui["present-counter"] || "{current} / {total}", { current: index + 1, total: sections.length });
  }

  /* ---------- projecting: one section at a time, a screen at a time ---------- */

  // In projector mode the page scrolls inside .md-container, which ends where the bar begins:
  // the bar has its own strip at the bottom and never covers a line of text.
  function scroller() {
    return document.querySelector(".md-container") || document.scrollingElement;
  }

  function lineHeight() {
    var box = article();
    var value = box ? parseFloat(getComputedStyle(box).lineHeight) : NaN;
    return isNaN(value) ? 32 : value;
  }

  function scrollTo(top) {
    var box = scroller();
    box.scrollTop = Math.max(0, Math.min(top, box.scrollHeight - box.clientHeight));
  }

  // One screen, less two lines: the fallback when the lines cannot be measured.
  function screenStep() {
    var height = scroller().clientHeight;
    return Math.max(height - 2 * lineHeight(), height / 2);
  }

  // The boxes of every line of text (and every picture, table cell or box to write in) of the section on screen.
  function lineBoxes() {
    var boxes = [];
    var range = document.createRange();
    (sections[current] ? sections[current].nodes : []).forEach(function (node) {
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (var text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.nodeValue.trim()) { continue; }
        range.selectNodeContents(text);
        Array.prototype.push.apply(boxes, Array.prototype.slice.call(range.getClientRects()));
      }
      var things = "img, svg, canvas, video, iframe, input, textarea, select, td, th, hr, .hb-lines > span";
      Array.prototype.forEach.call(node.querySelectorAll(things), function (item) {
        boxes.push(item.getBoundingClientRect());
      });
    });
    return boxes.filter(function (box) { return box.height > 0; });
  }

  // How far to scroll for the next screen: the first line not yet seen whole comes to the top,
  // so no line is cut in half at the top and none is skipped; backwards, the last line above the
  // screen comes to the bottom. 0 when everything that way has been seen (the end or the top of
  // the section: blank space left below or above does not count).
  function pageDistance(direction) {
    var view = scroller().getBoundingClientRect();
    var top = view.top, bottom = view.top + scroller().clientHeight;
    var room = 2; // px above a line: less than the gap between two lines, so no sliver of the line before shows
    var distance = null;
    lineBoxes().forEach(function (box) {
      var step = null;
      if (direction > 0 && box.bottom > bottom + 0.5) {
        step = box.top > top + 0.5 ? box.top - room - top : screenStep(); // a picture taller than the screen
      }
      if (direction < 0 && box.top < top - 0.5) {
        step = box.bottom < bottom - 0.5 ? bottom - (box.bottom + room) : screenStep();
      }
      if (step !== null) { distance = distance === null ? step : Math.min(distance, step); }
    });
    if (distance === null) { return 0; }
    // at most a screen (more would only cross empty space); at least a line (a box starting at the edge)
    return direction * Math.min(Math.max(distance, Math.min(lineHeight(), screenStep())), scroller().clientHeight);
  }

  function partInView() {
    var info = sections[current];
    if (!info || !info.parts.length) { return 0; }
    var box = scroller().getBoundingClientRect();
    var line = box.top + (box.bottom - box.top) * 0.4; // the part that reaches the upper half of the screen
    var found = 0;
    info.parts.forEach(function (item, index) {
      if (item.node.getBoundingClientRect().top <= line) { found = index; }
    });
    return found;
  }

  function measureBar() {
    if (bar) { root.style.setProperty("--hb-present-bar", bar.offsetHeight + "px"); }
  }

  function show(index, where) {
    current = Math.max(0, Math.min(index, sections.length - 1));
    sections.forEach(function (info, number) {
      info.nodes.forEach(function (node) {
        node.setAttribute("data-hb-section", String(number));
        node.hidden = number !== current;
      });
    });
    measureBar();
    scrollTo(where === "end" ? scroller().scrollHeight : 0);
    update(true);
  }

  function update(always) {
    if (!presenting) { return; }
    var seen = partInView();
    var changed = seen !== part;
    part = seen;
    if (bar) { bar.querySelector(".hb-present-position").textContent = positionText(current, part); }
    remember(PLACE_KEY, JSON.stringify({ path: location.pathname, section: current, top: scroller().scrollTop }));
    if (always || changed) { announce(); }
  }

  function announce(replyTo) {
    if (!presenting || !openChannel()) { return; }
    channel.postMessage({
      type: "state", from: windowId, path: location.pathname, section: current, total: sections.length,
      part: part, blank: blanked, reply: Boolean(replyTo)
    });
  }

  // The last screen of a section: as far down as it goes, but starting at a line when the blank
  // space under the section leaves room for it, so that no line is cut at the top either.
  function lastScreen(before) {
    var box = scroller();
    var end = box.scrollHeight - box.clientHeight;
    var viewTop = box.getBoundingClientRect().top;
    var room = 2; // px above a line: less than the gap between two lines, so no sliver of the line before shows
    var boxes = lineBoxes();
    var last = Math.max.apply(null, boxes.map(function (rect) { return rect.bottom - viewTop + before; }));
    var best = null;
    boxes.forEach(function (rect) {
      var start = rect.top - viewTop + before - room;
      if (start <= end && start > before && last <= start + box.clientHeight && (best === null || start > best)) { best = start; }
    });
    return best === null ? end : best;
  }

  // PageDown: a screen further while the section goes on, then the next section from its top.
  function forward() {
    var box = scroller(), before = box.scrollTop, distance = pageDistance(1);
    if (distance && before + distance > box.scrollHeight - box.clientHeight) { distance = lastScreen(before) - before; }
    if (distance) { scrollTo(before + distance); }
    if (distance && box.scrollTop !== before) {
      update();
    } else if (current < sections.length - 1) {
      show(current + 1, "top");
    }
  }

  // PageUp: a screen back while there is more above, then the previous section from its end.
  function back() {
    var box = scroller(), before = box.scrollTop, distance = pageDistance(-1);
    if (distance && before + distance < lineHeight()) { distance = -before; } // the top of the section, as it first showed
    if (distance) { scrollTo(before + distance); }
    if (distance && box.scrollTop !== before) {
      update();
    } else if (current > 0) {
      show(current - 1, "end");
    }
  }

  function setBlank(on) {
    blanked = on;
    root.classList.toggle("hb-present-blanked", on);
    if (blank) { blank.hidden = !on; }
    announce();
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      if (document.exitFullscreen) { document.exitFullscreen().catch(function () { /* stays */ }); }
    } else if (root.requestFullscreen) {
      root.requestFullscreen().catch(function () { /* the browser refused: stays in the window */ });
    }
  }

  function showFullscreenState() {
    var control = bar && bar.querySelector("[data-present-fullscreen]");
    if (!control) { return; }
    var on = Boolean(document.fullscreenElement);
    control.setAttribute("aria-pressed", String(on));
    control.title = on ? ui["present-fullscreen-exit"] || "" : ui["present-fullscreen"] || "";
    setTimeout(measureBar, 100);
  }

  function openPresenterView() {
    var address = location.pathname + "?presenter=" + encodeURIComponent(windowId);
    if (presenterWindow && !presenterWindow.closed) {
      presenterWindow.focus();
      return;
    }
    presenterWindow = window.open(address, "hb-presenter-" + windowId, "popup,width=1000,height=720");
  }

  function perform(action) {
    if (action === "forward") { forward(); }
    else if (action === "back") { back(); }
    else if (action === "first") { show(0, "top"); }
    else if (action === "last") { show(sections.length - 1, "top"); }
    else if (action === "blank") { setBlank(true); }
    else if (action === "fullscreen") { toggleFullscreen(); }
    else if (action === "exit") { stopPresenting(); }
  }

  // What a key means; null for keys the mode leaves alone.
  function actionOf(event) {
    var key = event.key;
    if (key === " " || key === "Spacebar") { return event.shiftKey ? "back" : "forward"; }
    if (["PageDown", "ArrowRight", "ArrowDown"].indexOf(key) !== -1) { return "forward"; }
    if (["PageUp", "ArrowLeft", "ArrowUp"].indexOf(key) !== -1) { return "back"; }
    if (key === "Home") { return "first"; }
    if (key === "End") { return "last"; }
    if (key === "Escape") { return "exit"; }
    // by the key's place as well, for a Russian or Kazakh keyboard layout (B is «и», "." is «ю»)
    if (key === "b" || key === "B" || key === "." || event.code === "KeyB" || event.code === "Period") { return "blank"; }
    if (key === "f" || key === "F" || event.code === "KeyF") { return "fullscreen"; }
    return null;
  }

  var MODIFIERS = ["Shift", "Control", "Alt", "AltGraph", "Meta", "CapsLock", "Fn"];

  function handleKey(event, fromPresenter) {
    if (event.ctrlKey || event.altKey || event.metaKey || MODIFIERS.indexOf(event.key) !== -1) { return false; }
    if (blanked) { setBlank(false); return true; } // any key brings the picture back, and does nothing else
    var action = actionOf(event);
    if (!action || (fromPresenter && (action === "exit" || action === "fullscreen"))) { return false; }
    perform(action);
    return true;
  }

  function typingInto(target, key) {
    if (!target || !target.tagName) { return false; }
    if (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName)) { return true; }
    if (target.tagName === "INPUT") {
      // Space ticks a focused checkbox; every other key still drives the presentation
      return !/^(checkbox|radio)$/.test(target.type) || key === " ";
    }
    // a control reached with Tab is pressed with Space or Enter
    return /^(BUTTON|A|SUMMARY)$/.test(target.tagName) && (key === " " || key === "Enter");
  }

  // Runs first (window, capture phase): a key the mode uses reaches nothing else. Material's own
  // one-key shortcuts would move to the next page on "." and put the focus into the hidden search
  // on "f", "s" or "/", after which the remote would type into it.
  function onKey(event) {
    if (!presenting || typingInto(event.target, event.key)) { return; }
    if (handleKey(event, false)) {
      event.preventDefault();
      event.stopPropagation();
    } else if (["s", "S", "/"].indexOf(event.key) !== -1) {
      event.stopPropagation();
    }
  }

  function button(label, title, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    if (title) { element.title = title; }
    if (title && label.length < 3) { element.setAttribute("aria-label", title); } // a sign such as ← is named by its title
    element.addEventListener("click", function (event) {
      onClick(event);
      // after a mouse click the focus goes back to the page, so the remote's Space turns the page
      if (event.detail > 0) { element.blur(); }
    });
    return element;
  }

  function buildBar() {
    bar = document.createElement("nav");
    bar.className = "hb-present-bar";
    bar.setAttribute("aria-label", ui["present-start"] || "Presentation");
    var position = document.createElement("span");
    position.className = "hb-present-position";
    position.setAttribute("aria-live", "polite");
    bar.appendChild(position);
    bar.appendChild(button("←", ui["present-back"], back));
    bar.appendChild(button("→", ui["present-forward"], forward));
    var blankButton = button("■", ui["present-blank"], function () { setBlank(true); });
    bar.appendChild(blankButton);
    if ("BroadcastChannel" in window) {
      var presenter = button(ui["present-presenter"] || "Presenter", ui["present-presenter-hint"], openPresenterView);
      presenter.setAttribute("data-present-presenter", "");
      bar.appendChild(presenter);
    }
    if (document.fullscreenEnabled) {
      var full = button("⛶", ui["present-fullscreen"], toggleFullscreen);
      full.setAttribute("data-present-fullscreen", "");
      full.setAttribute("aria-pressed", "false");
      bar.appendChild(full);
    }
    bar.appendChild(button(ui["present-exit"] || "×", "", stopPresenting));
    document.body.appendChild(bar);

    blank = document.createElement("div");
    blank.className = "hb-present-blank";
    blank.hidden = true;
    blank.addEventListener("click", function () { setBlank(false); });
    document.body.appendChild(blank);
  }

  var pending = false;
  function onScroll() {
    if (!presenting || pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; update(); });
  }

  function startPresenting(place) {
    buildSections();
    if (!sections.length) { return; }
    presenting = true;
    windowId = recall(ID_KEY) || Math.random().toString(36).slice(2, 10);
    remember(ID_KEY, windowId);
    remember(PRESENT_KEY, "1");
    root.classList.add("hb-present");
    if (!bar) { buildBar(); }
    // the quick-exit button (helplines page) moves into the bar: always in reach, never over the text
    var quick = document.querySelector(".hb-quick-exit");
    if (quick && !movedQuickExit) {
      movedQuickExit = { node: quick, parent: quick.parentNode, next: quick.nextSibling };
      bar.insertBefore(quick, bar.firstChild.nextSibling);
    }
    scroller().addEventListener("scroll", onScroll);
    if (place && place.path === location.pathname) {
      show(place.section, "top");
      scrollTo(place.top || 0);
      update(true);
    } else {
      show(0, "top");
    }
  }

  function stopPresenting() {
    if (!presenting) { return; }
    var first = sections[current] && sections[current].nodes[0];
    if (blanked) { setBlank(false); }
    presenting = false;
    if (document.fullscreenElement && document.exitFullscreen) { document.exitFullscreen().catch(function () { /* stays */ }); }
    if (openChannel()) { channel.postMessage({ type: "stopped", from: windowId }); }
    scroller().removeEventListener("scroll", onScroll);
    root.classList.remove("hb-present");
    remember(PRESENT_KEY, null);
    remember(PLACE_KEY, null);
    if (movedQuickExit) {
      movedQuickExit.parent.insertBefore(movedQuickExit.node, movedQuickExit.next);
      movedQuickExit = null;
    }
    sections.forEach(function (info) {
      info.nodes.forEach(function (node) { node.hidden = false; node.removeAttribute("data-hb-section"); });
    });
    if (first && first.scrollIntoView) { first.scrollIntoView(); } // the reader stays where the audience was
  }

  function onMessage(event) {
    var message = event.data || {};
    if (!presenting) { return; }
    if (message.type === "hello" && (message.follow === windowId || !message.follow)) { announce(true); }
    if (message.type === "key" && message.to === windowId) { handleKey(message, true); }
  }

  function addPresentButton() {
    var header = document.querySelector(".md-header__inner");
    if (!header || !article()) { return; }
    var wrapper = document.createElement("div");
    wrapper.className = "hb-present-toggle";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.textContent = ui["present-start"] || "Present";
    toggle.title = ui["present-start-hint"] || "";
    toggle.addEventListener("click", function () { startPresenting(null); });
    wrapper.appendChild(toggle);
    var search = header.querySelector(".md-search");
    header.insertBefore(wrapper, search || null);
  }

  /* ---------- the presenter view: this page with ?presenter=<id of the projecting tab> ---------- */

  var view = {};
  var timers = {};          // one countdown per part: {left: ms, since: time it was started or null}
  var shownPart = -1;
  var followedPart = -1;
  var shownSection = -1;
  var ticking = null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function timerKey(partIndex) {
    return shownSection + ":" + partIndex;
  }

  function timerOf(partIndex) {
    var key = timerKey(partIndex);
    var info = sections[shownSection];
    if (!timers[key]) { timers[key] = { left: info.parts[partIndex].minutes * 60000, since: null }; }
    return timers[key];
  }

  function leftOf(timer) {
    return timer.since === null ? timer.left : timer.left - (Date.now() - timer.since);
  }

  function clock(ms) {
    var seconds = Math.round(Math.abs(ms) / 1000);
    var text = String(Math.floor(seconds / 60)).padStart(2, "0") + ":" + String(seconds % 60).padStart(2, "0");
    return (ms < 0 ? "−" : "") + text;
  }

  function drawTimer() {
    var info = sections[shownSection];
    if (!info || !info.parts.length || shownPart < 0) { return; }
    var timer = timerOf(shownPart);
    var left = leftOf(timer);
    view.clock.textContent = clock(left);
    view.clock.classList.toggle("is-over", left < 0);
    view.over.hidden = left >= 0;
    view.startPause.textContent = timer.since === null ? ui["present-timer-start"] || "Start" : ui["present-timer-pause"] || "Pause";
  }

  function tick() {
    var running = Object.keys(timers).some(function (key) { return timers[key].since !== null; });
    if (running && !ticking) { ticking = setInterval(drawTimer, 250); }
    if (!running && ticking) { clearInterval(ticking); ticking = null; }
    drawTimer();
  }

  function pause(timer) {
    if (timer.since !== null) { timer.left = leftOf(timer); timer.since = null; }
  }

  // Moving to another part: a clock that was running carries on with the new part.
  function choosePart(index) {
    var info = sections[shownSection];
    if (!info || !info.parts.length) { return; }
    index = Math.max(0, Math.min(index, info.parts.length - 1));
    if (index === shownPart) { return; }
    var wasRunning = false;
    if (shownPart >= 0 && shownPart < info.parts.length) {
      var old = timerOf(shownPart);
      wasRunning = old.since !== null;
      pause(old);
    }
    shownPart = index;
    var timer = timerOf(index);
    if (wasRunning && timer.since === null) { timer.since = Date.now(); }
    view.partTitle.textContent = info.parts[index].title;
    Array.prototype.forEach.call(view.parts.children, function (item, number) {
      item.classList.toggle("is-current", number === index);
      if (number === index) { item.setAttribute("aria-current", "step"); } else { item.removeAttribute("aria-current"); }
    });
    view.position.textContent = positionText(shownSection, index);
    tick();
  }

  function drawSection(index) {
    var info = sections[index];
    if (!info) { return; }
    if (index !== shownSection) {
      Object.keys(timers).forEach(function (key) { pause(timers[key]); });
      shownSection = index;
      shownPart = -1;
      followedPart = -1;
      view.title.textContent = info.title;
      var next = sections[index + 1];
      view.next.textContent = next ? next.title : ui["present-last"] || "";
      view.notes.textContent = "";
      if (info.notes.length) {
        info.notes.forEach(function (note) {
          var copy = note.cloneNode(true);
          copy.removeAttribute("id");
          Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (node) { node.removeAttribute("id"); });
          if (copy.tagName === "DETAILS") { copy.open = true; }
          view.notes.appendChild(copy);
        });
      } else {
        view.notes.appendChild(element("p", "hb-presenter__empty", ui["present-no-notes"] || ""));
      }
      view.timer.hidden = !info.parts.length;
      view.parts.textContent = "";
      info.parts.forEach(function (item) {
        var row = element("li", "", item.title + " ");
        row.appendChild(element("span", "hb-presenter__minutes",
          format(ui["session-minutes"] || "{minutes} min", { minutes: item.minutes })));
        view.parts.appendChild(row);
      });
    }
    view.position.textContent = positionText(index, Math.max(shownPart, 0));
  }

  function onState(message) {
    if (!view.follow) { view.follow = message.from; } // opened by hand as ?presenter: the first to answer
    if (message.from !== view.follow) { return; }
    if (message.path !== location.pathname) {
      // the projected window went to another page: follow it
      location.replace(message.path + "?presenter=" + encodeURIComponent(view.follow));
      return;
    }
    view.waiting.hidden = true;
    view.status.hidden = !message.blank;
    drawSection(message.section);
    if (sections[shownSection].parts.length && message.part !== followedPart) {
      followedPart = message.part;
      choosePart(message.part);
    }
  }

  function startPresenterView(follow) {
    // the window was opened from the projecting tab and got a copy of its storage: it is not projecting
    remember(PRESENT_KEY, null);
    remember(PLACE_KEY, null);
    remember(ID_KEY, null);
    buildSections();
    root.classList.add("hb-presenter-view");
    document.title = (ui["present-presenter"] || "Presenter view") + " — " + document.title;
    view.follow = follow;

    var panel = element("main", "hb-presenter md-typeset");
    panel.setAttribute("aria-label", ui["present-presenter"] || "Presenter view");
    var head = element("div", "hb-presenter__head");
    view.position = element("p", "hb-presenter__position");
    view.position.setAttribute("aria-live", "polite");
    head.appendChild(view.position);
    view.status = element("p", "hb-presenter__status", ui["present-blanked"] || "");
    view.status.hidden = true;
    head.appendChild(view.status);
    view.waiting = element("p", "hb-presenter__waiting", ui["present-waiting"] || "");
    head.appendChild(view.waiting);
    panel.appendChild(head);

    var side = element("div", "hb-presenter__side");
    var now = element("section", "hb-presenter__now");
    now.appendChild(element("h2", "hb-presenter__label", ui["present-now"] || ""));
    view.title = element("p", "hb-presenter__title");
    now.appendChild(view.title);
    now.appendChild(element("h2", "hb-presenter__label", ui["present-next"] || ""));
    view.next = element("p", "hb-presenter__next");
    now.appendChild(view.next);
    side.appendChild(now);

    view.timer = element("section", "hb-presenter__timer");
    view.timer.hidden = true;
    view.timer.appendChild(element("h2", "hb-presenter__label", ui["present-timer"] || ""));
    view.partTitle = element("p", "hb-presenter__part");
    view.timer.appendChild(view.partTitle);
    view.clock = element("p", "hb-presenter__clock");
    view.clock.setAttribute("role", "timer");
    view.timer.appendChild(view.clock);
    view.over = element("p", "hb-presenter__over", ui["present-timer-over"] || "");
    view.over.hidden = true;
    view.timer.appendChild(view.over);
    var controls = element("div", "hb-presenter__buttons");
    controls.appendChild(button("‹", ui["present-part-previous"], function () { choosePart(shownPart - 1); }));
    view.startPause = button(ui["present-timer-start"] || "Start", "", function () {
      var timer = timerOf(shownPart);
      if (timer.since === null) { timer.since = Date.now(); } else { pause(timer); }
      tick();
    });
    view.startPause.setAttribute("data-timer-start", "");
    controls.appendChild(view.startPause);
    var reset = button(ui["present-timer-reset"] || "Reset", "", function () {
      timers[timerKey(shownPart)] = null;
      delete timers[timerKey(shownPart)];
      tick();
    });
    reset.setAttribute("data-timer-reset", "");
    controls.appendChild(reset);
    controls.appendChild(button("›", ui["present-part-next"], function () { choosePart(shownPart + 1); }));
    view.timer.appendChild(controls);
    view.parts = element("ol", "hb-presenter__parts");
    view.timer.appendChild(view.parts);
    side.appendChild(view.timer);

    var remote = element("div", "hb-presenter__buttons hb-presenter__remote");
    [["←", "present-back", "PageUp"], ["→", "present-forward", "PageDown"], ["■", "present-blank", "b"]].forEach(function (spec) {
      remote.appendChild(button(spec[0], ui[spec[1]], function () { send({ key: spec[2], code: "" }); }));
    });
    head.appendChild(remote); // in the top row: in reach whatever the height of the window
    panel.appendChild(side);

    var notes = element("section", "hb-presenter__notes");
    notes.appendChild(element("h2", "hb-presenter__label", ui["present-notes"] || ""));
    view.notes = element("div", "hb-presenter__notes-body");
    notes.appendChild(view.notes);
    panel.appendChild(notes);
    document.body.appendChild(panel);

    drawSection(0);
    openChannel();
    channel.addEventListener("message", function (event) {
      var message = event.data || {};
      if (message.type === "state") { onState(message); }
      if (message.type === "stopped" && message.from === view.follow) { view.waiting.hidden = false; view.status.hidden = true; }
    });
    channel.postMessage({ type: "hello", follow: follow });

    // the remote may be pressed while this window has the focus: its keys go to the projected window
    // (and none reaches Material's shortcuts, which would take this window to another page)
    window.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.altKey || event.metaKey || typingInto(event.target, event.key)) { return; }
      event.stopPropagation();
      var action = actionOf(event);
      var blankNow = !view.status.hidden;
      if ((action && action !== "exit" && action !== "fullscreen") || (blankNow && MODIFIERS.indexOf(event.key) === -1)) {
        event.preventDefault();
        send(event);
      }
    }, true);
  }

  function send(event) {
    if (!openChannel()) { return; }
    channel.postMessage({ type: "key", to: view.follow, key: event.key, code: event.code || "", shiftKey: Boolean(event.shiftKey) });
  }

  /* ---------- start ---------- */

  document.addEventListener("DOMContentLoaded", function () {
    var follow = new URLSearchParams(location.search).get("presenter");
    if (follow !== null && "BroadcastChannel" in window) {
      startPresenterView(follow);
      return;
    }
    addPresentButton();
    window.addEventListener("keydown", onKey, true);
    document.addEventListener("fullscreenchange", showFullscreenState);
    window.addEventListener("resize", function () { if (presenting) { measureBar(); update(); } });
    if (openChannel()) { channel.addEventListener("message", onMessage); }
    if (recall(PRESENT_KEY) === "1") {
      var place = null;
      try { place = JSON.parse(recall(PLACE_KEY) || "null"); } catch (error) { place = null; }
      startPresenting(place);
    }
  });
})();
