# Слова Pecha по-русски. Каждое сообщение есть в английском файле (en/pecha.ftl); tests/i18n.rs
# проверяет, что их наборы совпадают.
#
# Глоссарий (держаться его везде):
#   talk = доклад; presenter / speaker = выступающий
#   slide = слайд; deck = презентация (файл, папка картинок или PDF)
#   notes = заметки
#   night = вечер (PechaKucha Night); running order = программа
#   break = перерыв; host = ведущий
#   card = заставка (что проектор показывает между докладами)
#   rehearsal / rehearse = репетиция / репетировать; run = прогон
#   tap = отметка (нажатие Пробела, когда слова слайда сказаны)
#   black out = затемнить (проектор показывает чёрное); projector = проектор
#
# Названия клавиш (Enter, PageDown, Esc, Ctrl+O, F5) — как на клавиатуре; Space = Пробел.
# Множественное число: one (1, 21, 101), few (2–4, 22–24), many (5–20, 25–30, 111), other (дроби).

## Menus

menu-deck = Презентация
menu-open-file = Открыть презентацию или файл вечера…  Ctrl+O
menu-open-folder = Открыть папку с картинками…  Ctrl+Shift+O
menu-quit = Выйти  Esc
menu-talk = Доклад
menu-start = Начать  Пробел
menu-pause = Пауза  P
menu-resume = Продолжить  P
menu-restart-slide = Начать этот слайд заново  R
menu-go-to = Перейти к слайду…  G
menu-next-now = Следующий слайд сейчас (крайняя мера)  Ctrl+N
menu-back-to-title = Вернуться к титульной заставке
menu-lead-in = Отсчёт 3-2-1 перед первым слайдом
menu-rehearse = Репетиция
menu-rehearsal-mode = Режим репетиции: Пробел, когда слайд рассказан
menu-rehearse-hint = Отрепетируйте доклад на этом ноутбуке и увидите, где не укладываетесь.
menu-run-again = Новый прогон с 1-го слайда  Ctrl+R
menu-loop-stop = Хватит повторять этот слайд  L
menu-loop-start = Повторять этот слайд по кругу  L
menu-run-report = { $runs ->
    [one] Отчёт о прогонах ({ $runs } прогон)  H
    [few] Отчёт о прогонах ({ $runs } прогона)  H
   *[other] Отчёт о прогонах ({ $runs } прогонов)  H
}
menu-edit-notes = Править заметки этого слайда  E
menu-rehearsal-sound = Звуковые сигналы на репетиции  M
menu-rehearsal-inset = Показывать, что видит зал
menu-projector = Проектор
menu-projector-close = Закрыть окно проектора
menu-projector-open = Открыть окно проектора
menu-fullscreen = Во весь экран  F
menu-black-out = Затемнить  B
menu-show-on-monitor = Показывать на мониторе:
menu-no-monitor-list = (в этой системе нет списка мониторов)
menu-monitor-laptop = (этот экран: проектор закроет это окно)
menu-monitor-new = (новый: только что подключён)
menu-monitor-gone = { $monitor }: отключён; проектор вернётся на него, когда он появится
menu-audience-bar = Тонкая полоса хода доклада для зала
menu-title-card = Титульная заставка перед докладом (иначе чёрный экран)
menu-end-card = Заставка «Спасибо» после доклада (иначе чёрный экран)
menu-cards-ui-language = Заставки только на языке интерфейса (иначе казахский · русский · английский)
menu-view = Вид и звук
menu-notes-size = размер заметок  + / −
menu-light-theme = Светлая тема для светлого зала
menu-sound-rehearsal = Звуковые сигналы на репетиции (щелчок, тиканье, гонг)  M
menu-sound = Звуковые сигналы (щелчок, тиканье в последние 3 с, гонг)  M
menu-volume = громкость
menu-language = Язык
menu-language-system = Как в системе ({ $language })

## The presenter view

badge-rehearsal = РЕПЕТИЦИЯ
badge-looping = ПОВТОР ОДНОГО СЛАЙДА
badge-ready = ГОТОВ
badge-running = ИДЁТ
badge-paused = ПАУЗА
badge-finished = ЗАВЕРШЁН
slide-of = слайд { $slide } из { $count }
talk-left = до конца доклада { $time }
button-start = Начать  (Пробел)
button-resume = Продолжить  (P)
button-run-again = Новый прогон  (F5)
next-slide = Далее
no-notes = (к этому слайду нет заметок)
go-to-title = Перейти к слайду
go-to-detail = Слайд от 1 до { $count }; его время пойдёт заново с этой минуты.
go-to-go = Перейти
cancel = Отмена
quit-title = Выйти из Pecha?
quit-talk-projector = Доклад идёт. Выход прервёт его, и на проекторе появится рабочий стол.
quit-talk = Доклад идёт. Выход прервёт его.
quit-break = Идёт перерыв. Выход остановит музыку и отсчёт; вечер продолжится с того же места, когда Pecha откроет его снова.
quit-night = Вечер не окончен. При выходе на проекторе появится рабочий стол; вечер продолжится с того же места, когда Pecha откроет его снова.
quit-notes = Изменённые заметки не сохранены: последнее сохранение не удалось (см. сообщение внизу). При выходе они пропадут.
quit-runs = { $runs ->
    [one] { $runs } прогон репетиции не сохранён: историю не удаётся записать (см. сообщение внизу). При выходе он пропадёт.
    [few] { $runs } прогона репетиции не сохранены: историю не удаётся записать (см. сообщение внизу). При выходе они пропадут.
   *[other] { $runs } прогонов репетиции не сохранены: историю не удаётся записать (см. сообщение внизу). При выходе они пропадут.
}
keep-going = Продолжать
quit = Выйти
notice-dismiss = нажмите, чтобы убрать
banner-closed = ОКНО ПРОЕКТОРА ЗАКРЫТО
banner-closed-detail = Вернуть его: меню «Проектор» → «Открыть окно проектора»
banner-monitor-gone = Монитор проектора отключён ({ $monitor })
banner-monitor-gone-talk = Доклад идёт дальше; изображение вернётся вместе с монитором
banner-monitor-gone-night = Вечер идёт дальше; изображение вернётся вместе с монитором
banner-blacked-out = ПРОЕКТОР ЗАТЕМНЁН
banner-blacked-out-detail = нажмите B, чтобы показать слайд

