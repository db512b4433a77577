#!/usr/bin/env python3
"""The phones' pages in a real browser: headless Chromium, driven through chromedriver's W3C
HTTP API with nothing but Python's standard library.

    scripts/phones-browser-check.py [OUT_DIR]        (build first: cargo build)

Runs the bundled Shymkent deck as a 6 x 3 s talk with `--serve 127.0.0.1:0 --trace`, on a
private Xvfb display, and opens the speaker view and the remote in two phone-sized (390 x 844)
browser windows. It presses the remote's Start button, reads the slide number and countdown from
the speaker view as the talk runs, presses Pause (the speaker view must say "paused" and its
countdown must stand still) and Resume, and lets the talk end by itself. Screenshots (speaker
portrait and landscape, remote) go to OUT_DIR.

The timing: the speaker view records, in the server's clock (its estimate of the offset), when
its "slide N" changed; the trace records when the projector presented each slide. Both are printed
per slide, with their difference: the step between phone page and projector on loopback.

Needs Debian's `chromium`, `chromium-driver` and `xvfb`. Exits 0 when every check passed.
"""
import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PECHA = os.environ.get("PECHA", os.path.join(ROOT, "target/debug/pecha"))
DECK = os.path.join(ROOT, "examples/shymkent/deck.ron")
DISPLAY = os.environ.get("PHONES_DISPLAY", ":93")
SLIDES, SECONDS = 6, 3

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    """One chromedriver session: a browser window of its own."""

    def __init__(self, base, width, height):
        self.base = base
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--hide-scrollbars", f"--window-size={width},{height}"],
                "mobileEmulation": {"deviceMetrics": {"width": width, "height": height,
                                                      "pixelRatio": 2.0}},
            }}}}
        self.id = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        if method == "POST" and data is None:
            data = b"{}"
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["value"]

    def session(self, method, path, body=None):
        return self.call(method, f"/session/{self.id}{path}", body)

    def open(self, url):
        self.session("POST", "/url", {"url": url})

    def run(self, script, *args):
        return self.session("POST", "/execute/sync", {"script": script, "args": list(args)})

    def text(self, element_id):
        return self.run(f"return document.getElementById('{element_id}').textContent;")

    def click(self, element_id):
        element = self.session("POST", "/element", {"using": "css selector",
                                                     "value": "#" + element_id})
        key = next(iter(element.values()))
        self.session("POST", f"/element/{key}/click")

    def screenshot(self, path):
        with open(path, "wb") as file:
            file.write(base64.b64decode(self.session("GET", "/screenshot")))

    def metrics(self, width, height):
        # A phone turned sideways: the same page at the other aspect (DevTools' device metrics,
        # as the window's size is fixed by the mobile emulation).
        self.session("POST", "/goog/cdp/execute", {
            "cmd": "Emulation.setDeviceMetricsOverride",
            "params": {"width": width, "height": height, "deviceScaleFactor": 2,
                       "mobile": True}})

    def quit(self):
        try:
            self.session("DELETE", "")
        except OSError:
            pass


def wait_for(what, condition, limit=30.0):
    since = time.monotonic()
    while time.monotonic() - since < limit:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    check(False, what)
    return None


