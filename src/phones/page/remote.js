// The host's remote: what the projector shows now and next, and the laptop's keys that are safe
// from a pocket. No "next slide": the format forbids advancing a running talk.
function send(body) {
  fetch("/api/command?k=" + encodeURIComponent(KEY), {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  }).then((response) => {
    setText("message", response.ok ? "" : "not accepted (" + response.status + ")");
  }).catch(() => setText("message", "not sent: no connection"));
}
$("start").onclick = () => send({ command: "start" });
$("pause").onclick = () => send({ command: "toggle_pause" });
$("restart").onclick = () => send({ command: "restart_slide" });
$("blackout").onclick = () => send({ command: "blackout" });
$("skip").onclick = () => {
  const night = state && state.night;
  if (!night || night.item === null) return;
  // The console's question, asked here: a slip of the thumb must not end a talk.
  if (confirm("Skip " + night.name + "?")) send({ command: "skip", item: night.item });
};
let shownPictures = "";
function draw() {
  requestAnimationFrame(draw);
  if (!state) return;
  const s = state;
  const t = timeNow(performance.now());
  const night = s.night;
  const talking = !night || !["card", "break", "end"].includes(s.state);
  $("pics").style.display = talking ? "" : "none";
  setText("state", (STATE_WORDS[s.state] || s.state) + (s.blackout ? " · blackout" : ""));
  $("state").style.color = colour(s.state, t.slideLeft);
  setText("slideno", talking ? t.slide + " / " + s.slides : "");
  setText("count", talking ? clock(t.slideLeft) + " · " + clock(t.talkLeft) : "");
  setText("billing", night && !talking ? night.name : (s.presenter ? s.presenter + " · " : "") + s.title);
  $("start").disabled = !["ready", "card"].includes(s.state);
  $("pause").disabled = !["running", "paused"].includes(s.state);
  setText("pause", s.state === "paused" ? "Resume" : "Pause");
  $("restart").disabled = !["running", "paused"].includes(s.state);
  $("blackout").classList.toggle("on", s.blackout);
  $("skip").style.display = night ? "" : "none";
  $("skip").disabled = !night || night.item === null;
  // Which pictures to show changes with the slide, the deck, and between a card and its talk.
  const shown = [talking, t.slide, s.pictures].join(":");
  if (shown !== shownPictures) {
    shownPictures = shown;
    picture($("current"), talking ? t.slide : 0, s.slides);
    picture($("next"), talking ? t.slide + 1 : 0, s.slides);
  }
}
connect(() => {});
requestAnimationFrame(draw);