## Broken slides (the presenter view's placeholders; the audience sees black)

slide-cannot-show = этот слайд не показать
slide-not-in-deck = нет в презентации
slide-audience-black = зал видит чёрный экран
slide-end-of-talk = конец доклада

## The status bar's key hints, one message per key

hint-start = Пробел / Enter / PageDown / F5: начать
hint-go-to = G: к слайду
hint-black-out = B: затемнить
hint-open = Ctrl+O: открыть презентацию
hint-quit = Esc: выйти
hint-pause = P: пауза
hint-resume = P: продолжить
hint-restart-slide = R: слайд заново
hint-next-now = Ctrl+N: следующий слайд сейчас
hint-back-to-title = меню «Доклад»: к титульной заставке
hint-loop-done = Пробел / PageDown: попытка закончена
hint-loop-pause = P: пауза повтора
hint-loop-stop = L / Esc: прекратить повтор и вернуться к докладу
hint-rehearsal-start = Пробел: начать
hint-loop-practise = L: повторять этот слайд
hint-edit-notes = E: править заметки
hint-report = H: отчёт
hint-tap = Пробел / PageDown: слайд рассказан
hint-loop-slide = L: повторять слайд
hint-run-again-ctrl = Ctrl+R: новый прогон
hint-run-again = F5: новый прогон
hint-practise-a-slide = L: отработать слайд
hint-walk-next = Пробел / Вправо: следующая заставка
hint-walk-previous = Влево: предыдущая
hint-walk-end = Esc: вернуться к вечеру
hint-start-next = Пробел / Enter / PageDown: начать следующее
hint-walk = W: просмотреть заставки
hint-stop-music = M: выключить музыку сейчас

## The host console of a night

row-checking = проверка
row-ready = готов
row-problem = проблема
row-next = следующий
row-now = сейчас
row-done = прошёл
row-skipped = пропущен
night-summary = Конец ≈ { $end } · осталось { $left } · докладов прошло: { $done } из { $talks }
resume-decide = Решить, где продолжить сегодняшний вечер…
resume-saved-order = Программа в том виде, в каком её сохранила Pecha при остановке:
walk-button = Просмотреть заставки  (W)
walk-tooltip = До открытия дверей: показать на проекторе все заставки по очереди
drag-tooltip = Перетащите, чтобы переставить в программе
row-up = Выше
row-up-tooltip = Поднять
row-down = Ниже
row-down-tooltip = Опустить
row-end-break = Закончить перерыв
row-skip = Пропустить
row-hold-again = Провести снова
row-run-again = Показать снова
walk-title = Просмотр заставок: { $card } из { $count }
walk-title-closing = Просмотр заставок: { $card } из { $count } (заключительная заставка)
walk-keys = Вправо или Пробел: следующая заставка · Влево: предыдущая · Esc: вернуться к вечеру
walk-previous = Назад
walk-next = Вперёд
walk-done = Готово  (Esc)
break-title = Перерыв
break-back-at = Вечер продолжится в { $time }
break-music = Музыка: { $music }
break-stop-music = Выключить музыку  (M)
break-end-now = Закончить перерыв сейчас
night-over = Вечер окончен
night-over-detail = Докладов прошло: { $done } из { $talks }. Журнал вечера: `{ $command }`.
stage-break-card = На проекторе: заставка перерыва
audience-sees = Зал видит
skip-title = Пропустить: { $name }?
skip-detail = Доклад закончится сейчас, и на проекторе появится следующая заставка.
skip-it = Пропустить
resume-title = Продолжить сегодняшний вечер?
resume-detail = Pecha остановилась: { $place }; позади { $done } из { $items ->
    [one] { $items } пункта
   *[other] { $items } пунктов
} программы.
resume-at-slide = Продолжить со слайда { $slide } (на паузе: P — дальше)
resume-break-over = Дальше: время перерыва тем временем вышло (появится следующая заставка)
resume-in-break = Продолжить перерыв (его время идёт по часам)
resume-at-card = Продолжить с его заставки
resume-start-over = Начать вечер сначала
resume-keys = Вверх, Вниз: выбор · Enter: выбрать · Esc: решить позже (проектор остаётся чёрным)

