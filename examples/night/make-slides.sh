#!/usr/bin/env bash
# Draws the slides of the example night's two extra talks (1920 x 1080 JPEGs) with ImageMagick
# and the DejaVu fonts (Debian: imagemagick fonts-dejavu-core), in the style of
# ../shymkent/make-slides.sh. The JPEGs are committed; this script documents how they were made.
set -euo pipefail
cd "$(dirname "$0")"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

# draw DIR HUE_OFFSET "FOOTER" "caption 1" ... "caption 20"
draw() {
  local dir=$1 offset=$2 footer=$3
  shift 3
  local n=0
  for caption in "$@"; do
    n=$((n + 1))
    local hue=$(( (offset + n * 23) % 360 ))
    local hue2=$(( (hue + 40) % 360 ))
    convert -size 1920x1080 "gradient:hsl($hue,50%,30%)-hsl($hue2,55%,12%)" \
      -fill "rgba(255,255,255,0.08)" -draw "rectangle 1250,120 1800,670" \
      -fill "rgba(255,255,255,0.05)" -draw "circle 420,880 420,1200" \
      -font "$font" -fill white -pointsize 280 -gravity northwest -annotate +110+60 "$n" \
      -pointsize 92 -gravity southwest -annotate +110+150 "$caption" \
      -fill "rgba(255,255,255,0.65)" -pointsize 40 -annotate +114+80 "$footer · $n / 20" \
      -quality 80 -sampling-factor 4:2:0 -strip "$(printf '%s/%02d.jpg' "$dir" "$n")"
  done
}

draw talks/aryk 190 "Арықтар · PechaKucha Night" \
  "Арықтар: қаланың тамыры" "Вода приходит с гор" "Карта 1970 года" "Где арыки пропали" \
  "Тополя вдоль воды" "Соседи с лопатами" "Первый субботник" "Что мы нашли на дне" \
  "Су — тіршілік көзі" "Инженеры и бабушки" "Шлюз на улице Байтурсынова" "Дети и бумажные лодки" \
  "Акимат сказал «да»" "Сорок волонтёров" "Вода вернулась" "Летом на 3 градуса прохладнее" \
  "Карта 2026 года" "Что дальше" "Сіз де келіңіз!" "Рахмет!"

draw talks/dombyra 20 "Домбыра в метро · PechaKucha Night" \
  "Домбыра в метро" "Два струны, тысяча лет" "Мой дед и его домбыра" "Первая мозоль" \
  "Күй — это рассказ" "Переход на Абая" "Кто останавливается" "Туристы и школьники" \
  "Домбыра и электроника" "Ноты на телефоне" "Мастер из Түркістан" "Как звучит тал" \
  "Сто подписчиков" "Концерт под дождём" "Оркестр из прохожих" "Жастар үйренеді" \
  "Кто платит музыкантам" "Тишина тоже музыка" "Келесі күй" "Рахмет! Спасибо!"
