// The present room: this slideshow, served by `slidegen present`, either leads or follows.
//
// The page is the same for the speaker and the audience; only its address differs. The speaker's
// address is /presenter/<secret>: the secret lives in that address alone (never in the page), and
// every slide change the speaker makes is sent with it. Everyone else gets "/" and follows the
// server's event stream, until they page on their own; a button brings them back.
// The show itself is steered only through its address (#N), which it already understands.
(function () {
  "use strict";
  var doc = document, win = window;
  var match = /^\/presenter\/([A-Za-z0-9_-]{16,128})\/?$/.exec(location.pathname);

  // The slide the address shows: a number, 0 for the title, null for reader mode and the like.
  function shownSlide() {
    var h = location.hash.slice(1);
    if (h === "") return 0;
    return /^\d{1,6}$/.test(h) ? +h : null;
  }

  // --- The speaker: report every change, retrying until the server has it. ---
  function lead(secret) {
    var sent = -1, retry = 0;

    function report() {
      var n = shownSlide();
      if (n === null || n === sent) return;
      sent = n;
      clearTimeout(retry);
      fetch("/slide", {
        method: "POST", cache: "no-store", credentials: "omit",
        headers: { "Content-Type": "text/plain", "X-Slidegen-Token": secret },
        body: String(n)
      }).then(function (r) { if (!r.ok) throw new Error(r.status); })
        .catch(function () { sent = -1; retry = setTimeout(report, 1000); });
    }

    win.addEventListener("hashchange", report);
    report();
    showRoomCard();
  }

  // The audience link and its QR code, for the speaker to show or read out; Q hides and shows it.
  function showRoomCard() {
    var card = doc.createElement("aside"), text = doc.createElement("p"), img = doc.createElement("img");
    card.className = "sg-room";
    card.setAttribute("aria-label", "Audience link");
    img.alt = "QR code of the audience link";
    img.width = img.height = 160;
    img.src = "/audience.svg";
    text.textContent = "Audience: open the link or scan the code (Q hides this)";
    card.appendChild(img);
    card.appendChild(text);
    doc.body.appendChild(card);
    fetch("/room.json", { cache: "no-store", credentials: "omit" })
      .then(function (r) { return r.json(); })
      .then(function (room) {
        if (typeof room.audience === "string") text.textContent = room.audience + "  (Q hides this)";
      }).catch(function () { });
    doc.addEventListener("keydown", function (e) {
      if (e.key === "q" || e.key === "Q") { card.hidden = !card.hidden; e.preventDefault(); }
    });
  }

  // --- The audience: follow the speaker until the reader pages away. ---
  function follow() {
    var speakerAt = 0, following = true, expected = null;
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "sg-follow";
    button.textContent = "Follow the speaker";
    button.hidden = true;
    doc.body.appendChild(button);

    function show(n) {
      if (shownSlide() === n) return;
      expected = n;
      location.replace("#" + n);  // no history entry per slide the speaker shows
    }

    function setFollowing(on) {
      following = on;
      button.hidden = on;
      if (on) show(speakerAt);
    }

    button.addEventListener("click", function () { setFollowing(true); });
    win.addEventListener("hashchange", function () {
      var n = shownSlide();
      if (n === expected) { expected = null; return; }
      expected = null;
      if (following && n !== speakerAt) setFollowing(false);
      else if (!following && n === speakerAt) setFollowing(true);
    });

    // EventSource reconnects by itself after a drop; the server sends the current slide first.
    var events = new EventSource("/events");
    events.addEventListener("slide", function (e) {
      var n = parseInt(e.data, 10);
      if (!(n >= 0)) return;
      speakerAt = n;
      doc.documentElement.setAttribute("data-speaker-slide", String(n));
      if (following) show(n);
    });
  }

  if (match) lead(match[1]); else follow();
})();
