// The speaker view: the slide's countdown, big; the slide number; the talk's time left; now and
// next as pictures; the notes. Redrawn on every animation frame, but only what changed.
let shownPictures = "";
function draw() {
  requestAnimationFrame(draw);
  if (!state) return;
  const t = timeNow(performance.now());
  const s = state;
  const night = s.night;
  setText("state", STATE_WORDS[s.state] || s.state);
  let big = clock(t.slideLeft);
  let billing = s.presenter ? s.presenter + " · " + s.title : s.title;
  let col = colour(s.state, t.slideLeft);
  if (night && s.state === "break") {
    const left = night.break_ends_in_ms === null ? 0
      : Math.max(0, night.break_ends_in_ms - (performance.now() - s.received));
    big = clock(left);
    billing = night.next_name ? "then " + night.next_name : "";
    col = "#3dc28a";
  } else if (night && (s.state === "card" || s.state === "end")) {
    big = s.state === "end" ? "–" : "next";
    billing = night.name;
  } else if (s.state === "counting_in") {
    big = "3·2·1";
  }
  setText("count", big);
  $("count").style.color = col;
  setText("billing", billing);
  const talking = !night || !["card", "break", "end"].includes(s.state);
  document.body.classList.toggle("between", !talking);
  setText("slideno", talking ? "slide " + t.slide + " / " + s.slides : "");
  setText("talk", talking ? clock(t.talkLeft) + " left" : "");
  // Which pictures to show changes with the slide, the deck, and between a card and its talk.
  const shown = [talking, t.slide, s.pictures].join(":");
  if (shown !== shownPictures) {
    shownPictures = shown;
    picture($("current"), talking ? t.slide : 0, s.slides);
    picture($("next"), talking ? t.slide + 1 : 0, s.slides);
  }
  // Notes follow the server: a predicted advance keeps the old notes a moment, never a guess.
  setText("notes", talking && t.slide === s.slide ? s.notes : "");
}
connect(() => {});
requestAnimationFrame(draw);