## Rehearsal: taps, the loop, notes, the report and its chart

outcome-left = осталось { $seconds } с
outcome-over = сверх { $seconds } с
outcome-over-untapped = сверх (без отметки)
tap-done = слайд { $slide }: готово, в запасе { $seconds } с
tap-late = слайд { $slide }: сверх на { $seconds } с
tap-already = слайд { $slide } уже отмечен
pace-no-notes = нет заметок для оценки темпа
pace-comfortable = спокойно
pace-brisk = быстро
pace-too-many = слишком много слов: сократите
pace-line = { $words ->
    [one] { $words } слово
    [few] { $words } слова
   *[other] { $words } слов
} за { $seconds } с · { $per_minute } слов/мин · { $verdict }
tap-late-hint = слайд { $slide } затянулся: нажмите сейчас, чтобы отметить насколько
run-unsaved = прогон { $run } сохранён здесь, но не на диске (см. сообщение внизу)
run-recorded = прогон { $run } записан
tap-hint = Пробел / PageDown, когда слайд рассказан
loop-paused = слайд { $slide } · повтор на паузе
loop-next-try = следующая попытка через { $seconds }
loop-try = слайд { $slide } · попытка { $attempt }
loop-stop = Прекратить повтор  (L)
notes-edit = Править заметки  (E)
notes-unsaved = заметки ещё не сохранены
notes-of-slide = Заметки к слайду { $slide }
notes-save = Сохранить и закрыть  (Ctrl+S или Esc)
no-notes-rehearsal = (к этому слайду нет заметок: E, чтобы написать)
report-summary = Прогон { $run }: { $over ->
    [0] ни один слайд не затянут
    [one] { $over } слайд сверх времени ({ $slides })
    [few] { $over } слайда сверх времени ({ $slides })
   *[other] { $over } слайдов сверх времени ({ $slides })
} · в запасе всего { $spare } с
report-none-over = В последних прогонах ни один слайд не затянут.
report-over-in = { $slide } (сверх в { $over } из { $runs })
report-cut = Сократите текст слайдов { $slides }
report-cut-more = Сократите текст слайдов { $slides } и ещё { $more } (см. диаграмму)
report-trend = Последние прогоны ({ $runs }), от старых к новым: слайдов сверх времени { $over } · секунд в запасе { $spare }
report-no-run = Ещё нет завершённого прогона.
report-no-run-detail = Отчёт появится, когда прогон дойдёт до последнего слайда.
report-run-before = прошлый прогон: сверх — { $over }, в запасе { $spare } с
report-no-taps = В этом прогоне нет отметок: нажимайте Пробел (или кликер), когда слова слайда сказаны, и отчёт покажет запас времени каждого слайда.
report-unsaved = эти прогоны не сохранены (см. сообщение внизу)
report-kept-in = хранится в { $file }
report-back = Вернуться к слайдам  (H)
chart-spare = запас времени
chart-over = сверх
chart-over-untapped = сверх, без отметки
chart-spare-bar = слайд { $slide }: в запасе { $seconds } с
chart-over-bar = слайд { $slide }: сверх на { $seconds } с
chart-untapped-bar = слайд { $slide }: сверх, насколько — неизвестно (нет поздней отметки)
chart-slide = слайд
chart-seconds = секунды в запасе (+) / сверх (−)
chart-runs-before = { $runs ->
    [one] { $runs } прошлый прогон
    [few] { $runs } прошлых прогона
   *[other] { $runs } прошлых прогонов
}

## Notices in the status bar

notice-file-thread = не удалось запустить поток работы с файлами: { $error }; заметки и история не будут сохраняться
notice-no-sound = нет звукового устройства: сигналов не будет

## `pecha check` and the deck's quick check

