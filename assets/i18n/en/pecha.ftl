# Pecha's words in English: the reference every other language is checked against (`fl!` checks
# ids and arguments against this file at compile time; tests/i18n.rs checks that ru and kk have
# exactly its messages).
#
# Glossary (keep the translations consistent with it):
#   talk = a PechaKucha presentation (ru доклад, kk баяндама)
#   presenter / speaker (ru выступающий, kk баяндамашы)
#   slide (ru слайд, kk слайд)
#   deck = the talk's slides as a file, folder or PDF (ru презентация, kk презентация)
#   notes = speaker notes (ru заметки, kk жазбалар)
#   night = a PechaKucha Night (ru вечер, kk кеш)
#   running order = the night's list of items (ru программа, kk бағдарлама)
#   break (ru перерыв, kk үзіліс)
#   host (ru ведущий, kk жүргізуші)
#   card = what the projector shows between talks (ru заставка, kk заставка)
#   rehearsal / rehearse (ru репетиция, kk дайындық)
#   run = one rehearsal from slide 1 to the end (ru прогон, kk жаттығу)
#   tap = pressing Space when done with a slide (ru отметка, kk белгі)
#   black out = projector shows black (ru затемнить, kk қараңғылау)
#   projector (ru проектор, kk проектор)
#
# Key names (Space, Enter, PageDown, Esc, Ctrl+O, F5, arrows) stay as printed on keyboards.

## Menus

menu-deck = Deck
menu-open-file = Open deck or night file…  Ctrl+O
menu-open-folder = Open folder of images…  Ctrl+Shift+O
menu-quit = Quit  Esc
menu-talk = Talk
menu-start = Start  Space
menu-pause = Pause  P
menu-resume = Resume  P
menu-restart-slide = Restart this slide  R
menu-go-to = Go to slide…  G
menu-next-now = Next slide now (last resort)  Ctrl+N
menu-back-to-title = Back to the title card
menu-lead-in = 3-2-1 lead-in before the first slide
menu-rehearse = Rehearse
menu-rehearsal-mode = Rehearsal mode: tap Space when done with a slide
menu-rehearse-hint = Practise the talk on this laptop and see where it runs over.
menu-run-again = Run again from slide 1  Ctrl+R
menu-loop-stop = Stop practising this slide  L
menu-loop-start = Practise this slide on a loop  L
menu-run-report = { $runs ->
    [one] Run report (1 run)  H
   *[other] Run report ({ $runs } runs)  H
}
menu-edit-notes = Edit this slide's notes  E
menu-rehearsal-sound = Cue sounds while rehearsing  M
menu-rehearsal-inset = Show what the audience sees
menu-projector = Projector
menu-projector-close = Close projector window
menu-projector-open = Open projector window
menu-fullscreen = Fullscreen  F
menu-black-out = Black out  B
menu-show-on-monitor = Show on monitor:
menu-no-monitor-list = (no monitor list on this system)
menu-monitor-laptop = (this screen: the projector would cover this view)
menu-monitor-new = (new: plugged in just now)
menu-monitor-gone = { $monitor }: gone; the projector goes back to it when it is back
menu-audience-bar = Thin progress bar for the audience
menu-title-card = Title card before the talk (else black)
menu-end-card = Thank-you card after the talk (else black)
menu-cards-ui-language = Cards in the interface language only (else Kazakh · Russian · English)
menu-view = View & sound
menu-notes-size = notes size  + / −
menu-light-theme = Light theme for bright rooms
menu-sound-rehearsal = Cue sounds while rehearsing (click, ticks, gong)  M
menu-sound = Cue sounds (click, last-3-s ticks, gong)  M
menu-volume = volume
menu-language = Language
menu-language-system = As the system ({ $language })

## The presenter view

