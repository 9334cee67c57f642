// slidegen slideshow runtime: turns the stacked slides of the page into a presentation.
// Parts, in order: setup, theme, navigation, reader mode, overview, help and full screen,
// idle chrome, keyboard, pointer and touch, messages from a host page, speaker view, start.
// It never builds markup from strings and never evaluates code, so the page's strict CSP holds.
(function () {
  "use strict";

  // --- Setup: the page's parts and the show's state -------------------------------------------
  var d = document, w = window, $ = function (id) { return d.getElementById(id); };
  var root = $("sg"), dataEl = $("sg-data");
  if (!root || !dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var slides = [].slice.call(d.querySelectorAll(".sg-slide")), last = slides.length - 1;
  var deck = $("sg-deck"), controls = $("sg-controls"), help = $("sg-help"), toast = $("sg-toast");
  var css = d.querySelector("style").textContent, embedded = w.self !== w.top;
  var cur = -1, reader = false, overview = false, digits = "", digitTimer = 0, toastTimer = 0;
  var idleTimer = 0, sp = null, touch = null;

  root.classList.add("sg-js", "is-show");
  controls.hidden = false;

  // --- Theme: ?theme=light|dark|auto; an embed is light unless its host asks otherwise --------
  function setTheme(name) {
    if (/^(light|dark|auto)$/.test(name)) d.documentElement.setAttribute("data-theme", name);
  }
  var asked = /[?&]theme=(\w+)/.exec(location.search);
  setTheme(asked ? asked[1] : embedded ? "light" : "auto");

  // --- Navigation: one slide at a time, the address, the counter, the live announcement -------
  function counter(i) { return i + " / " + data.total; }

  function setHash(h) {
    if (location.hash.slice(1) === h) return;
    // Inside a host page, history entries would hijack the host's back button.
    try { if (embedded) location.replace("#" + h); else location.hash = h; } catch (e) { }
  }

  function readHash() {
    var h = "";
    try { h = decodeURIComponent(location.hash.slice(1)); } catch (e) { }
    if (h === "notes") setReader(true, true);
    else if (/^\d{1,6}$/.test(h) || h === "") { setReader(false, true); go(h ? +h : 0, true); }
  }

  // Hidden slides are inert, so Tab and screen readers meet only the slide on show.
  function syncInert() {
    slides.forEach(function (s, i) { s.inert = !reader && !overview && i !== cur; });
  }

  function go(n, fromHash) {
    n = Math.max(0, Math.min(last, n));
    if (n !== cur) {
      cur = n;
      slides.forEach(function (s, i) { s.classList.toggle("is-current", i === n); });
      syncInert();
      $("sg-bar").style.width = (last ? n / last * 100 : 100) + "%";
      $("sg-count").textContent = counter(n);
      $("sg-live").textContent = n ? "Slide " + n + " of " + data.total + ": " + data.slides[n - 1].title : data.title;
      if (embedded) {
        try { w.parent.postMessage({ type: "slidegen:slidechange", slide: n, total: data.total }, "*"); } catch (e) { }
      }
      drawSpeaker();
    }
    if (!fromHash && !reader) setHash(String(n));
    if (overview) slides[n].focus();
    if (reader) w.scrollTo(0, slides[n].getBoundingClientRect().top + w.scrollY - 8);
  }

  // --- Reader mode: every slide with its notes, as an article ---------------------------------
  function setReader(on, fromHash) {
    if (on === reader) return;
    reader = on;
    if (on) setOverview(false);
    root.classList.toggle("is-show", !on);
    root.classList.toggle("is-reader", on);
    press("reader", on);
    syncInert();
    if (!fromHash) setHash(on ? "notes" : String(cur));
    if (on && cur >= 0) go(cur, true);
  }

  // --- Overview: tiles as large as the screen allows, arrows move, Enter picks -----------------
  function setOverview(on) {
    if (on === overview) return;
    if (on && reader) setReader(false);
    overview = on;
    root.classList.toggle("is-overview", on);
    press("overview", on);
    slides.forEach(function (s) { if (on) s.tabIndex = 0; else s.removeAttribute("tabindex"); });
    syncInert();
    fitTiles();
    if (on) { slides[cur].focus(); slides[cur].scrollIntoView({ block: "nearest" }); } else root.focus();
  }

  // The fewest columns whose rows of 16:9 tiles fit the screen; tiles at least 15rem wide.
  function fitTiles() {
    if (!overview) return;
    var gap = 16, width = deck.clientWidth - 2 * gap, height = deck.clientHeight - 2 * gap, n = slides.length;
    var most = Math.max(1, Math.floor((width + gap) / (240 + gap))), cols = 1;
    while (cols < most && Math.ceil(n / cols) * ((width - (cols - 1) * gap) / cols * 9 / 16 + gap) > height) cols++;
    deck.style.setProperty("--cols", String(cols));
  }

  function columns() {
    var n = 1;
    while (n <= last && slides[n].offsetTop === slides[0].offsetTop) n++;
    return n;
  }

  // --- Help, messages, full screen -------------------------------------------------------------
  function press(act, on) { controls.querySelector("[data-act=" + act + "]").setAttribute("aria-pressed", String(on)); }

  function say(text) {
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.hidden = true; }, 3500);
  }

  function showHelp(on) {
    help.hidden = !on;
    if (on) help.querySelector("button").focus(); else root.focus();
  }

  function fullscreen() {
    var p = d.fullscreenElement ? d.exitFullscreen() : d.documentElement.requestFullscreen && d.documentElement.requestFullscreen();
    if (p && p.catch) p.catch(function () { say("Full screen is not allowed here"); });
  }

  function onFullscreen() {
    root.classList.toggle("is-full", !!d.fullscreenElement);
    idle(!!d.fullscreenElement);
  }

  // --- Idle chrome: still for a few seconds (or just gone full screen), the buttons fade --------
  function idle(now) {
    clearTimeout(idleTimer);
    root.classList.toggle("is-idle", now);
    if (!now) idleTimer = setTimeout(function () { root.classList.add("is-idle"); }, 3000);
  }

  // --- Keyboard ---------------------------------------------------------------------------------
  function act(name) {
    if (name === "prev") go(cur - 1);
    else if (name === "next") go(cur + 1);
    else if (name === "reader") setReader(!reader);
    else if (name === "overview") setOverview(!overview);
    else if (name === "speaker") speaker();
    else if (name === "fullscreen") fullscreen();
    else if (name === "help") showHelp(help.hidden);
    else if (name === "pause" && sp) { sp.paused = sp.paused ? (sp.start += Date.now() - sp.paused, 0) : Date.now(); tick(); }
    else if (name === "reset" && sp) { sp.start = Date.now(); sp.paused = sp.paused && sp.start; tick(); }
  }

  function onKey(e) {
    var k = e.key, l = k.toLowerCase(), t = e.target, used = true, step = 0;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (t && t.closest && t.closest("button,a") && (k === " " || k === "Enter")) return;
    if (!help.hidden) { if (k === "Escape" || k === "?") showHelp(false); return; }
    if (k === " ") step = e.shiftKey ? -1 : 1;
    if (/^(ArrowRight|ArrowDown|PageDown)$/.test(k)) step = 1;
    if (/^(ArrowLeft|ArrowUp|PageUp)$/.test(k)) step = -1;
    if (overview && /^Arrow(Up|Down)$/.test(k)) step *= columns();
    if (/^[0-9]$/.test(k)) {
      digits = (digits + k).slice(-5);
      clearTimeout(digitTimer);
      digitTimer = setTimeout(function () { digits = ""; }, 2500);
    } else if (k === "Enter" && (digits || overview)) {
      if (digits) go(+digits);
      digits = "";
      if (overview) setOverview(false);
    } else if (reader && !embedded && (step || k === "Home" || k === "End")) {
      // A reader scrolls the page natively when it is the whole window.
      used = false;
    } else if (step) go(cur + step);
    else if (k === "Home") go(0);
    else if (k === "End") go(last);
    else if (k === "Escape" && (overview || reader)) { if (overview) setOverview(false); else setReader(false); }
    else if (k === "?") showHelp(true);
    else if (l === "o") setOverview(!overview);
    else if (l === "n") setReader(!reader);
    else if (l === "f") fullscreen();
    else if (l === "s") speaker();
    else used = false;
    if (used) e.preventDefault();
  }

  // --- Pointer and touch: buttons, click zones (left third back), swipes -----------------------
  function onClick(e) {
    var b = e.target.closest("button[data-act]");
    if (b) { act(b.getAttribute("data-act")); return; }
    if (e.target === help) { showHelp(false); return; }
    if (reader || !deck.contains(e.target) || e.target.closest("a")) return;
    if (overview) {
      var s = e.target.closest(".sg-slide");
      if (s) { go(slides.indexOf(s)); setOverview(false); }
      return;
    }
    var r = deck.getBoundingClientRect();
    go(cur + (e.clientX - r.left < r.width * 0.3 ? -1 : 1));
  }

  function onTouchStart(e) {
    touch = e.touches.length === 1 ? [e.touches[0].clientX, e.touches[0].clientY] : null;
  }

  function onTouchEnd(e) {
    if (!touch || reader || overview) return;
    var c = e.changedTouches[0], dx = c.clientX - touch[0], dy = c.clientY - touch[1];
    touch = null;
    if (Math.abs(dx) > 40 && Math.abs(dx) > 1.5 * Math.abs(dy)) go(cur + (dx < 0 ? 1 : -1));
  }

  // --- Messages from a host page: only the parent may steer, only with a known shape ------------
  function onMessage(e) {
    var m = e.data;
    if (!embedded || e.source !== w.parent || !m || typeof m !== "object" || typeof m.type !== "string") return;
    if (m.type === "slidegen:next") go(cur + 1);
    else if (m.type === "slidegen:prev") go(cur - 1);
    else if (m.type === "slidegen:goto" && typeof m.slide === "number" && m.slide % 1 === 0 && m.slide >= 0 && m.slide <= last) go(m.slide);
    else if (m.type === "slidegen:theme" && typeof m.theme === "string") setTheme(m.theme);
  }

  // --- Speaker view: a blank window this script draws into, so it works from file:// and embeds --
  function speaker() {
    if (sp && !sp.win.closed) { sp.win.focus(); return; }
    var win = null;
    try { win = w.open("", "", "popup,width=1100,height=700"); } catch (e) { }
    var doc = null, style;
    try { doc = win.document; doc.open(); } catch (e) { if (win) win.close(); }
    if (!doc) { say("Speaker view blocked: allow pop-ups or open the file itself"); return; }
    style = doc.createElement("style");
    doc.write("<!doctype html><html><head><meta charset=\"utf-8\"><title></title></head><body></body></html>");
    doc.close();
    doc.documentElement.lang = d.documentElement.lang;
    doc.documentElement.setAttribute("data-theme", d.documentElement.getAttribute("data-theme"));
    doc.title = "Speaker view: " + data.title;
    style.textContent = css;
    doc.head.appendChild(style);
    doc.body.className = "sg-js sg-speaker";
    doc.body.appendChild(doc.importNode($("sg-speaker-tpl").content, true));
    sp = { win: win, doc: doc, start: Date.now(), paused: 0, timer: setInterval(tick, 1000) };
    doc.addEventListener("keydown", function (e) {
      var k = e.key.toLowerCase();
      if (k === "p" || k === "r") { act(k === "p" ? "pause" : "reset"); e.preventDefault(); } else if ("sfno?".indexOf(k) < 0) onKey(e);
    });
    doc.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-act]");
      if (b) act(b.getAttribute("data-act"));
    });
    drawSpeaker();
    tick();
  }

  function drawSpeaker() {
    if (!sp) return;
    if (sp.win.closed) { clearInterval(sp.timer); sp = null; return; }
    var doc = sp.doc, notes = slides[cur].querySelector(".sg-notes"), box = doc.getElementById("sp-notes");
    place(doc.getElementById("sp-cur"), cur);
    place(doc.getElementById("sp-next"), cur < last ? cur + 1 : -1);
    doc.getElementById("sp-pos").textContent = counter(cur);
    box.textContent = "";
    if (notes) box.appendChild(doc.importNode(notes, true));
  }

  // A copy of slide i in a speaker box; the copy's title is not a second page heading.
  function place(box, i) {
    box.textContent = i < 0 ? "End of the slideshow" : "";
    if (i < 0) return;
    var copy = sp.doc.importNode(slides[i], true), from = slides[i].querySelectorAll("img");
    copy.removeAttribute("id");
    copy.removeAttribute("inert");
    copy.removeAttribute("tabindex");
    copy.classList.add("is-current");
    [].forEach.call(copy.querySelectorAll("img"), function (img, j) { img.src = from[j].src; });
    box.appendChild(copy);
  }

  function tick() {
    if (!sp) return;
    if (sp.win.closed) { drawSpeaker(); return; }
    var s = Math.floor(((sp.paused || Date.now()) - sp.start) / 1000), now = new Date();
    var pad = function (x) { return (x < 10 ? "0" : "") + x; };
    sp.doc.getElementById("sp-elapsed").textContent = (s >= 3600 ? Math.floor(s / 3600) + ":" + pad(Math.floor(s / 60) % 60) : Math.floor(s / 60)) + ":" + pad(s % 60);
    sp.doc.getElementById("sp-clock").textContent = pad(now.getHours()) + ":" + pad(now.getMinutes());
    sp.doc.getElementById("sp-pause").textContent = sp.paused ? "Resume" : "Pause";
  }

  // --- Start: listeners, then the slide the address names -------------------------------------
  d.addEventListener("keydown", onKey);
  root.addEventListener("click", onClick);
  deck.addEventListener("touchstart", onTouchStart, { passive: true });
  deck.addEventListener("touchend", onTouchEnd, { passive: true });
  d.addEventListener("pointermove", function () { idle(false); });
  d.addEventListener("fullscreenchange", onFullscreen);
  w.addEventListener("resize", fitTiles);
  w.addEventListener("hashchange", readHash);
  w.addEventListener("message", onMessage);
  w.addEventListener("pagehide", function () { if (sp && !sp.win.closed) sp.win.close(); });

  readHash();
  if (cur < 0) go(0, true);
  // A phone held upright reads the deck as an article unless the address names a slide.
  if (!location.hash && w.matchMedia && w.matchMedia("(max-width: 40rem) and (orientation: portrait)").matches) setReader(true, true);
  idle(false);
})();
