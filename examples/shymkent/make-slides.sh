#!/usr/bin/env bash
# Draws the 20 slides of the bundled example talk (1920 x 1080 JPEGs) with ImageMagick and the
# DejaVu fonts (Debian: imagemagick fonts-dejavu-core). The JPEGs are committed; this script only
# documents how they were made, so anyone can redraw them.
set -euo pipefail
cd "$(dirname "$0")"
captions=(
  "Шымкент — үшінші мегаполис"
  "Почему я вернулась домой"
  "Базар Самал: утро в шесть"
  "Қызылсу өзенінің жағасы"
  "Кофейня на Тауке хана"
  "Велодорожки, которых не было"
  "Ескі аулалар, жаңа өмір"
  "Мастерская в старом гараже"
  "Жастар орталығы"
  "Уличные концерты по пятницам"
  "Өнер мен графити"
  "IT-школа для подростков"
  "Саябақтағы кітапхана"
  "Как мы чистили арык"
  "Ою-өрнек қайта туды"
  "Первый фестиваль еды"
  "Қала кеңесіндегі дауыс"
  "Что не получилось"
  "Келесі қадам: ұлы жол"
  "Рахмет! Спасибо!"
)
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
for i in "${!captions[@]}"; do
  n=$((i + 1))
  hue=$(( (i * 37) % 360 ))
  hue2=$(( (hue + 50) % 360 ))
  file=$(printf '%02d.jpg' "$n")
  convert -size 1920x1080 "gradient:hsl($hue,55%,32%)-hsl($hue2,60%,14%)" \
    -fill "rgba(255,255,255,0.10)" -draw "circle 1500,300 1500,700" \
    -fill "rgba(255,255,255,0.06)" -draw "circle 350,900 350,1250" \
    -font "$font" -fill white -pointsize 300 -gravity northwest -annotate +110+60 "$n" \
    -pointsize 96 -gravity southwest -annotate +110+150 "${captions[$i]}" \
    -fill "rgba(255,255,255,0.65)" -pointsize 40 -annotate +114+80 "Шымкент · PechaKucha Night · $n / 20" \
    -quality 82 -sampling-factor 4:2:0 -strip "$file"
done