severity-error = ошибка
severity-warning = предупреждение
check-slide-file = слайд { $slide } ({ $file }): { $problem }
check-slide = слайд { $slide }: { $problem }
check-ready = готово: { $slides ->
    [one] { $slides } слайд
    [few] { $slides } слайда
   *[other] { $slides } слайдов
} x { $seconds } с ({ $format }), { $length }
check-not-ready = не готово: { $problems ->
    [one] { $problems } проблема
    [few] { $problems } проблемы
   *[other] { $problems } проблем
}
check-warnings = { $warnings ->
    [one] { $warnings } предупреждение
    [few] { $warnings } предупреждения
   *[other] { $warnings } предупреждений
}
check-slide-count = { $slides ->
    [one] { $slides } слайд
    [few] { $slides } слайда
   *[other] { $slides } слайдов
}, а { $format } нужно { $needed }
check-aspect = разные пропорции: { $shapes }
check-aspect-majority = { $shape } на { $slides ->
    [one] { $slides } слайде
   *[other] { $slides } слайдах
}
check-aspect-other = { $shape } на { $count ->
    [one] слайде
   *[other] слайдах
} { $slides }
check-below-minimum = { $width } x { $height } меньше, чем { $min_width } x { $min_height }
check-large-file = файл занимает { $size } МБ, больше { $limit } МБ; он будет медленно загружаться
check-notes-too-long = в заметках { $words ->
    [one] { $words } слово
    [few] { $words } слова
   *[other] { $words } слов
} — слишком много для { $seconds } с (примерно { $fits } при { $pace } словах в секунду)
night-check-summary = Вечер «{ $title }»: { $talks ->
    [one] { $talks } доклад
    [few] { $talks } доклада
   *[other] { $talks } докладов
}, { $breaks ->
    [one] { $breaks } перерыв
    [few] { $breaks } перерыва
   *[other] { $breaks } перерывов
}, всего { $length }: { $verdict }
night-check-ready = готово
night-check-not-ready-one = не готово: у пункта { $items } есть проблемы
night-check-not-ready-many = не готово: у пунктов { $items } есть проблемы
night-check-talk-ready = готов
night-check-talk-not-ready = НЕ ГОТОВ
night-check-music = музыка { $file }: { $problem }; перерыв пройдёт без неё
night-check-music-item = пункт { $position } (перерыв): { $warning }
notice-deck-short = { $problem }: доклад всё равно длится { $count } × { $seconds } с, и { $missing ->
    [1] слайд { $from } будет чёрным
   *[other] слайды с { $from } по { $count } будут чёрными
}
notice-deck-long = { $problem }: доклад всё равно длится { $count } × { $seconds } с; слайды после { $count }-го не будут показаны
notice-slide-black = { $problem }; вместо него зал увидит чёрный экран
notice-slides-black = { $count ->
    [one] { $count } слайд нельзя показать
    [few] { $count } слайда нельзя показать
   *[other] { $count } слайдов нельзя показать
}, вместо них зал увидит чёрный экран: { $first } и другие; полный список — `pecha check`
notice-no-data-folder = нет папки данных: ход и журнал этого вечера не сохраняются на диск
notice-night-ended-before = прошлый показ этого вечера был завершён: вечер начинается сначала
notice-progress-unreadable = { $error }; вечер начинается сначала
notice-night-open-elsewhere = { $file }: { $error }
notice-night-lock-failed = { $error }; этот вечер может открыть и другая Pecha
notice-deck-still-loading = презентация ({ $presenter }) ещё загружается: попробуйте начать через мгновение
notice-rerun-during-item = сначала закончите или пропустите текущий пункт, потом повторяйте другой
notice-nothing-chosen = презентация не выбрана; если окно выбора не появилось, перетащите презентацию в окно или запустите `pecha PATH`
notice-cannot-open = не удалось открыть { $error }
notice-night-file-failed = { $error }; вечер продолжается
notice-talk-skipped = { $name } пропущен: презентацию не прочитать: { $error }
notice-rehearsal-in-night = режим репетиции — для одного доклада: откройте его презентацию командой `pecha --rehearse DECK`
notice-open-in-night = открыт вечер: чтобы посмотреть отдельную презентацию, запустите `pecha DECK` в другом окне
notice-walk-during-item = просматривайте заставки между докладами, а не во время них
notice-dialog-failed = не удалось открыть окно выбора файла: { $error }
notice-refused-while-running = { $file } не открыт: сначала закончите доклад или верните его к началу
notice-cannot-load = не удалось загрузить презентацию: { $error }
notice-projector-back = Монитор проектора снова на месте ({ $monitor }): проектор опять показывает доклад на нём
notice-unplugged = Монитор { $monitor } отключён; { $staying }
notice-plugged = Подключён монитор ({ $monitors }): меню «Проектор» { $count ->
    [one] предлагает его
   *[other] предлагает их
}; { $staying }
projector-waits-for = проектор ждёт { $monitor }
projector-stays-on = проектор остаётся на { $monitor }
projector-stays-windowed = проектор остаётся в своём окне
notice-history-not-kept = история репетиций не ведётся: { $error }
notice-history-unreadable = история репетиций не ведётся: { $error }; прогоны этого сеанса по-прежнему видны
notice-history-save-failed = { $error }; прогоны хранятся здесь, а не на диске: новая попытка сохранить каждые { $seconds } с
notice-notes-beside-images = заметки сохранены в { $file }, рядом с картинками: теперь папка открывается вместе с ними
notice-notes-new-file = заметки сохранены в новый файл презентации, { $file }: в следующий раз откройте его, чтобы они были
notice-notes-save-failed = { $error }; изменённые заметки хранятся здесь: сохраните снова через Ctrl+S

## Names and places in the night, dialogs, the projector window and its cards

name-talk = доклад { $place } ({ $presenter })
name-break = перерыв (пункт { $place })
name-item = пункт { $place }
name-the-break = перерыв
name-the-end = конец
place-at-slide = { $name }, слайд { $slide }
place-its-card = его заставка
place-card-of = заставка: { $name }
row-more-problems = { $what } и ещё { $more ->
    [one] { $more } проблема
    [few] { $more } проблемы
   *[other] { $more } проблем
} (полный список — `pecha check`)
row-break = Перерыв
row-break-detail = перерыв · { $minutes ->
    [one] { $minutes } минута
    [few] { $minutes } минуты
   *[other] { $minutes } минут
}
start-talk = Начать доклад { $place }: { $presenter }  (Пробел)
start-break = Начать перерыв  (Пробел)
loading-deck = Загружается презентация: { $presenter }…
music-no-sound = нет звукового устройства: перерыв пройдёт без музыки
music-silent = тишина
music-none = нет
music-starting = запускается…
music-playing = играет { $file }
music-fading-out = затихает
music-stopped = остановлена
music-failed = ни один файл не играет
slide-failed-page = { $file }, страница { $page }: { $reason }
dialog-title = Открыть презентацию или вечер Pecha
dialog-filter = Презентация или вечер Pecha
projector-window-title = { $title } — проектор
card-next = Далее
card-break = Перерыв
card-minutes = { $minutes ->
    [one] { $minutes } минута
    [few] { $minutes } минуты
   *[other] { $minutes } минут
}
card-back-at = Продолжим в { $time }
card-thanks = Спасибо!

