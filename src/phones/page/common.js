"use strict";
// Shared by the speaker view and the remote: the state stream, the clock offset, countdowns.
// The phone counts down by itself from the server's deadlines, so it stays in step with the
// projector between messages and needs no message per second.
const KEY = new URLSearchParams(location.search).get("k") || "";
const $ = (id) => document.getElementById(id);
let state = null;
// Local clock minus server clock, from the message that travelled fastest since (re)connecting.
let offset = null;
let samples = [];

function connect(onState) {
  const source = new EventSource("/api/events?k=" + encodeURIComponent(KEY));
  // A phone that slept, or a new connection, may have a new route: measure the offset afresh.
  source.onopen = () => { samples = []; offset = null; };
  source.onerror = () => {
    document.body.classList.add("reconnecting");
    // The browser retries a dropped connection by itself, but gives up on an answer that is not
    // the stream (403: Pecha stopped serving, or was started again with new keys).
    if (source.readyState === EventSource.CLOSED) {
      setText("banner", "not connected: if Pecha was restarted, scan its new code");
      setTimeout(() => connect(onState), 3000);
    }
  };
  source.onmessage = (event) => {
    const received = performance.now();
    const message = JSON.parse(event.data);
    samples.push(received - message.server_ms);
    if (samples.length > 30) samples.shift();
    offset = Math.min(...samples);
    message.received = received;
    state = message;
    document.body.classList.remove("reconnecting");
    setText("banner", "reconnecting…");
    onState(message);
  };
}

// What the talk looks like at local time `now`: the slide and the time left on it and in the
// talk, predicting the advance at a deadline before the server's message says so.
function timeNow(now) {
  const s = state;
  if (!s) return null;
  if (!s.counting || s.slide_ends_at_ms === null || offset === null) {
    return { slide: s.slide, slideLeft: s.slide_ends_in_ms, talkLeft: s.talk_ends_in_ms, counting: false };
  }
  const serverNow = now - offset;
  let slide = s.slide;
  let slideLeft = s.slide_ends_at_ms - serverNow;
  while (slideLeft <= 0 && slide < s.slides) { slide += 1; slideLeft += s.slide_length_ms; }
  const talkLeft = Math.max(0, s.talk_ends_in_ms - (serverNow - s.server_ms));
  return { slide, slideLeft: Math.max(0, slideLeft), talkLeft, counting: true };
}

function seconds(ms) { return Math.ceil(ms / 1000 - 1e-6); }
function clock(ms) {
  const total = seconds(ms);
  const m = Math.floor(total / 60), sec = total % 60;
  return m + ":" + String(sec).padStart(2, "0");
}
// As the presenter view: amber the last 5 s, red the last 2 s, blue paused, grey finished.
function colour(state, slideLeft) {
  if (state === "paused") return "#60a5fa";
  if (state === "finished" || state === "end") return "#707070";
  if (state !== "running") return "#3dc28a";
  const left = seconds(slideLeft);
  if (left <= 2) return "#ef4444";
  if (left <= 5) return "#f59e0b";
  return "#3dc28a";
}
const STATE_WORDS = {
  ready: "ready", counting_in: "starting", running: "running", paused: "paused",
  finished: "finished", card: "next up", break: "break", end: "the night is over",
};
function picture(img, slide, slides) {
  const want = slide >= 1 && slide <= slides
    ? "/slide/" + slide + ".jpg?k=" + encodeURIComponent(KEY) + "&g=" + state.pictures : "";
  if (img.dataset.want === want) return;
  img.dataset.want = want;
  img.style.visibility = "hidden";
  if (!want) { img.removeAttribute("src"); return; }
  img.onload = () => { if (img.dataset.want === want) img.style.visibility = "visible"; };
  // Not made yet (it is encoded from the decoded slide): ask again shortly.
  img.onerror = () => setTimeout(() => { if (img.dataset.want === want) img.src = want + "&r=" + Date.now(); }, 1000);
  img.src = want;
}
function setText(id, text) { const el = $(id); if (el.textContent !== text) el.textContent = text; }