badge-rehearsal = REHEARSAL
badge-looping = PRACTISING ONE SLIDE
badge-ready = READY
badge-running = RUNNING
badge-paused = PAUSED
badge-finished = FINISHED
slide-of = slide { $slide } / { $count }
talk-left = { $time } left in the talk
button-start = Start  (Space)
button-resume = Resume  (P)
button-run-again = Run again  (F5)
next-slide = Next
no-notes = (no notes for this slide)
go-to-title = Go to slide
go-to-detail = Slide 1 to { $count }; it gets its full time from now.
go-to-go = Go
cancel = Cancel
quit-title = Quit Pecha?
quit-talk-projector = The talk is under way. Quitting ends it and shows the desktop on the projector.
quit-talk = The talk is under way. Quitting ends it.
quit-break = The break is under way. Quitting stops its music and countdown; the night resumes where it was when Pecha opens it again.
quit-night = The night is not over. Quitting shows the desktop on the projector; the night goes on where it was when Pecha opens it again.
quit-notes = Edited notes are not saved: the last save failed (see the notice below). Quitting loses them.
quit-runs = { $runs ->
    [one] A rehearsal run is not saved: the history cannot be written (see the notice below). Quitting loses it.
   *[other] { $runs } rehearsal runs are not saved: the history cannot be written (see the notice below). Quitting loses them.
}
keep-going = Keep going
quit = Quit
notice-dismiss = click to dismiss
banner-closed = PROJECTOR WINDOW CLOSED
banner-closed-detail = Open projector window, in the Projector menu, brings it back
banner-monitor-gone = Projector monitor gone ({ $monitor })
banner-monitor-gone-talk = The talk goes on; it comes back when the monitor does
banner-monitor-gone-night = The night goes on; it comes back when the monitor does
banner-blacked-out = PROJECTOR BLACKED OUT
banner-blacked-out-detail = press B to show the slide

## Broken slides (the presenter view's placeholders; the audience sees black)

slide-cannot-show = cannot show this slide
slide-not-in-deck = not in the deck
slide-audience-black = the audience sees black
slide-end-of-talk = end of talk

## The status bar's key hints, one message per key

hint-start = Space / Enter / PageDown / F5: start
hint-go-to = G: go to slide
hint-black-out = B: black out
hint-open = Ctrl+O: open a deck
hint-quit = Esc: quit
hint-pause = P: pause
hint-resume = P: resume
hint-restart-slide = R: restart this slide
hint-next-now = Ctrl+N: next slide now
hint-back-to-title = Talk menu: back to the title card
hint-loop-done = Space / PageDown: done with this try
hint-loop-pause = P: pause the loop
hint-loop-stop = L / Esc: stop the loop and go back to the talk
hint-rehearsal-start = Space: start
hint-loop-practise = L: practise this slide on a loop
hint-edit-notes = E: edit notes
hint-report = H: report
hint-tap = Space / PageDown: done with this slide
hint-loop-slide = L: loop this slide
hint-run-again-ctrl = Ctrl+R: run again
hint-run-again = F5: run again
hint-practise-a-slide = L: practise a slide
hint-walk-next = Space / Right arrow: next card
hint-walk-previous = Left arrow: previous
hint-walk-end = Esc: back to the night
hint-start-next = Space / Enter / PageDown: start what is next
hint-walk = W: walk through the cards
hint-stop-music = M: stop the music now

## The host console of a night

row-checking = checking
row-ready = ready
row-problem = problem
row-next = next
row-now = now
row-done = done
row-skipped = skipped
night-summary = Ends ≈ { $end } · { $left } to go · { $done } of { $talks } talks given
resume-decide = Decide where tonight's night goes on…
resume-saved-order = The running order as saved when Pecha stopped:
walk-button = Walk through the cards  (W)
walk-tooltip = Before doors open: show every card on the projector, one by one
drag-tooltip = Drag to move it in the running order
row-up = Up
row-up-tooltip = Move up
row-down = Down
row-down-tooltip = Move down
row-end-break = End break
row-skip = Skip
row-hold-again = Hold again
row-run-again = Run again
walk-title = Walking through the cards: { $card } of { $count }
walk-title-closing = Walking through the cards: { $card } of { $count } (the closing card)
walk-keys = Right arrow or Space: next card · Left arrow: previous · Esc: back to the night
walk-previous = Previous
walk-next = Next
walk-done = Done  (Esc)
break-title = Break
break-back-at = The night goes on at { $time }
break-music = Music: { $music }
break-stop-music = Stop music now  (M)
break-end-now = End the break now
night-over = The night is over
night-over-detail = { $done } of { $talks } talks given. `{ $command }` prints tonight's log.
stage-break-card = On the projector: the break's card
audience-sees = Audience sees
skip-title = Skip { $name }?
skip-detail = The talk ends now and the next card goes up on the projector.
skip-it = Skip it
resume-title = Go on with tonight's night?
resume-detail = Pecha stopped during { $place }, with { $done } of { $items } items of the running order behind it.
resume-at-slide = Resume at slide { $slide } (paused: P goes on)
resume-break-over = Go on: the break's time ran out meanwhile (the next card goes up)
resume-in-break = Go on with the break (its time runs by the clock)
resume-at-card = Resume at its card
resume-start-over = Start the night over
resume-keys = Up, Down: choose · Enter: take it · Esc: decide later (the projector stays black)