## The command line's own lines (`--help` stays English)

cli-history-night = { $file } — файл вечера; репетиции хранятся по докладам: укажите презентацию одного доклада
cli-cannot-unpack = не удалось распаковать встроенный пример вечера: { $error }
cli-history-file = Файл истории: { $file }
cli-log-not-night = { $file } — не файл вечера (в нём нет `running_order`); `pecha log` принимает файл вечера
cli-log-not-run = Вечер «{ $title }» на этом компьютере ещё не проводился: его журнал будет в { $file }
cli-flag-for-one-talk = { $flag } — для одного доклада, а { $file } — файл вечера: формат задан в файле, и каждый доклад начинает ведущий; чтобы использовать { $flag }, откройте презентацию доклада
cli-cannot-open-deck = не удалось открыть презентацию
cli-cannot-open-night = не удалось открыть вечер
cli-cannot-open-example = не удалось открыть пример вечера
cli-cannot-unpack-example = не удалось распаковать встроенный пример вечера

## Formats

format-label = { $name } · { $slides } × { $seconds } с
format-label-custom = { $slides } × { $seconds } с · нестандартный
format-describe = { $name } ({ $slides } x { $seconds } с)
format-describe-custom = нестандартный формат ({ $slides } x { $seconds } с)

## `pecha history`

history-none = Репетиций «{ $title }» в формате { $format } ещё не записано: запустите `pecha --rehearse` для этой презентации.
    История хранится для каждого формата: для прогонов с `--format` укажите здесь тот же `--format`.
history-title = Репетиции «{ $title }» в формате { $format }: { $runs ->
    [one] { $runs } прогон
    [few] { $runs } прогона
   *[other] { $runs } прогонов
}, последний { $latest }.
history-slide = слайд
history-latest = последний
history-average = среднее за { $runs }
history-over = сверх
history-trend = тренд
history-seconds = { $seconds } с
history-latest-run = Последний прогон: сверх времени { $over ->
    [one] { $over } слайд
    [few] { $over } слайда
   *[other] { $over } слайдов
}, в запасе всего { $spare } с.
history-legend = Среднее: секунды в запасе (+) или сверх (−); сверх: прогонов сверх времени из записанных; тренд: ↑ запаса больше, чем раньше, ↓ меньше.
history-unknown-time = в неизвестное время

## A single talk cut short by a crash

talk-resume-title = Продолжить этот доклад?
talk-resume-detail = Pecha остановилась во время этого доклада ({ $stopped_at }) на слайде { $slide } из { $slides }, через { $time } после начала.
talk-resume-from-top = Начать сначала
talk-resume-keys = Вверх, Вниз: выбор · Enter: выбрать · Esc: начать сначала
quit-talk-resumable = Если снова открыть эту презентацию, Pecha предложит продолжить с этого слайда.
notice-place-unreadable = { $error }; доклад начинается сначала
notice-place-start-from-top = в прошлый раз доклад остановился на слайде { $slide } из { $slides }; --start начал его сначала
notice-place-save-failed = { $error }; доклад идёт дальше, но после сбоя сейчас его не удастся продолжить
row-check-stalled = не прочитана за { $seconds } с

## Why a file or an image cannot be used

io-not-found = не существует (перемещён, переименован или не скопирован сюда?)
io-permission = не читается: нет прав доступа
io-other = не читается: { $error }
image-missing = картинки нет
image-missing-similar = картинки нет (есть `{ $similar }`: в именах файлов важен регистр букв)
image-folder = это папка, а не картинка
image-not-regular = это не файл (именованный канал, устройство или сокет), а не картинка
image-io = файл не читается: { $error }
image-empty = файл пуст (0 байт)
image-text = это текстовый файл, а не картинка
image-unknown-format = это не картинка, которую может прочитать pecha (PNG, JPEG, WebP, GIF, BMP или TIFF)
image-file-too-large = файл занимает { $size } МБ, больше предела в { $limit } МБ для одной картинки
image-too-many-pixels = заявлено { $width } x { $height } пикселей, больше предела { $side } x { $side }; не декодирована (декомпрессионная бомба или ошибка)
image-too-much-memory = для { $width } x { $height } пикселей нужно { $size } МБ памяти, больше предела в { $limit } МБ; не декодирована
image-truncated = файл { $format } обрезан: он кончается раньше картинки
image-decode = не декодируется как { $format }: { $trouble } (декодер сообщает: { $message })
decode-damaged = файл повреждён; скопируйте его заново или заново экспортируйте слайд
decode-unsupported = в нём есть возможность формата, которую pecha не читает; экспортируйте слайд заново как обычный PNG или JPEG
decode-other = экспортируйте слайд заново как обычный PNG или JPEG

