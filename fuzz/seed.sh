#!/usr/bin/env bash
# Seeds the fuzz targets' corpora (fuzz/corpus/TARGET/, ignored by git) from the repository's
# own files: the example decks and night, tests/data, and a few files made here from them (a
# progress and a history file as Pecha writes them, small images in every format Pecha reads,
# a two-page PDF). Run it once before `cargo +nightly fuzz run`; it only adds files, so a corpus
# that fuzzing has grown keeps what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
mkdir -p "$corpus"/{deck_ron,night_ron,progress,history,slide_image,pdf}

# seed TARGET NAME FILE: the file's bytes under a stable name.
seed() { cp "$3" "$corpus/$1/$2"; }

# Decks and nights: every RON file in the repository; a night target also gets the decks,
# since deciding night-or-deck is part of what it tests.
while IFS= read -r file; do
  name=$(echo "$file" | tr '/' '_')
  seed deck_ron "$name" "$file"
  seed night_ron "$name" "$file"
done < <(find examples tests/data -name '*.ron' | sort)
# A PDF deck with notes, and the same deck saved with Windows line endings and a byte order mark.
printf '(title: "Арыки", format: Custom(slides: 2, seconds: 5), pdf: "talk.pdf", notes: ["Сәлем", "Рахмет"])\n' \
  >"$corpus/deck_ron/pdf_deck.ron"
printf '\xef\xbb\xbf(\r\n  title: "Арыки",\r\n  format: Ignite,\r\n  slides: [(image: "01.png", notes: "а\\nб")],\r\n)\r\n' \
  >"$corpus/deck_ron/bom_crlf.ron"

# Progress files as `ProgressStore::save` writes them, for the example night's four items.
cat >"$corpus/progress/card.ron" <<'EOF'
(
    version: 1,
    order: [
        0,
        1,
        2,
        3,
    ],
    states: [
        Waiting,
        Waiting,
        Waiting,
        Waiting,
    ],
    stage: Card(
        item: 0,
    ),
    blackout: false,
)
EOF
cat >"$corpus/progress/talk.ron" <<'EOF'
(
    version: 1,
    order: [
        1,
        0,
        2,
        3,
    ],
    states: [
        Done,
        Waiting,
        Skipped,
        Waiting,
    ],
    stage: Talk(
        item: 1,
        slide: 7,
        talk_ms: 48000,
    ),
    blackout: true,
)
EOF
printf '(version: 1, order: [0, 1, 2, 3], states: [Done, Done, Waiting, Waiting], stage: Break(item: 2, started_unix: 1764000000))' \
  >"$corpus/progress/break.ron"
printf '(version: 1, order: [3, 2, 1, 0], states: [Done, Done, Done, Skipped], stage: End)' \
  >"$corpus/progress/end.ron"

# History files as `HistoryStore::save` writes them.
cat >"$corpus/history/two_runs.ron" <<'EOF'
(
    version: 1,
    title: "Как молодые люди меняют Шымкент",
    slide_count: 20,
    slide_ms: 20000,
    runs: [
        (
            finished_at: 1764000000,
            outcomes: [Some(Slack(1200)), Some(Over(300)), Some(OverUntapped), None, Some(Slack(0))],
        ),
        (
            finished_at: 1764086400,
            outcomes: [Some(Slack(2500)), Some(Slack(100)), Some(Over(4000)), Some(Slack(19999)), None],
        ),
    ],
)
EOF
printf '(version: 1, title: "Ignite", slide_count: 20, slide_ms: 15000, runs: [])' \
  >"$corpus/history/empty.ron"

# Images: the small format fixtures, one good slide, and small copies in every format Pecha reads
# (when ImageMagick is there), including an EXIF-rotated JPEG.
for file in tests/data/formats/*.{png,jpg,tif}; do
  seed slide_image "$(basename "$file")" "$file"
done
seed slide_image good_01.png tests/data/good/01.png
if command -v convert >/dev/null; then
  small=(-resize 48x27 -strip)
  convert examples/shymkent/01.jpg "${small[@]}" -quality 70 "$corpus/slide_image/small.jpg"
  convert examples/shymkent/02.jpg "${small[@]}" -interlace JPEG "$corpus/slide_image/progressive.jpg"
  # A camera's portrait photo: an EXIF APP1 segment, orientation 6 (turn 90° clockwise).
  convert examples/shymkent/03.jpg "${small[@]}" jpg:- | python3 -c '
import struct, sys
jpeg = sys.stdin.buffer.read()
tiff = b"II*\x00" + struct.pack("<IH", 8, 1) + struct.pack("<HHIHH", 0x0112, 3, 1, 6, 0) + b"\x00" * 4
app1 = b"Exif\x00\x00" + tiff
sys.stdout.buffer.write(jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:])
' >"$corpus/slide_image/rotated.jpg"
  convert examples/shymkent/04.jpg "${small[@]}" "$corpus/slide_image/small.webp"
  convert examples/shymkent/05.jpg "${small[@]}" -colors 16 "$corpus/slide_image/small.gif"
  convert examples/shymkent/06.jpg "${small[@]}" "BMP3:$corpus/slide_image/small.bmp"
  convert examples/shymkent/07.jpg "${small[@]}" -compress lzw "$corpus/slide_image/small.tif"
  convert tests/data/good/02.png "${small[@]}" -alpha set -channel A -evaluate set 50% \
    "$corpus/slide_image/alpha.png"
  convert tests/data/good/03.png "${small[@]}" -depth 16 "$corpus/slide_image/sixteen_bit.png"
else
  echo "seed.sh: no ImageMagick (convert): the image corpus has PNG, JPEG and TIFF only" >&2
fi

# PDFs like the ones tests/pdf_decks.rs writes: a colour and a line of Helvetica per page.
python3 - "$corpus/pdf" <<'EOF'
import sys

def pdf(colours, width, height, compress=False):
    import zlib
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        ("<< /Type /Pages /Kids [%s] /Count %d >>"
         % (" ".join("%d 0 R" % (4 + 2 * i) for i in range(len(colours))), len(colours))).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for index, (r, g, b) in enumerate(colours):
        content = ("%s %s %s rg 0 0 %s %s re f 0 0 0 rg BT /F1 24 Tf 20 20 Td (Page %d) Tj ET"
                   % (r, g, b, width, height, index + 1)).encode()
        objects.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] "
                        "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                        % (width, height, 5 + 2 * index)).encode())
        if compress:
            content = zlib.compress(content)
            head = b"<< /Length %d /Filter /FlateDecode >>" % len(content)
        else:
            head = b"<< /Length %d >>" % len(content)
        objects.append(head + b"\nstream\n" + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

folder = sys.argv[1]
open(folder + "/two_pages.pdf", "wb").write(pdf([(0.9, 0.1, 0.2), (0.1, 0.5, 0.9)], 960, 540))
open(folder + "/a4_flate.pdf", "wb").write(pdf([(1, 1, 0)], 595, 842, compress=True))
EOF

for target in "$corpus"/*/; do
  printf '%-12s %3d files\n' "$(basename "$target")" "$(find "$target" -type f | wc -l)"
done