# Records each change of the speaker view's "slide N / M" in the server's clock, with the
# deadline the page had for it (from the last message), so the page's step is measured against
# the same deadlines as the projector's.
HOOK = """
window.__changes = [];
const el = document.getElementById('slideno');
new MutationObserver(() => {
  const at = performance.now() - offset;
  const match = /slide (\\d+)/.exec(el.textContent);
  if (!match || !state || state.slide_ends_at_ms === null) return;
  const slide = Number(match[1]);
  const deadline = state.slide_ends_at_ms + (slide - state.slide - 1) * state.slide_length_ms;
  window.__changes.push({slide, at, deadline});
}).observe(el, {childList: true, characterData: true, subtree: true});
return true;
"""


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="phones-check.")
    os.makedirs(out, exist_ok=True)
    if not os.access(PECHA, os.X_OK):
        sys.exit(f"phones-browser-check: {PECHA} not built (cargo build)")
    processes = []
    try:
        xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1920x1080x24", "-nolisten",
                                 "tcp"], stderr=subprocess.DEVNULL)
        processes.append(xvfb)
        time.sleep(1.0)
        port = free_port()
        driver_process = subprocess.Popen(["chromedriver", f"--port={port}"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(driver_process)
        trace = os.path.join(out, "trace.csv")
        env = dict(os.environ, DISPLAY=DISPLAY, RUST_LOG="pecha=info")
        env.pop("WAYLAND_DISPLAY", None)
        data_home = tempfile.mkdtemp(prefix="phones-data.")
        env["XDG_DATA_HOME"] = data_home
        env["XDG_CONFIG_HOME"] = data_home
        log = open(os.path.join(out, "pecha.log"), "w")
        pecha = subprocess.Popen([PECHA, DECK, "--format", f"{SLIDES}x{SECONDS}", "--windowed",
                                  "--quit-when-done", "--trace", trace,
                                  "--serve", "127.0.0.1:0"],
                                 stdout=subprocess.PIPE, stderr=log, env=env, text=True)
        processes.append(pecha)
        speaker_url = pecha.stdout.readline().strip().removeprefix("speaker view: ")
        remote_url = pecha.stdout.readline().strip().removeprefix("remote: ")
        check(speaker_url.startswith("http://127.0.0.1:") and "/?k=" in speaker_url,
              f"speaker address printed: {speaker_url[:40]}…")
        check("/remote?k=" in remote_url, "remote address printed")

        base = f"http://127.0.0.1:{port}"
        wait_for("chromedriver is up", lambda: _up(base))
        speaker = Driver(base, 390, 844)
        remote = Driver(base, 390, 844)
        try:
            speaker.open(speaker_url)
            remote.open(remote_url)
            wait_for("the speaker view shows the state",
                     lambda: speaker.text("state") == "ready")
            speaker.run(HOOK)
            wait_for("the remote shows the state",
                     lambda: remote.text("state").startswith("ready"))
            speaker.screenshot(os.path.join(out, "speaker-ready.png"))
            remote.click("start")
            wait_for("the speaker view follows the start",
                     lambda: speaker.text("state") == "running")
            wait_for("slide 2 on the speaker view",
                     lambda: speaker.text("slideno") == f"slide 2 / {SLIDES}")
            count = speaker.text("count")
            check(count in ("0:01", "0:02", "0:03"), f"countdown reads {count}")
            wait_for("the pictures arrive",
                     lambda: speaker.run("return document.getElementById('current')"
                                         ".naturalWidth > 0"))
            speaker.screenshot(os.path.join(out, "speaker-portrait.png"))
            remote.screenshot(os.path.join(out, "remote-running.png"))
            wait_for("slide 3 on the speaker view",
                     lambda: speaker.text("slideno") == f"slide 3 / {SLIDES}")
            remote.click("pause")
            wait_for("the speaker view says paused",
                     lambda: speaker.text("state") == "paused")
            frozen = speaker.text("count")
            time.sleep(1.2)
            check(speaker.text("count") == frozen, f"countdown stands still at {frozen}")
            check(remote.text("pause") == "Resume", "the remote offers Resume")
            remote.screenshot(os.path.join(out, "remote-paused.png"))
            speaker.metrics(844, 390)
            time.sleep(0.5)
            speaker.screenshot(os.path.join(out, "speaker-landscape-paused.png"))
            speaker.metrics(390, 844)
            remote.click("pause")
            wait_for("the speaker view says running again",
                     lambda: speaker.text("state") == "running")
            wait_for("the talk ends", lambda: speaker.text("state") == "finished", limit=60)
            changes = speaker.run("return window.__changes;")
        finally:
            speaker.quit()
            remote.quit()
        check(pecha.wait(timeout=60) == 0, "pecha exits 0 by itself")
        projector = {}
        with open(trace) as file:
            next(file)
            for line in file:
                slide, scheduled, presented = line.strip().split(",")
                if presented:
                    projector[int(slide)] = (float(scheduled), float(presented))
        # The trace counts from the talk's start; the page from Pecha's start. Slide 1's
        # deadline on the page's clock lines the two up.
        page = {change["slide"]: change for change in changes}
        print("slide  page late (ms)  projector late (ms)  page - projector (ms)")
        steps = []
        for slide in sorted(page):
            if slide not in projector:
                continue
            page_late = page[slide]["at"] - page[slide]["deadline"]
            scheduled, presented = projector[slide]
            projector_late = presented - scheduled
            steps.append(page_late - projector_late)
            print(f"{slide:5}  {page_late:14.1f}  {projector_late:19.1f}  {steps[-1]:21.1f}")
        check(len(steps) >= SLIDES - 2, f"{len(steps)} slide changes compared")
        check(all(abs(step) < 100 for step in steps),
              "the page's slide number changes within 100 ms of the projector's")
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
    print(f"screenshots, trace and log in {out}")
    sys.exit(1 if failures else 0)


def _up(base):
    try:
        with urllib.request.urlopen(base + "/status", timeout=2) as response:
            return json.load(response)["value"]["ready"]
    except OSError:
        return False


if __name__ == "__main__":
    main()