## Why a deck cannot be loaded (after `file:line:column:`)

deck-not-utf8 = файл не в кодировке UTF-8 (может быть, Windows-1251?); сохраните его в UTF-8
deck-unknown-field = неизвестное поле `{ $field }` в { $place }, ожидается { $expected }
deck-expected-nothing = здесь ничего
deck-expected-two = { $first } или { $second }
deck-expected-many = одно из { $names } или { $last }
deck-did-you-mean = (может быть, `{ $name }`?)
deck-no-images = в этой папке нет картинок слайдов (искались .png, .jpg, .jpeg, .webp, .gif, .bmp, .tif, .tiff)
deck-pdf = `pdf:` презентации { $pdf }: { $problem }
deck-single-image = это одна картинка; укажите папку со слайдами или файл презентации .ron
deck-slides-and-pdf = укажите либо `slides: [...]` (картинки), либо `pdf: "file.pdf"`, но не оба
deck-no-slides = нет слайдов: укажите `slides: [Slide(image: "01.jpg"), ...]` или `pdf: "file.pdf"`
deck-notes-without-pdf = `notes: [...]` пишется вместе с `pdf: "file.pdf"`; для слайдов-картинок пишите заметки в каждом `Slide(image: ..., notes: ...)`
deck-notes-past-pdf = заметок { $notes }, а в { $pdf } { $pages ->
    [one] { $pages } страница
    [few] { $pages } страницы
   *[other] { $pages } страниц
}: заметки после страницы { $pages } не показываются
deck-place-slide = слайде
deck-place-format = формате
deck-place-deck = презентации
deck-missing-field = нет поля `{ $field }` в { $place }
deck-duplicate-field = поле `{ $field }` задано дважды в { $place }
deck-unknown-format = неизвестный формат `{ $found }`, ожидается `PechaKucha`, `Ignite` или `Custom(slides: N, seconds: N)`
save-failed = не удалось сохранить { $file }: { $error }
pdf-missing = PDF-файла нет
pdf-io = PDF не читается: { $error }
pdf-invalid = PDF не читается (повреждён или это вовсе не PDF)
pdf-encrypted = PDF зашифрован или защищён паролем; экспортируйте его заново без пароля
pdf-no-pages = в PDF нет страниц
pdf-too-large = PDF занимает { $size } МБ, больше предела в { $limit } МБ
pdf-no-such-page = в PDF нет страницы { $page } (в нём { $pages ->
    [one] { $pages } страница
    [few] { $pages } страницы
   *[other] { $pages } страниц
})
pdf-render = страницу { $page } не удаётся отрисовать: { $reason }
music-missing = отсутствует
music-read = не читается: { $error }
music-decode = не воспроизводится ({ $error }); используйте mp3, ogg (Vorbis), flac или wav
music-empty = не содержит звука
music-too-short = обрывается меньше чем через десятую долю секунды (слишком короткий или повреждён)
audio-no-device = нет звукового устройства: { $error }
audio-bundled = встроенный звук не декодируется: { $error }
night-talk-without-deck = пункт { $item }: докладу нужна его `deck: "..."` (файл презентации, папка или PDF)
night-zero-break = пункт { $item }: перерыв на 0 минут; укажите `minutes: 15` или уберите его
night-no-talk = в программе нет ни одного доклада: добавьте `Talk(deck: "talk.ron", presenter: "...")`
lock-held = Этот вечер уже открыт в другой Pecha на этом компьютере: сначала закройте её
lock-held-pid = Этот вечер уже открыт в другой Pecha (pid { $pid }) на этом компьютере: сначала закройте её
lock-io = не удалось заблокировать вечер файлом { $file }: { $error }
progress-read = не удалось прочитать ход вечера { $file }: { $error }
progress-unusable = файл хода вечера { $file } { $problem }; вечер начинается сначала
progress-no-data-folder = нет папки данных для хода вечера (задана ли HOME?)
log-write = не удалось записать журнал вечера { $file }: { $error }
log-read = не удалось прочитать журнал вечера { $file }: { $error }
log-no-data-folder = нет папки данных для журнала вечера (задана ли HOME?)
history-slide-read = не удалось прочитать { $file }: { $error }
history-read = не удалось прочитать историю репетиций { $file }: { $error }
history-unusable = история репетиций { $file } { $problem }
history-no-data-folder = нет папки данных для истории репетиций (задана ли HOME?)
place-read = не удалось прочитать, где остановился доклад ({ $file }): { $error }
place-damaged = запись о том, где остановился доклад ({ $file }), повреждена: { $detail }
place-newer = запись о том, где остановился доклад ({ $file }), сделана более новой Pecha (версия { $version })
place-misfit = запись о том, где остановился доклад ({ $file }): { $misfit }
place-other-format = сделана для { $slides } слайдов по { $seconds } с, а у доклада теперь другой формат
place-impossible = содержит невозможное (слайд { $slide }, { $seconds } с от начала доклада)
example-write = не удалось записать пример доклада в { $file }: { $error }
example-save = не удалось распаковать пример вечера: { $error }
slide-scale = { $file }: не удаётся масштабировать: { $error }
trace-write = не удалось записать трассировку { $file }: { $error }
app-window = не удалось открыть окно: { $error }
music-no-thread = не удалось запустить поток музыки ({ $error }); перерыв пройдёт в тишине
music-file-problem = { $file }: { $problem }; перерыв пройдёт без него
music-no-files = у перерыва нет музыкальных файлов; он пройдёт в тишине
music-none-any-more = ни один музыкальный файл перерыва больше не воспроизводится; музыка остановлена
music-none-playable = ни один из музыкальных файлов перерыва ({ $files }) не воспроизводится; перерыв пройдёт в тишине