## Rehearsal: taps, the loop, notes, the report and its chart

outcome-left = { $seconds } s left
outcome-over = over { $seconds } s
outcome-over-untapped = over (no tap)
tap-done = slide { $slide }: done, { $seconds } s to spare
tap-late = slide { $slide }: over by { $seconds } s
tap-already = slide { $slide } is already tapped
pace-no-notes = no notes to pace
pace-comfortable = comfortable
pace-brisk = brisk
pace-too-many = too many words: cut some
pace-line = { $words ->
    [one] 1 word
   *[other] { $words } words
} in { $seconds } s · { $per_minute } words/min · { $verdict }
tap-late-hint = slide { $slide } ran over: tap now to say by how much
run-unsaved = run { $run } kept here, not saved yet (see the notice below)
run-recorded = run { $run } recorded
tap-hint = tap Space / PageDown when done with a slide
loop-paused = slide { $slide } · loop paused
loop-next-try = next try in { $seconds }
loop-try = slide { $slide } · try { $attempt }
loop-stop = Stop the loop  (L)
notes-edit = Edit notes  (E)
notes-unsaved = notes not saved yet
notes-of-slide = Notes of slide { $slide }
notes-save = Save and close  (Ctrl+S or Esc)
no-notes-rehearsal = (no notes for this slide: E to write some)
report-summary = Run { $run }: { $over ->
    [0] no slide over
    [one] 1 slide over ({ $slides })
   *[other] { $over } slides over ({ $slides })
} · { $spare } s to spare in all
report-none-over = No slide ran over in the last runs.
report-over-in = { $slide } (over in { $over } of { $runs })
report-cut = Cut words from slide { $slides }
report-cut-more = Cut words from slide { $slides }, and { $more } more (see the chart)
report-trend = Trend over the last { $runs } runs, oldest first: slides over { $over } · seconds to spare { $spare }
report-no-run = No finished run yet.
report-no-run-detail = The report fills in when a run reaches its last slide.
report-run-before = run before: { $over } over, { $spare } s to spare
report-no-taps = No taps in this run: tap Space (or the clicker) when you have said a slide's words, and the report shows how much time each slide had to spare.
report-unsaved = these runs are not saved (see the notice below)
report-kept-in = kept in { $file }
report-back = Back to the slides  (H)
chart-spare = time to spare
chart-over = over
chart-over-untapped = over, not tapped
chart-spare-bar = slide { $slide }: { $seconds } s to spare
chart-over-bar = slide { $slide }: over by { $seconds } s
chart-untapped-bar = slide { $slide }: over, by how much unknown (no late tap)
chart-slide = slide
chart-seconds = seconds to spare (+) / over (−)
chart-runs-before = { $runs ->
    [one] 1 run before
   *[other] { $runs } runs before
}

## Notices in the status bar

notice-file-thread = cannot start the file thread: { $error }; notes and history will not be saved
notice-no-sound = no sound device: cues are silent

## `pecha check` and the deck's quick check

severity-error = error
severity-warning = warning
check-slide-file = slide { $slide } ({ $file }): { $problem }
check-slide = slide { $slide }: { $problem }
check-ready = ready: { $slides } slides x { $seconds } s ({ $format }), { $length }
check-not-ready = not ready: { $problems ->
    [one] 1 problem
   *[other] { $problems } problems
}
check-warnings = { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
check-slide-count = { $slides ->
    [one] 1 slide
   *[other] { $slides } slides
}, { $format } needs { $needed }
check-aspect = mixed aspect ratios: { $shapes }
check-aspect-majority = { $shape } on { $slides ->
    [one] 1 slide
   *[other] { $slides } slides
}
check-aspect-other = { $shape } on { $count ->
    [one] slide
   *[other] slides
} { $slides }
check-below-minimum = { $width } x { $height } is below { $min_width } x { $min_height }
check-large-file = file is { $size } MB, over { $limit } MB; it will be slow to load
check-notes-too-long = notes are { $words } words, too many to say in { $seconds } s (about { $fits } at { $pace } words a second)
night-check-summary = Night "{ $title }": { $talks ->
    [one] 1 talk
   *[other] { $talks } talks
}, { $breaks ->
    [one] 1 break
   *[other] { $breaks } breaks
}, { $length } in all: { $verdict }
night-check-ready = ready
night-check-not-ready-one = not ready: item { $items } has problems
night-check-not-ready-many = not ready: items { $items } have problems
night-check-talk-ready = ready
night-check-talk-not-ready = NOT READY
night-check-music = music { $file } { $problem }; the break goes on without it
night-check-music-item = item { $position } (break): { $warning }
notice-deck-short = { $problem }: the talk is still { $count } × { $seconds } s, and { $missing ->
    [1] slide { $from } shows
   *[other] slides { $from } to { $count } show
} black
notice-deck-long = { $problem }: the talk is still { $count } × { $seconds } s; slides after { $count } are not shown
notice-slide-black = { $problem }; the audience will see black for it
notice-slides-black = { $count } slides cannot be shown, the audience will see black for them: { $first } and more; `pecha check` lists them all
notice-no-data-folder = no data folder: this night's progress and log are not kept on disk
notice-night-ended-before = the last run of this night had ended: it starts from the top again
notice-progress-unreadable = { $error }; the night starts from the top
notice-night-open-elsewhere = { $file }: { $error }
notice-night-lock-failed = { $error }; another Pecha could open this night too
notice-deck-still-loading = { $presenter }'s deck is still loading: start again in a moment
notice-rerun-during-item = finish or skip what is on before running an item again
notice-nothing-chosen = no deck chosen; if no dialog appeared, drop a deck on the window or run `pecha PATH`
notice-cannot-open = cannot open { $error }
notice-night-file-failed = { $error }; the night goes on
notice-talk-skipped = { $name } skipped: its deck cannot be read: { $error }
notice-rehearsal-in-night = rehearsal mode is for one talk: open its deck with `pecha --rehearse DECK`
notice-open-in-night = a night is open: run `pecha DECK` in another window to look at one deck
notice-walk-during-item = walk through the cards between talks, not during one
notice-dialog-failed = cannot open a file dialog: { $error }
notice-refused-while-running = not opening { $file }: finish or reset the talk first
notice-cannot-load = cannot load the deck: { $error }
notice-projector-back = Projector monitor back ({ $monitor }): the projector shows the talk on it again
notice-unplugged = Monitor { $monitor } unplugged; { $staying }
notice-plugged = Monitor plugged in ({ $monitors }): the Projector menu { $count ->
    [one] offers it
   *[other] offers them
}; { $staying }
projector-waits-for = the projector waits for { $monitor }
projector-stays-on = the projector stays on { $monitor }
projector-stays-windowed = the projector stays in its window
notice-history-not-kept = rehearsal history is not kept: { $error }
notice-history-unreadable = rehearsal history is not kept: { $error }; this session's runs are still shown
notice-history-save-failed = { $error }; the runs are kept here, not on disk: saving again every { $seconds } s
notice-notes-beside-images = notes saved in { $file }, beside the images: the folder opens with them from now on
notice-notes-new-file = notes saved in a new deck file, { $file }: open that one next time to have them
notice-notes-save-failed = { $error }; the edited notes are kept here: save again with Ctrl+S

## Names and places in the night, dialogs, the projector window and its cards

name-talk = talk { $place } ({ $presenter })
name-break = the break (item { $place })
name-item = item { $place }
name-the-break = the break
name-the-end = the end
place-at-slide = { $name }, slide { $slide }
place-its-card = its card
place-card-of = the card of { $name }
row-more-problems = { $what }, and { $more ->
    [one] 1 more problem
   *[other] { $more } more problems
} (`pecha check` lists them)
row-break = Break
row-break-detail = break · { $minutes } min
start-talk = Start talk { $place }: { $presenter }  (Space)
start-break = Start the break  (Space)
loading-deck = Loading { $presenter }'s deck…
music-no-sound = no sound device: the break is silent
music-silent = silent
music-none = none
music-starting = starting…
music-playing = playing { $file }
music-fading-out = fading out
music-stopped = stopped
music-failed = none of the files plays
slide-failed-page = { $file }, page { $page }: { $reason }
dialog-title = Open a Pecha deck or night
dialog-filter = Pecha deck or night
projector-window-title = { $title } — projector
card-next = Next
card-break = Break
card-minutes = { $minutes } min
card-back-at = Back at { $time }
card-thanks = Thank you!

## The command line's own lines (`--help` stays English)

cli-history-night = { $file } is a night file; rehearsals are kept per talk: give one talk's deck
cli-cannot-unpack = cannot unpack the bundled example night: { $error }
cli-history-file = History file: { $file }
cli-log-not-night = { $file } is not a night file (it has no `running_order`); `pecha log` takes the night's file
cli-log-not-run = "{ $title }" has not been run on this machine yet: its log would be { $file }
cli-flag-for-one-talk = { $flag } is for one talk, and { $file } is a night file: its format is in the file and the host starts each talk; open a talk's deck to use { $flag }
cli-cannot-open-deck = cannot open the deck
cli-cannot-open-night = cannot open the night
cli-cannot-open-example = cannot open the example night
cli-cannot-unpack-example = cannot unpack the bundled example night

## Formats

format-label = { $name } · { $slides } × { $seconds } s
format-label-custom = { $slides } × { $seconds } s · non-standard
format-describe = { $name } ({ $slides } x { $seconds } s)
format-describe-custom = a custom format ({ $slides } x { $seconds } s)

## `pecha history`

history-none = No rehearsals of "{ $title }" in { $format } recorded yet: run `pecha --rehearse` on the deck.
    History is kept per format: for runs made with `--format`, give the same `--format` here.
history-title = Rehearsals of "{ $title }" in { $format }: { $runs ->
    [one] 1 run
   *[other] { $runs } runs
}, the latest { $latest }.
history-slide = slide
history-latest = latest
history-average = avg of last { $runs }
history-over = over
history-trend = trend
history-seconds = { $seconds } s
history-latest-run = Latest run: { $over ->
    [one] 1 slide
   *[other] { $over } slides
} over, { $spare } s to spare in all.
history-legend = Avg: seconds to spare (+) or over (−); over: runs over of runs recorded; trend: ↑ more time to spare than before, ↓ less.
history-unknown-time = at an unknown time

## A single talk cut short by a crash

talk-resume-title = Go on with this talk?
talk-resume-detail = Pecha stopped during this talk ({ $stopped_at }), at slide { $slide } of { $slides }, { $time } into the talk.
talk-resume-from-top = Start from the top
talk-resume-keys = Up, Down: choose · Enter: take it · Esc: start from the top
quit-talk-resumable = Opening this deck again offers to go on at this slide.
notice-place-unreadable = { $error }; the talk starts from the top
notice-place-start-from-top = last time this talk stopped at slide { $slide } of { $slides }; --start began it from the top
notice-place-save-failed = { $error }; the talk goes on, but a crash now could not resume it
row-check-stalled = could not be read in { $seconds } s

## Why a file or an image cannot be used

io-not-found = does not exist (moved, renamed or not copied here?)
io-permission = cannot be read: permission denied
io-other = cannot read: { $error }
image-missing = image is missing
image-missing-similar = image is missing (there is `{ $similar }`: file names are case-sensitive)
image-folder = is a folder, not an image
image-not-regular = is not a file (a named pipe, a device or a socket), not an image
image-io = cannot read the file: { $error }
image-empty = file is empty (0 bytes)
image-text = is a text file, not an image
image-unknown-format = is not an image pecha can read (PNG, JPEG, WebP, GIF, BMP or TIFF)
image-file-too-large = file is { $size } MB, over the { $limit } MB limit for one image
image-too-many-pixels = claims { $width } x { $height } pixels, over the { $side } x { $side } limit; not decoded (a decompression bomb or a mistake)
image-too-much-memory = { $width } x { $height } pixels would need { $size } MB to decode, over the { $limit } MB limit; not decoded
image-truncated = { $format } file is truncated: it ends before the image does
image-decode = does not decode as { $format }: { $trouble } (the decoder says: { $message })
decode-damaged = the file is damaged; copy it again, or export the slide again
decode-unsupported = it uses a feature of the format pecha cannot read; export the slide again as an ordinary PNG or JPEG
decode-other = export the slide again as an ordinary PNG or JPEG

## Why a deck cannot be loaded (after `file:line:column:`)

deck-not-utf8 = the file is not UTF-8 text (maybe Windows-1251?); save it as UTF-8
deck-unknown-field = unknown field `{ $field }` in { $place }, expected { $expected }
deck-expected-nothing = nothing here
deck-expected-two = { $first } or { $second }
deck-expected-many = one of { $names } or { $last }
deck-did-you-mean = (did you mean `{ $name }`?)
deck-no-images = no slide images in this folder (looked for .png, .jpg, .jpeg, .webp, .gif, .bmp, .tif, .tiff)
deck-pdf = the deck's `pdf:` { $pdf }: { $problem }
deck-single-image = this is a single image; give the folder that holds the slides, or a .ron deck file
deck-slides-and-pdf = give either `slides: [...]` (images) or `pdf: "file.pdf"`, not both
deck-no-slides = no slides: give `slides: [Slide(image: "01.jpg"), ...]` or `pdf: "file.pdf"`
deck-notes-without-pdf = `notes: [...]` goes with `pdf: "file.pdf"`; for image slides write the notes in each `Slide(image: ..., notes: ...)`
deck-notes-past-pdf = { $notes } notes but { $pdf } has { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}: the notes after page { $pages } are not shown
deck-place-slide = a slide
deck-place-format = the format
deck-place-deck = the deck
deck-missing-field = missing field `{ $field }` in { $place }
deck-duplicate-field = field `{ $field }` is given twice in { $place }
deck-unknown-format = unknown format `{ $found }`, expected `PechaKucha`, `Ignite` or `Custom(slides: N, seconds: N)`
save-failed = cannot save { $file }: { $error }
pdf-missing = the PDF is missing
pdf-io = cannot read the PDF: { $error }
pdf-invalid = not a readable PDF (damaged, or not a PDF at all)
pdf-encrypted = the PDF is encrypted or password-protected; export it again without a password
pdf-no-pages = the PDF has no pages
pdf-too-large = the PDF is { $size } MB, over the { $limit } MB limit
pdf-no-such-page = the PDF has no page { $page } (it has { $pages })
pdf-render = page { $page } cannot be rendered: { $reason }
music-missing = is missing
music-read = cannot be read: { $error }
music-decode = cannot be played ({ $error }); use mp3, ogg (Vorbis), flac or wav
music-empty = holds no sound
music-too-short = stops after less than a tenth of a second (too short or damaged)
audio-no-device = no sound device: { $error }
audio-bundled = bundled sound does not decode: { $error }
night-talk-without-deck = item { $item }: a talk needs its `deck: "..."` (a deck file, folder or PDF)
night-zero-break = item { $item }: a break of 0 minutes; give `minutes: 15` or remove it
night-no-talk = the running order has no talk: add `Talk(deck: "talk.ron", presenter: "...")`
lock-held = This night is already open in another Pecha on this computer: close that one first
lock-held-pid = This night is already open in another Pecha (pid { $pid }) on this computer: close that one first
lock-io = cannot lock the night with { $file }: { $error }
progress-read = cannot read the night's progress { $file }: { $error }
progress-unusable = the night's progress { $file } { $problem }; the night starts from the top
progress-no-data-folder = no data folder for the night's progress (is HOME set?)
log-write = cannot write the night log { $file }: { $error }
log-read = cannot read the night log { $file }: { $error }
log-no-data-folder = no data folder for the night log (is HOME set?)
history-slide-read = cannot read { $file }: { $error }
history-read = cannot read the rehearsal history { $file }: { $error }
history-unusable = the rehearsal history { $file } { $problem }
history-no-data-folder = no data folder for rehearsal history (is HOME set?)
place-read = cannot read where this talk stopped ({ $file }): { $error }
place-damaged = where this talk stopped ({ $file }) is damaged: { $detail }
place-newer = where this talk stopped ({ $file }) was written by a newer Pecha (version { $version })
place-misfit = where this talk stopped ({ $file }) { $misfit }
place-other-format = was saved for { $slides } slides of { $seconds } s, and the talk now has another format
place-impossible = says what cannot be (slide { $slide }, { $seconds } s into the talk)
example-write = cannot write the example talk to { $file }: { $error }
example-save = cannot unpack the example night: { $error }
slide-scale = { $file }: cannot scale: { $error }
trace-write = cannot write the trace { $file }: { $error }
app-window = cannot open a window: { $error }
music-no-thread = the music thread could not start ({ $error }); the break is silent
music-file-problem = { $file } { $problem }; the break goes on without it
music-no-files = the break has no music files; it is silent
music-none-any-more = none of the break's music files can be played any more; the music stopped
music-none-playable = none of the break's { $files } music file(s) can be played; the break is silent

## `pecha log`

log-runs-before = This night was run { $runs } times on this machine; this is the latest run. `pecha log --all` shows them all.
log-run-of = Run { $run } of { $runs }
log-title = Night log of "{ $title }"
log-night-file = Night file: { $file }
log-log-file = Log file:   { $file }
log-problem = log { $problem }
log-nothing = Nothing logged yet.
log-unknown-date = (unknown date)
log-break = break
log-gone-named = { $number }. { $name } (no longer in the night file)
log-gone = item { $number } (no longer in the night file)
log-night-opened = night opened
log-resumed = night resumed after a restart, at { $at }
log-talk-started = { $item }: talk started
log-talk-ended = { $item }: talk ended after { $length }
log-talk-ended-paused = { $item }: talk ended after { $length }, paused { $paused }
log-break-started = { $item }: break started
log-break-started-planned = { $item }: break started ({ $planned } planned)
log-break-ended = { $item }: break ended
log-break-ended-early = { $item }: break ended early
log-host = host: { $what }
log-skipped = { $item }: skipped
log-night-ended = night ended
log-note-again = again
log-note-no-start = no start logged
log-note-no-end = no end logged
log-note-skipped-under-way = skipped under way
log-note-cut-short = cut short
log-note-ended-early = ended early
log-note-not-given = not given
log-given = Talks and breaks: { $given } of { $talks ->
    [one] 1 talk
   *[other] { $talks } talks
} given
log-col-presenter = presenter
log-col-planned = planned
log-col-start = start
log-col-end = end
log-col-length = length
log-col-paused = paused
log-length-legend = Length: time the slides ran, pauses excluded (for a break: from start to end).
log-span = The night: { $from } to { $to }, { $span } in all; the running order plans { $planned } of talks and breaks.
log-span-not-ended = The night: { $from } to { $to }, { $span } in all (not ended); the running order plans { $planned } of talks and breaks.
monitor-not-connected = projector monitor “{ $monitor }” is not connected
monitor-no-such-index = projector monitor { $index } does not exist ({ $connected } connected)
monitor-remembered-gone = the remembered projector “{ $monitor }” is not connected
monitor-using = { $problem }: using { $monitor }
monitor-windowed = { $problem }: projector in a window
history-moved-aside = the rehearsal history { $file } { $problem }; it was moved to { $aside } and a new history started
read-folder = it is a folder, not a file
read-fifo = it is a named pipe (FIFO), not a file
read-device = it is a device, not a file
read-socket = it is a socket, not a file
read-not-regular = it is not a file (a folder, a named pipe or a device)
read-too-big = it holds { $size } MB, more than the { $cap } MB such a file may have
save-exists = a file of that name exists already; open it as the deck to edit its notes
history-not-utf8 = is damaged (not UTF-8 text)
history-damaged = is damaged ({ $error })
history-too-many-slides = is damaged (it says { $slides } slides a run; a talk has at most { $most })
history-newer = was written by a newer Pecha (history version { $version }; this one reads { $reads })
progress-damaged = is damaged ({ $error })
progress-newer = was written by a newer Pecha (version { $version })
progress-other-order = is for a running order of { $items } items, and the night file now has { $now }
progress-impossible = says what cannot be ({ $problem })
format-no-slides = a Custom format needs at least 1 slide
format-no-seconds = a Custom format needs at least 1 second per slide
format-too-many-slides = a Custom format has at most { $max } slides, not { $slides }
format-too-long-slide = a Custom format shows a slide for at most { $max } seconds (10 minutes), not { $seconds }
progress-talk-at-break = a talk under way at item { $item }, which is a break
progress-no-such-slide = slide { $slide } of a { $slides }-slide talk
progress-past-the-end = { $seconds } s into a talk of { $length } s
progress-break-at-talk = a break under way at item { $item }, which is a talk
progress-break-in-future = a break that began in the future
progress-break-before-1970 = a break that began before 1970

## View & sound → Phones… (src/ui/phones.rs)
menu-phones = Phones…
phones-title = Phones
phones-intro = Phones and tablets on this network can show the speaker their countdown and notes, and give the host a remote, in their browser: nothing to install.
phones-start = Start serving on { $address }
phones-speaker = Speaker view
phones-speaker-who = for the speaker: watches only
phones-remote = Remote
phones-remote-who = for the host only: it can pause the talk
phones-connected = { $count ->
    [0] no phone connected
    [one] { $count } phone connected
   *[other] { $count } phones connected
}
phones-stop = Stop serving

## PowerPoint, Impress and Keynote decks, converted with LibreOffice (src/presentation, src/convert)

deck-zip = a zip file (a night packed with `pecha pack`?) is not opened directly: unzip it, then open the night file or deck inside
save-presentation-notes = the notes of a PowerPoint or Impress deck are the file's own: edit them there (the edit stays here until Pecha quits)
presentation-io = cannot read it: { $error }
presentation-password = the file is password-protected; save it again without a password (in PowerPoint: File → Info → Protect Presentation → Encrypt with Password, and clear it), or export it as PDF
presentation-damaged = the file is damaged or not a presentation ({ $detail }); open it in PowerPoint or Impress and save it again, or export the deck as PDF and use the PDF
presentation-notes-not-read = speaker notes are read from .pptx and .odp files only; save the deck as .pptx (or .odp) to bring its notes along
presentation-list-and = { $rest } and { $last }
presentation-hidden = { $count ->
    [one] slide { $numbers } is
   *[other] slides { $numbers } are
} hidden in { $made } and left out
presentation-pages-mismatch = the PDF LibreOffice made has { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} but the file has { $slides ->
    [one] 1 slide
   *[other] { $slides } slides
} ({ $shown } shown): the notes may not be on the right slides
presentation-media = slide { $slide } has video or sound ({ $files }), which a PechaKucha slide cannot play: it shows as a still picture
presentation-media-moved = slide { $slide } (slide { $in_file } in the file) has video or sound ({ $files }), which a PechaKucha slide cannot play: it shows as a still picture
presentation-fonts-missing = { $count ->
    [one] the font { $fonts } is not on this computer: LibreOffice drew it with a similar font
   *[other] the fonts { $fonts } are not on this computer: LibreOffice drew them with similar fonts
}, so text may look different or run longer
convert-menu-powerpoint = File → Export → PDF
convert-menu-impress = File → Export as PDF
convert-menu-keynote = File → Export To → PDF
convert-not-installed = { $made } files need LibreOffice to be installed (https://www.libreoffice.org), or export the deck from { $made } as PDF ({ $menu }) and use the PDF
convert-start = cannot start LibreOffice ({ $program }): { $error }
convert-timed-out = LibreOffice did not finish converting it within { $limit }, and was stopped; try again, or export the deck as PDF and use the PDF
convert-crashed = LibreOffice crashed while converting it ({ $detail }); try again, or export the deck as PDF and use the PDF
convert-failed = LibreOffice could not convert it ({ $detail }): the file may be damaged or password-protected; export the deck as PDF and use the PDF
convert-io = cannot convert it: { $file }: { $error }
convert-signal = ended by signal { $signal }
convert-exit = exit status { $code }
convert-no-pdf = it wrote no PDF
notice-converting = Converting { $file } with LibreOffice… { $seconds } s
cli-converting = Converting { $file } with LibreOffice…

## `pecha pack` (src/pack)

pack-deck = item { $item } ({ $presenter }): { $error }
pack-not-empty = { $dest }: not empty; pack into a new or empty folder, so nothing there is overwritten or mixed in
pack-exists = { $dest }: exists already; give a new name, or remove it first
pack-music-missing = item { $item } (break): music { $file } is missing, not packed; the break goes on without it
cli-packing = packing: { $done } of { $files } files, { $megabytes } of { $total } MB
cli-packed = Packed "{ $title }": { $files } files, { $megabytes } MB into { $dest }
cli-packed-zip = On the show laptop: unzip it, then `pecha { $night }`
cli-packed-folder = On the show laptop: `pecha check { $night }`, then `pecha { $night }`
cli-pack-failed = { $error }; nothing was written