## `pecha log`

log-runs-before = Этот вечер проводился на этом компьютере { $runs ->
    [one] { $runs } раз
    [few] { $runs } раза
   *[other] { $runs } раз
}; здесь последний показ. Все показы: `pecha log --all`.
log-run-of = Показ { $run } из { $runs }
log-title = Журнал вечера «{ $title }»
log-night-file = Файл вечера: { $file }
log-log-file = Журнал:      { $file }
log-problem = журнал: { $problem }
log-nothing = Пока ничего не записано.
log-unknown-date = (дата неизвестна)
log-break = перерыв
log-gone-named = { $number }. { $name } (больше нет в файле вечера)
log-gone = пункт { $number } (больше нет в файле вечера)
log-night-opened = вечер открыт
log-resumed = вечер продолжен после перезапуска: { $at }
log-talk-started = { $item }: доклад начался
log-talk-ended = { $item }: доклад закончился через { $length }
log-talk-ended-paused = { $item }: доклад закончился через { $length }, на паузе { $paused }
log-break-started = { $item }: перерыв начался
log-break-started-planned = { $item }: перерыв начался (по плану { $planned })
log-break-ended = { $item }: перерыв закончился
log-break-ended-early = { $item }: перерыв закончился досрочно
log-host = ведущий: { $what }
log-skipped = { $item }: пропущен
log-night-ended = вечер окончен
log-note-again = повторно
log-note-no-start = начало не записано
log-note-no-end = конец не записан
log-note-skipped-under-way = пропущен по ходу
log-note-cut-short = прерван
log-note-ended-early = закончен досрочно
log-note-not-given = не состоялся
log-given = Доклады и перерывы: прошло { $given } из { $talks ->
    [one] { $talks } доклада
   *[other] { $talks } докладов
}
log-col-presenter = выступающий
log-col-planned = план
log-col-start = начало
log-col-end = конец
log-col-length = длина
log-col-paused = пауза
log-length-legend = Длина: сколько шли слайды, без пауз (для перерыва — от начала до конца).
log-span = Вечер: с { $from } до { $to }, всего { $span }; по программе доклады и перерывы занимают { $planned }.
log-span-not-ended = Вечер: с { $from } до { $to }, всего { $span } (не окончен); по программе доклады и перерывы занимают { $planned }.
monitor-not-connected = монитор проектора «{ $monitor }» не подключён
monitor-no-such-index = монитора проектора { $index } нет (подключено: { $connected })
monitor-remembered-gone = запомненный монитор проектора «{ $monitor }» не подключён
monitor-using = { $problem }: используется { $monitor }
monitor-windowed = { $problem }: проектор в окне
history-moved-aside = история репетиций { $file } { $problem }; она перемещена в { $aside }, начата новая история
read-folder = это папка, а не файл
read-fifo = это именованный канал (FIFO), а не файл
read-device = это устройство, а не файл
read-socket = это сокет, а не файл
read-not-regular = это не файл (папка, именованный канал или устройство)
read-too-big = в нём { $size } МБ, больше предела в { $cap } МБ для такого файла
save-exists = файл с таким именем уже есть; чтобы править заметки, откройте его как презентацию
history-not-utf8 = повреждена (не текст UTF-8)
history-damaged = повреждена ({ $error })
history-too-many-slides = повреждена (слайдов за прогон: { $slides }, а в докладе их не больше { $most })
history-newer = записана более новой Pecha (версия истории { $version }; эта читает { $reads })
progress-damaged = повреждён ({ $error })
progress-newer = записан более новой Pecha (версия { $version })
progress-other-order = относится к программе из { $items } пунктов, а в файле вечера теперь { $now }
progress-impossible = содержит невозможное ({ $problem })
format-no-slides = в формате Custom нужен хотя бы 1 слайд
format-no-seconds = в формате Custom слайду нужна хотя бы 1 секунда
format-too-many-slides = в формате Custom не больше { $max } слайдов, а не { $slides }
format-too-long-slide = в формате Custom слайд показывается не дольше { $max } секунд (10 минут), а не { $seconds }
progress-talk-at-break = доклад идёт в пункте { $item }, а это перерыв
progress-no-such-slide = слайд { $slide } в докладе из { $slides } слайдов
progress-past-the-end = { $seconds } с от начала доклада длиной { $length } с
progress-break-at-talk = перерыв идёт в пункте { $item }, а это доклад
progress-break-in-future = перерыв, начавшийся в будущем
progress-break-before-1970 = перерыв, начавшийся до 1970 года

## Вид и звук → Телефоны… (src/ui/phones.rs)
menu-phones = Телефоны…
phones-title = Телефоны
phones-intro = Телефоны и планшеты в этой сети могут показывать докладчику его отсчёт и заметки, а ведущему — пульт, прямо в браузере: ничего не нужно устанавливать.
phones-start = Включить на { $address }
phones-speaker = Экран докладчика
phones-speaker-who = для докладчика: только смотрит
phones-remote = Пульт
phones-remote-who = только для ведущего: может поставить доклад на паузу
phones-connected = { $count ->
    [0] ни один телефон не подключён
    [one] подключён { $count } телефон
    [few] подключено { $count } телефона
   *[other] подключено { $count } телефонов
}
phones-stop = Выключить

## Презентации PowerPoint, Impress и Keynote, преобразованные LibreOffice

deck-zip = zip-файл (вечер, упакованный `pecha pack`?) напрямую не открывается: распакуйте его и откройте файл вечера или презентацию внутри
save-presentation-notes = заметки презентации PowerPoint или Impress хранятся в самом файле: правьте их там (правка остаётся здесь, пока Pecha открыта)
presentation-io = не удалось прочитать: { $error }
presentation-password = файл защищён паролем; сохраните его ещё раз без пароля (в PowerPoint: Файл → Сведения → Защитить презентацию → Зашифровать с использованием пароля, и очистите пароль) или экспортируйте в PDF
presentation-damaged = файл повреждён или это не презентация ({ $detail }); откройте его в PowerPoint или Impress и сохраните заново либо экспортируйте презентацию в PDF и укажите PDF
presentation-notes-not-read = заметки читаются только из файлов .pptx и .odp; сохраните презентацию как .pptx (или .odp), чтобы заметки пришли вместе с ней
presentation-list-and = { $rest } и { $last }
presentation-hidden = { $count ->
    [one] слайд { $numbers } скрыт в { $made } и не показывается
   *[other] слайды { $numbers } скрыты в { $made } и не показываются
}
presentation-pages-mismatch = в PDF, который сделал LibreOffice, { $pages ->
    [one] { $pages } страница
    [few] { $pages } страницы
   *[other] { $pages } страниц
}, а в файле { $slides ->
    [one] { $slides } слайд
    [few] { $slides } слайда
   *[other] { $slides } слайдов
} (показываются { $shown }): заметки могут оказаться не на тех слайдах
presentation-media = на слайде { $slide } есть видео или звук ({ $files }), а слайд PechaKucha их не воспроизводит: он покажется неподвижной картинкой
presentation-media-moved = на слайде { $slide } (в файле это слайд { $in_file }) есть видео или звук ({ $files }), а слайд PechaKucha их не воспроизводит: он покажется неподвижной картинкой
presentation-fonts-missing = { $count ->
    [one] шрифта { $fonts } нет на этом компьютере: LibreOffice заменил его похожим
   *[other] шрифтов { $fonts } нет на этом компьютере: LibreOffice заменил их похожими
}, поэтому текст может выглядеть иначе или стать длиннее
convert-menu-powerpoint = Файл → Экспорт → PDF
convert-menu-impress = Файл → Экспорт в PDF
convert-menu-keynote = Файл → Экспортировать в → PDF
convert-not-installed = для файлов { $made } нужен установленный LibreOffice (https://www.libreoffice.org), или экспортируйте презентацию из { $made } в PDF ({ $menu }) и укажите PDF
convert-start = не удалось запустить LibreOffice ({ $program }): { $error }
convert-timed-out = LibreOffice не закончил преобразование за { $limit } и был остановлен; попробуйте ещё раз или экспортируйте презентацию в PDF и укажите PDF
convert-crashed = LibreOffice аварийно завершился при преобразовании ({ $detail }); попробуйте ещё раз или экспортируйте презентацию в PDF и укажите PDF
convert-failed = LibreOffice не смог преобразовать файл ({ $detail }): возможно, он повреждён или защищён паролем; экспортируйте презентацию в PDF и укажите PDF
convert-io = не удалось преобразовать: { $file }: { $error }
convert-signal = остановлен сигналом { $signal }
convert-exit = код завершения { $code }
convert-no-pdf = PDF не создан
notice-converting = LibreOffice преобразует { $file }… { $seconds } с
cli-converting = LibreOffice преобразует { $file }…

## `pecha pack`

pack-deck = пункт { $item } ({ $presenter }): { $error }
pack-not-empty = { $dest }: папка не пуста; упакуйте в новую или пустую папку, чтобы ничего там не перезаписать и не перемешать
pack-exists = { $dest }: уже существует; дайте другое имя или сначала удалите его
pack-music-missing = пункт { $item } (перерыв): музыки { $file } нет, она не упакована; перерыв пройдёт без неё
cli-packing = упаковка: файлов { $done } из { $files }, { $megabytes } из { $total } МБ
cli-packed = Вечер «{ $title }» упакован: файлов { $files }, { $megabytes } МБ, в { $dest }
cli-packed-zip = На ноутбуке для показа: распакуйте, затем `pecha { $night }`
cli-packed-folder = На ноутбуке для показа: `pecha check { $night }`, затем `pecha { $night }`
cli-pack-failed = { $error }; ничего не записано
