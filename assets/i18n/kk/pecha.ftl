# Pecha сөздері қазақша. Әр хабар ағылшын файлында бар (en/pecha.ftl); tests/i18n.rs олардың
# жиындары сәйкес келетінін тексереді.
#
# Сөздік (барлық жерде осыны ұстаныңыз):
#   talk = баяндама; presenter / speaker = баяндамашы
#   slide = слайд; deck = презентация (файл, суреттер қалтасы немесе PDF)
#   notes = жазбалар
#   night = кеш (PechaKucha кеші); running order = бағдарлама; item = тармақ
#   break = үзіліс; host = жүргізуші
#   card = заставка (баяндамалар арасында проектор көрсететін бет)
#   rehearsal / rehearse = дайындық / дайындалу; run = жаттығу (1-слайдтан соңына дейін)
#   tap = белгі (слайдтың сөзі айтылғанда Бос орынды басу)
#   black out = қараңғылату (проектор қара экран көрсетеді); projector = проектор
#
# Пернелер атауы (Enter, PageDown, Esc, Ctrl+O, F5) пернетақтадағыдай; Space = Бос орын.
# Қазақ тілінде сан есімнен кейін зат есім көпше түрге түспейді: «1 слайд», «5 слайд».
# Сан есімге жалғау жалғанбайды (оның түрі санның айтылуына байланысты): «4-слайд» (реттік),
# «өткені: 3 / 8».

## Menus

menu-deck = Презентация
menu-open-file = Презентация не кеш файлын ашу…  Ctrl+O
menu-open-folder = Суреттер қалтасын ашу…  Ctrl+Shift+O
menu-quit = Шығу  Esc
menu-talk = Баяндама
menu-start = Бастау  Бос орын
menu-pause = Кідірту  P
menu-resume = Жалғастыру  P
menu-restart-slide = Осы слайдты қайта бастау  R
menu-go-to = Слайдқа өту…  G
menu-next-now = Келесі слайдқа қазір өту (соңғы амал)  Ctrl+N
menu-back-to-title = Титул заставкасына оралу
menu-lead-in = Бірінші слайд алдында 3-2-1 кері санақ
menu-rehearse = Дайындық
menu-rehearsal-mode = Дайындық режимі: слайдты айтып болғанда Бос орын
menu-rehearse-hint = Баяндаманы осы ноутбукта дайындап, қай жерде уақыттан асатыныңызды көріңіз.
menu-run-again = 1-слайдтан қайта жаттығу  Ctrl+R
menu-loop-stop = Бұл слайдты қайталауды тоқтату  L
menu-loop-start = Бұл слайдты қайта-қайта жаттығу  L
menu-run-report = Жаттығулар есебі ({ $runs } жаттығу)  H
menu-edit-notes = Осы слайдтың жазбаларын өңдеу  E
menu-rehearsal-sound = Дайындық кезіндегі дыбыс белгілері  M
menu-rehearsal-inset = Көрермендер не көретінін көрсету
menu-projector = Проектор
menu-projector-close = Проектор терезесін жабу
menu-projector-open = Проектор терезесін ашу
menu-fullscreen = Толық экран  F
menu-black-out = Қараңғылату  B
menu-show-on-monitor = Мониторда көрсету:
menu-no-monitor-list = (бұл жүйеде мониторлар тізімі жоқ)
menu-monitor-laptop = (осы экран: проектор бұл терезені жауып қалады)
menu-monitor-new = (жаңа: жаңа ғана қосылды)
menu-monitor-gone = { $monitor }: ажыратылды; қайта қосылғанда проектор оған қайтады
menu-audience-bar = Көрермендерге арналған жіңішке барыс жолағы
menu-title-card = Баяндама алдында титул заставкасы (әйтпесе қара экран)
menu-end-card = Баяндамадан кейін «Рахмет» заставкасы (әйтпесе қара экран)
menu-cards-ui-language = Заставкалар тек интерфейс тілінде (әйтпесе қазақша · орысша · ағылшынша)
menu-view = Көрініс және дыбыс
menu-notes-size = жазбалар өлшемі  + / −
menu-light-theme = Жарық залға арналған ашық тақырып
menu-sound-rehearsal = Дайындық кезіндегі дыбыс белгілері (шертпе, тықыл, гонг)  M
menu-sound = Дыбыс белгілері (шертпе, соңғы 3 с тықылы, гонг)  M
menu-volume = дыбыс деңгейі
menu-language = Тіл
menu-language-system = Жүйедегідей ({ $language })

## The presenter view

badge-rehearsal = ДАЙЫНДЫҚ
badge-looping = БІР СЛАЙДТЫ ЖАТТЫҒУ
badge-ready = ДАЙЫН
badge-running = ЖҮРІП ЖАТЫР
badge-paused = КІДІРТІЛДІ
badge-finished = АЯҚТАЛДЫ
slide-of = слайд { $slide } / { $count }
talk-left = баяндама соңына дейін { $time }
button-start = Бастау  (Бос орын)
button-resume = Жалғастыру  (P)
button-run-again = Қайта жаттығу  (F5)
next-slide = Келесі
no-notes = (бұл слайдқа жазба жоқ)
go-to-title = Слайдқа өту
go-to-detail = Слайд нөмірі: 1 … { $count }; оның уақыты қазірден бастап толық беріледі.
go-to-go = Өту
cancel = Болдырмау
quit-title = Pecha жабылсын ба?
quit-talk-projector = Баяндама жүріп жатыр. Шықсаңыз, ол тоқтайды да, проекторда жұмыс үстелі көрінеді.
quit-talk = Баяндама жүріп жатыр. Шықсаңыз, ол тоқтайды.
quit-break = Үзіліс жүріп жатыр. Шықсаңыз, музыка мен кері санақ тоқтайды; Pecha кешті қайта ашқанда, ол тоқтаған жерінен жалғасады.
quit-night = Кеш әлі аяқталған жоқ. Шықсаңыз, проекторда жұмыс үстелі көрінеді; Pecha кешті қайта ашқанда, ол тоқтаған жерінен жалғасады.
quit-notes = Өзгертілген жазбалар сақталмаған: соңғы сақтау сәтсіз болды (төмендегі хабарды қараңыз). Шықсаңыз, олар жоғалады.
quit-runs = { $runs } дайындық жаттығуы сақталмаған: тарихты жазу мүмкін емес (төмендегі хабарды қараңыз). Шықсаңыз, олар жоғалады.
keep-going = Жалғастыра беру
quit = Шығу
notice-dismiss = жабу үшін басыңыз
banner-closed = ПРОЕКТОР ТЕРЕЗЕСІ ЖАБЫҚ
banner-closed-detail = Қайтару: «Проектор» мәзірі → «Проектор терезесін ашу»
banner-monitor-gone = Проектор мониторы ажыратылды ({ $monitor })
banner-monitor-gone-talk = Баяндама жалғасуда; монитор қайта қосылғанда сурет қайтады
banner-monitor-gone-night = Кеш жалғасуда; монитор қайта қосылғанда сурет қайтады
banner-blacked-out = ПРОЕКТОР ҚАРАҢҒЫЛАНДЫ
banner-blacked-out-detail = слайдты көрсету үшін B басыңыз

## Broken slides (the presenter view's placeholders; the audience sees black)

slide-cannot-show = бұл слайдты көрсету мүмкін емес
slide-not-in-deck = презентацияда жоқ
slide-audience-black = көрермендер қара экран көреді
slide-end-of-talk = баяндама соңы

## The status bar's key hints, one message per key

hint-start = Бос орын / Enter / PageDown / F5: бастау
hint-go-to = G: слайдқа өту
hint-black-out = B: қараңғылату
hint-open = Ctrl+O: презентация ашу
hint-quit = Esc: шығу
hint-pause = P: кідірту
hint-resume = P: жалғастыру
hint-restart-slide = R: слайдты қайта бастау
hint-next-now = Ctrl+N: келесі слайд қазір
hint-back-to-title = «Баяндама» мәзірі: титул заставкасына
hint-loop-done = Бос орын / PageDown: әрекет аяқталды
hint-loop-pause = P: қайталауды кідірту
hint-loop-stop = L / Esc: қайталауды тоқтатып, баяндамаға оралу
hint-rehearsal-start = Бос орын: бастау
hint-loop-practise = L: бұл слайдты қайталау
hint-edit-notes = E: жазбаларды өңдеу
hint-report = H: есеп
hint-tap = Бос орын / PageDown: слайд айтылды
hint-loop-slide = L: слайдты қайталау
hint-run-again-ctrl = Ctrl+R: қайта жаттығу
hint-run-again = F5: қайта жаттығу
hint-practise-a-slide = L: слайдты жаттығу
hint-walk-next = Бос орын / Оңға: келесі заставка
hint-walk-previous = Солға: алдыңғы
hint-walk-end = Esc: кешке оралу
hint-start-next = Бос орын / Enter / PageDown: келесісін бастау
hint-walk = W: заставкаларды қарап шығу
hint-stop-music = M: музыканы қазір өшіру

## The host console of a night

row-checking = тексерілуде
row-ready = дайын
row-problem = ақау
row-next = келесі
row-now = қазір
row-done = өтті
row-skipped = өткізіп жіберілді
night-summary = Аяқталуы ≈ { $end } · { $left } қалды · өткен баяндамалар: { $done } / { $talks }
resume-decide = Бүгінгі кеш қай жерден жалғасатынын шешу…
resume-saved-order = Pecha тоқтаған кездегі сақталған бағдарлама:
walk-button = Заставкаларды қарап шығу  (W)
walk-tooltip = Есік ашылғанға дейін: барлық заставканы проекторда бір-бірден көрсету
drag-tooltip = Бағдарламадағы орнын ауыстыру үшін сүйреңіз
row-up = Жоғары
row-up-tooltip = Жоғары жылжыту
row-down = Төмен
row-down-tooltip = Төмен жылжыту
row-end-break = Үзілісті аяқтау
row-skip = Өткізіп жіберу
row-hold-again = Қайта өткізу
row-run-again = Қайта көрсету
walk-title = Заставкаларды қарау: { $card } / { $count }
walk-title-closing = Заставкаларды қарау: { $card } / { $count } (қорытынды заставка)
walk-keys = Оңға немесе Бос орын: келесі заставка · Солға: алдыңғы · Esc: кешке оралу
walk-previous = Алдыңғы
walk-next = Келесі
walk-done = Дайын  (Esc)
break-title = Үзіліс
break-back-at = Кеш жалғасатын уақыт: { $time }
break-music = Музыка: { $music }
break-stop-music = Музыканы өшіру  (M)
break-end-now = Үзілісті қазір аяқтау
night-over = Кеш аяқталды
night-over-detail = Өткен баяндамалар: { $done } / { $talks }. Бүгінгі кештің журналы: `{ $command }`.
stage-break-card = Проекторда: үзіліс заставкасы
audience-sees = Көрермендер көретіні
skip-title = Өткізіп жіберу: { $name }?
skip-detail = Баяндама қазір аяқталады, ал проекторға келесі заставка шығады.
skip-it = Өткізіп жіберу
resume-title = Бүгінгі кешті жалғастырамыз ба?
resume-detail = Pecha тоқтаған жер: { $place }; бағдарламадан өткені: { $done } / { $items } тармақ.
resume-at-slide = { $slide }-слайдтан жалғастыру (кідіртулі: P — әрі қарай)
resume-break-over = Жалғастыру: осы арада үзіліс уақыты бітті (келесі заставка шығады)
resume-in-break = Үзілісті жалғастыру (уақыты сағат бойынша жүреді)
resume-at-card = Оның заставкасынан жалғастыру
resume-start-over = Кешті басынан бастау
resume-keys = Жоғары, Төмен: таңдау · Enter: қабылдау · Esc: кейін шешу (проектор қара күйінде қалады)

## Rehearsal: taps, the loop, notes, the report and its chart

outcome-left = { $seconds } с қалды
outcome-over = { $seconds } с асты
outcome-over-untapped = асты (белгі жоқ)
tap-done = { $slide }-слайд: дайын, { $seconds } с артық қалды
tap-late = { $slide }-слайд: { $seconds } с асты
tap-already = { $slide }-слайд әлдеқашан белгіленген
pace-no-notes = қарқынды бағалауға жазба жоқ
pace-comfortable = еркін
pace-brisk = жылдам
pace-too-many = сөз тым көп: қысқартыңыз
pace-line = { $seconds } с ішінде { $words } сөз · минутына { $per_minute } сөз · { $verdict }
tap-late-hint = { $slide }-слайд уақыттан асты: қаншаға асқанын белгілеу үшін қазір басыңыз
run-unsaved = { $run }-жаттығу осында сақталды, дискіде емес (төмендегі хабарды қараңыз)
run-recorded = { $run }-жаттығу жазылды
tap-hint = слайдты айтып болғанда Бос орын / PageDown басыңыз
loop-paused = { $slide }-слайд · қайталау кідіртілді
loop-next-try = келесі әрекетке дейін { $seconds }
loop-try = { $slide }-слайд · { $attempt }-әрекет
loop-stop = Қайталауды тоқтату  (L)
notes-edit = Жазбаларды өңдеу  (E)
notes-unsaved = жазбалар әлі сақталмаған
notes-of-slide = { $slide }-слайдтың жазбалары
notes-save = Сақтап, жабу  (Ctrl+S немесе Esc)
no-notes-rehearsal = (бұл слайдқа жазба жоқ: жазу үшін E)
report-summary = { $run }-жаттығу: { $over ->
    [0] уақыттан асқан слайд жоқ
   *[other] { $over } слайд уақыттан асты ({ $slides })
} · барлығы { $spare } с артық
report-none-over = Соңғы жаттығуларда бірде-бір слайд уақыттан аспады.
report-over-in = { $slide } ({ $over } / { $runs } рет асты)
report-cut = Мына слайдтардың мәтінін қысқартыңыз: { $slides }
report-cut-more = Мына слайдтардың мәтінін қысқартыңыз: { $slides } және тағы { $more } (диаграмманы қараңыз)
report-trend = Соңғы { $runs } жаттығудың үрдісі, ескісінен бастап: уақыттан асқан слайдтар { $over } · артық секундтар { $spare }
report-no-run = Аяқталған жаттығу әлі жоқ.
report-no-run-detail = Жаттығу соңғы слайдқа жеткенде есеп толады.
report-run-before = алдыңғы жаттығу: { $over } асты, { $spare } с артық
report-no-taps = Бұл жаттығуда белгі жоқ: слайдтың сөзін айтып болғанда Бос орынды (немесе кликерді) басыңыз, сонда есеп әр слайдтың қанша уақыты артық қалғанын көрсетеді.
report-unsaved = бұл жаттығулар сақталмаған (төмендегі хабарды қараңыз)
report-kept-in = сақталған орны: { $file }
report-back = Слайдтарға оралу  (H)
chart-spare = артық уақыт
chart-over = асты
chart-over-untapped = асты, белгі жоқ
chart-spare-bar = { $slide }-слайд: { $seconds } с артық
chart-over-bar = { $slide }-слайд: { $seconds } с асты
chart-untapped-bar = { $slide }-слайд: асты, қаншаға екені белгісіз (кеш белгі жоқ)
chart-slide = слайд
chart-seconds = артық секундтар (+) / асқаны (−)
chart-runs-before = алдыңғы { $runs } жаттығу

## Notices in the status bar

notice-file-thread = файлдар ағынын іске қосу мүмкін болмады: { $error }; жазбалар мен тарих сақталмайды
notice-no-sound = дыбыс құрылғысы жоқ: дыбыс белгілері естілмейді

## `pecha check` and the deck's quick check

severity-error = қате
severity-warning = ескерту
check-slide-file = { $slide }-слайд ({ $file }): { $problem }
check-slide = { $slide }-слайд: { $problem }
check-ready = дайын: { $slides } слайд x { $seconds } с ({ $format }), { $length }
check-not-ready = дайын емес: { $problems } ақау
check-warnings = { $warnings } ескерту
check-slide-count = { $slides } слайд, ал { $format } үшін { $needed } керек
check-aspect = әртүрлі пропорциялар: { $shapes }
check-aspect-majority = { $shape } — { $slides } слайдта
check-aspect-other = { $shape } — { $count ->
    [one] { $slides }-слайдта
   *[other] { $slides } слайдтарында
}
check-below-minimum = { $width } x { $height } — { $min_width } x { $min_height } өлшемінен кіші
check-large-file = файл көлемі { $size } МБ, шегі { $limit } МБ; ол баяу жүктеледі
check-notes-too-long = жазбаларда { $words } сөз — { $seconds } с ішінде айту үшін тым көп (секундына { $pace } сөзбен шамамен { $fits } сөз)
night-check-summary = «{ $title }» кеші: { $talks } баяндама, { $breaks } үзіліс, барлығы { $length }: { $verdict }
night-check-ready = дайын
night-check-not-ready-one = дайын емес: { $items } тармағында ақау бар
night-check-not-ready-many = дайын емес: { $items } тармақтарында ақау бар
night-check-talk-ready = дайын
night-check-talk-not-ready = ДАЙЫН ЕМЕС
night-check-music = музыка { $file }: { $problem }; үзіліс онсыз өтеді
night-check-music-item = { $position }-тармақ (үзіліс): { $warning }
notice-deck-short = { $problem }: баяндама бәрібір { $count } × { $seconds } с, және { $missing ->
    [1] { $from }-слайд қара болады
   *[other] { $from }–{ $count } слайдтары қара болады
}
notice-deck-long = { $problem }: баяндама бәрібір { $count } × { $seconds } с; { $count }-слайдтан кейінгілері көрсетілмейді
notice-slide-black = { $problem }; оның орнына көрермендер қара экран көреді
notice-slides-black = { $count } слайдты көрсету мүмкін емес, олардың орнына көрермендер қара экран көреді: { $first } және басқалары; толық тізім — `pecha check`
notice-no-data-folder = деректер қалтасы жоқ: бұл кештің барысы мен журналы дискіге сақталмайды
notice-night-ended-before = бұл кештің алдыңғы өткізілуі аяқталған: кеш басынан басталады
notice-progress-unreadable = { $error }; кеш басынан басталады
notice-night-open-elsewhere = { $file }: { $error }
notice-night-lock-failed = { $error }; бұл кешті басқа Pecha да ашуы мүмкін
notice-deck-still-loading = презентация ({ $presenter }) әлі жүктелуде: біраздан соң қайта бастаңыз
notice-rerun-during-item = басқа тармақты қайталамас бұрын, қазіргісін аяқтаңыз не өткізіп жіберіңіз
notice-nothing-chosen = презентация таңдалмады; таңдау терезесі шықпаса, презентацияны терезеге сүйреп әкеліңіз немесе `pecha PATH` іске қосыңыз
notice-cannot-open = ашылмады: { $error }
notice-night-file-failed = { $error }; кеш жалғасуда
notice-talk-skipped = { $name } өткізіп жіберілді: презентациясы оқылмайды: { $error }
notice-rehearsal-in-night = дайындық режимі бір баяндамаға арналған: оның презентациясын `pecha --rehearse DECK` арқылы ашыңыз
notice-open-in-night = кеш ашық: жеке презентацияны қарау үшін басқа терезеде `pecha DECK` іске қосыңыз
notice-walk-during-item = заставкаларды баяндама кезінде емес, баяндамалар арасында қараңыз
notice-dialog-failed = файл таңдау терезесін ашу мүмкін болмады: { $error }
notice-refused-while-running = { $file } ашылмады: алдымен баяндаманы аяқтаңыз немесе басына қайтарыңыз
notice-cannot-load = презентацияны жүктеу мүмкін болмады: { $error }
notice-projector-back = Проектор мониторы қайта қосылды ({ $monitor }): проектор баяндаманы қайтадан онда көрсетеді
notice-unplugged = { $monitor } мониторы ажыратылды; { $staying }
notice-plugged = Монитор қосылды ({ $monitors }): «Проектор» мәзірі { $count ->
    [one] оны
   *[other] оларды
} ұсынады; { $staying }
projector-waits-for = проектор { $monitor } мониторын күтуде
projector-stays-on = проектор { $monitor } мониторында қалады
projector-stays-windowed = проектор өз терезесінде қалады
notice-history-not-kept = дайындық тарихы жүргізілмейді: { $error }
notice-history-unreadable = дайындық тарихы жүргізілмейді: { $error }; осы сеанстың жаттығулары бәрібір көрінеді
notice-history-save-failed = { $error }; жаттығулар дискіде емес, осында сақтаулы: әр { $seconds } с сайын қайта сақтап көреміз
notice-notes-beside-images = жазбалар суреттердің жанына, { $file } файлына сақталды: енді қалта солармен бірге ашылады
notice-notes-new-file = жазбалар жаңа презентация файлына сақталды, { $file }: олар болуы үшін келесі жолы соны ашыңыз
notice-notes-save-failed = { $error }; өзгертілген жазбалар осында сақтаулы: Ctrl+S арқылы қайта сақтаңыз

## Names and places in the night, dialogs, the projector window and its cards

name-talk = { $place }-баяндама ({ $presenter })
name-break = үзіліс ({ $place }-тармақ)
name-item = { $place }-тармақ
name-the-break = үзіліс
name-the-end = соңы
place-at-slide = { $name }, { $slide }-слайд
place-its-card = оның заставкасы
place-card-of = заставка: { $name }
row-more-problems = { $what } және тағы { $more } ақау (толық тізім — `pecha check`)
row-break = Үзіліс
row-break-detail = үзіліс · { $minutes } минут
start-talk = { $place }-баяндаманы бастау: { $presenter }  (Бос орын)
start-break = Үзілісті бастау  (Бос орын)
loading-deck = Презентация жүктелуде: { $presenter }…
music-no-sound = дыбыс құрылғысы жоқ: үзіліс музыкасыз өтеді
music-silent = үнсіз
music-none = жоқ
music-starting = басталуда…
music-playing = ойнап тұр: { $file }
music-fading-out = бәсеңдеуде
music-stopped = тоқтатылды
music-failed = бірде-бір файл ойнамайды
slide-failed-page = { $file }, { $page }-бет: { $reason }
dialog-title = Pecha презентациясын немесе кешін ашу
dialog-filter = Pecha презентациясы немесе кеші
projector-window-title = { $title } — проектор
card-next = Келесі
card-break = Үзіліс
card-minutes = { $minutes } минут
card-back-at = Жалғасы { $time }
card-thanks = Рахмет!

## The command line's own lines (`--help` stays English)

cli-history-night = { $file } — кеш файлы; дайындықтар баяндама бойынша сақталады: бір баяндаманың презентациясын көрсетіңіз
cli-cannot-unpack = кірістірілген кеш үлгісін шығару мүмкін болмады: { $error }
cli-history-file = Тарих файлы: { $file }
cli-log-not-night = { $file } — кеш файлы емес (онда `running_order` жоқ); `pecha log` кеш файлын қабылдайды
cli-log-not-run = «{ $title }» кеші бұл компьютерде әлі өткізілмеген: оның журналы мына жерде болады: { $file }
cli-flag-for-one-talk = { $flag } бір баяндамаға арналған, ал { $file } — кеш файлы: форматы файлда көрсетілген, әр баяндаманы жүргізуші бастайды; { $flag } қолдану үшін баяндаманың презентациясын ашыңыз
cli-cannot-open-deck = презентацияны ашу мүмкін болмады
cli-cannot-open-night = кешті ашу мүмкін болмады
cli-cannot-open-example = кеш үлгісін ашу мүмкін болмады
cli-cannot-unpack-example = кірістірілген кеш үлгісін шығару мүмкін болмады

## Formats

format-label = { $name } · { $slides } × { $seconds } с
format-label-custom = { $slides } × { $seconds } с · стандартты емес
format-describe = { $name } ({ $slides } x { $seconds } с)
format-describe-custom = стандартты емес формат ({ $slides } x { $seconds } с)

## `pecha history`

history-none = «{ $title }» презентациясының { $format } форматындағы дайындықтары әлі жазылмаған: презентацияда `pecha --rehearse` іске қосыңыз.
    Тарих әр формат үшін бөлек сақталады: `--format` арқылы жасалған жаттығулар үшін мұнда да сол `--format` беріңіз.
history-title = «{ $title }» презентациясының { $format } форматындағы дайындықтары: { $runs } жаттығу, соңғысы { $latest }.
history-slide = слайд
history-latest = соңғысы
history-average = соңғы { $runs } орташасы
history-over = асты
history-trend = үрдіс
history-seconds = { $seconds } с
history-latest-run = Соңғы жаттығу: { $over } слайд уақыттан асты, барлығы { $spare } с артық.
history-legend = Орташа: артық секундтар (+) немесе асқаны (−); асты: жазылған жаттығулардың ішінде уақыттан асқандары; үрдіс: ↑ бұрынғыдан көп уақыт артық, ↓ аз.
history-unknown-time = белгісіз уақытта

## A single talk cut short by a crash

talk-resume-title = Бұл баяндаманы жалғастырамыз ба?
talk-resume-detail = Pecha бұл баяндама кезінде ({ $stopped_at }) тоқтады: { $slides } слайдтың ішінде { $slide }-слайдта, басталғаннан кейін { $time } өткенде.
talk-resume-from-top = Басынан бастау
talk-resume-keys = Жоғары, Төмен: таңдау · Enter: қабылдау · Esc: басынан бастау
quit-talk-resumable = Бұл презентацияны қайта ашсаңыз, Pecha осы слайдтан жалғастыруды ұсынады.
notice-place-unreadable = { $error }; баяндама басынан басталады
notice-place-start-from-top = өткен жолы баяндама { $slide } / { $slides } слайдта тоқтаған; --start оны басынан бастады
notice-place-save-failed = { $error }; баяндама жалғасуда, бірақ қазір ақау болса, оны жалғастыру мүмкін болмайды
row-check-stalled = { $seconds } с ішінде оқылмады

## Why a file or an image cannot be used

io-not-found = жоқ (жылжытылған, атауы өзгертілген немесе мұнда көшірілмеген бе?)
io-permission = оқылмайды: рұқсат жоқ
io-other = оқылмайды: { $error }
image-missing = сурет жоқ
image-missing-similar = сурет жоқ (`{ $similar }` бар: файл атауларында бас және кіші әріптер ажыратылады)
image-folder = бұл сурет емес, қалта
image-not-regular = бұл сурет емес, файл да емес (аталған арна, құрылғы немесе сокет)
image-io = файл оқылмайды: { $error }
image-empty = файл бос (0 байт)
image-text = бұл сурет емес, мәтін файлы
image-unknown-format = бұл pecha оқи алатын сурет емес (PNG, JPEG, WebP, GIF, BMP немесе TIFF)
image-file-too-large = файл көлемі { $size } МБ, бір суреттің шегі { $limit } МБ
image-too-many-pixels = { $width } x { $height } пиксель көрсетілген, шегі { $side } x { $side }; ашылмады (декомпрессиялық бомба немесе қате)
image-too-much-memory = { $width } x { $height } пиксельді ашу үшін { $size } МБ жад керек, шегі { $limit } МБ; ашылмады
image-truncated = { $format } файлы қиылған: сурет біткенше файл аяқталып қалады
image-decode = { $format } ретінде ашылмайды: { $trouble } (декодер хабары: { $message })
decode-damaged = файл бүлінген; оны қайта көшіріңіз немесе слайдты қайта экспорттаңыз
decode-unsupported = онда pecha оқи алмайтын формат мүмкіндігі бар; слайдты кәдімгі PNG немесе JPEG ретінде қайта экспорттаңыз
decode-other = слайдты кәдімгі PNG немесе JPEG ретінде қайта экспорттаңыз

## Why a deck cannot be loaded (after `file:line:column:`)

deck-not-utf8 = файл UTF-8 мәтіні емес (Windows-1251 болуы мүмкін бе?); оны UTF-8 ретінде сақтаңыз
deck-unknown-field = { $place } белгісіз `{ $field }` өрісі бар, күтілгені: { $expected }
deck-expected-nothing = мұнда ештеңе
deck-expected-two = { $first } немесе { $second }
deck-expected-many = { $names } немесе { $last } өрістерінің бірі
deck-did-you-mean = (`{ $name }` болуы мүмкін бе?)
deck-no-images = бұл қалтада слайд суреттері жоқ (.png, .jpg, .jpeg, .webp, .gif, .bmp, .tif, .tiff ізделді)
deck-pdf = презентацияның `pdf:` өрісі { $pdf }: { $problem }
deck-single-image = бұл бір ғана сурет; слайдтар жатқан қалтаны немесе .ron презентация файлын көрсетіңіз
deck-slides-and-pdf = не `slides: [...]` (суреттер), не `pdf: "file.pdf"` көрсетіңіз, екеуін бірдей емес
deck-no-slides = слайд жоқ: `slides: [Slide(image: "01.jpg"), ...]` немесе `pdf: "file.pdf"` көрсетіңіз
deck-notes-without-pdf = `notes: [...]` тек `pdf: "file.pdf"` бірге жазылады; сурет слайдтарының жазбаларын әр `Slide(image: ..., notes: ...)` ішіне жазыңыз
deck-notes-past-pdf = { $notes } жазба бар, ал { $pdf } ішінде { $pages } бет: { $pages }-беттен кейінгі жазбалар көрсетілмейді
deck-place-slide = слайдта
deck-place-format = форматта
deck-place-deck = презентацияда
deck-missing-field = { $place } `{ $field }` өрісі жоқ
deck-duplicate-field = { $place } `{ $field }` өрісі екі рет берілген
deck-unknown-format = белгісіз `{ $found }` форматы, күтілгені: `PechaKucha`, `Ignite` немесе `Custom(slides: N, seconds: N)`
save-failed = { $file } сақталмады: { $error }
pdf-missing = PDF файлы жоқ
pdf-io = PDF оқылмайды: { $error }
pdf-invalid = PDF оқылмайды (бүлінген немесе мүлдем PDF емес)
pdf-encrypted = PDF шифрланған немесе құпиясөзбен қорғалған; оны құпиясөзсіз қайта экспорттаңыз
pdf-no-pages = PDF-те бет жоқ
pdf-too-large = PDF көлемі { $size } МБ, шегі { $limit } МБ
pdf-no-such-page = PDF-те { $page }-бет жоқ (онда { $pages } бет)
pdf-render = { $page }-бетті салу мүмкін емес: { $reason }
music-missing = жоқ
music-read = оқылмайды: { $error }
music-decode = ойнатылмайды ({ $error }); mp3, ogg (Vorbis), flac немесе wav қолданыңыз
music-empty = ішінде дыбыс жоқ
music-too-short = секундтың оннан бірінен аз уақытта тоқтайды (тым қысқа немесе бүлінген)
audio-no-device = дыбыс құрылғысы жоқ: { $error }
audio-bundled = кірістірілген дыбыс ашылмайды: { $error }
night-talk-without-deck = { $item }-тармақ: баяндамаға өз `deck: "..."` өрісі керек (презентация файлы, қалта немесе PDF)
night-zero-break = { $item }-тармақ: 0 минуттық үзіліс; `minutes: 15` көрсетіңіз немесе оны алып тастаңыз
night-no-talk = бағдарламада бірде-бір баяндама жоқ: `Talk(deck: "talk.ron", presenter: "...")` қосыңыз
lock-held = Бұл кеш осы компьютердегі басқа Pecha-да ашық тұр: алдымен соны жабыңыз
lock-held-pid = Бұл кеш осы компьютердегі басқа Pecha-да (pid { $pid }) ашық тұр: алдымен соны жабыңыз
lock-io = кешті { $file } файлымен құлыптау мүмкін болмады: { $error }
progress-read = кештің барысы { $file } оқылмады: { $error }
progress-unusable = кештің барысы { $file } { $problem }; кеш басынан басталады
progress-no-data-folder = кештің барысына деректер қалтасы жоқ (HOME берілген бе?)
log-write = кеш журналы { $file } жазылмады: { $error }
log-read = кеш журналы { $file } оқылмады: { $error }
log-no-data-folder = кеш журналына деректер қалтасы жоқ (HOME берілген бе?)
history-slide-read = { $file } оқылмады: { $error }
history-read = дайындық тарихы { $file } оқылмады: { $error }
history-unusable = дайындық тарихы { $file } { $problem }
history-no-data-folder = дайындық тарихына деректер қалтасы жоқ (HOME берілген бе?)
place-read = баяндаманың тоқтаған жері ({ $file }) оқылмады: { $error }
place-damaged = баяндаманың тоқтаған жері туралы жазба ({ $file }) бүлінген: { $detail }
place-newer = баяндаманың тоқтаған жері туралы жазбаны ({ $file }) Pecha-ның жаңа нұсқасы жазған (нұсқа { $version })
place-misfit = баяндаманың тоқтаған жері туралы жазба ({ $file }): { $misfit }
place-other-format = { $slides } слайд × { $seconds } с үшін сақталған, ал баяндаманың форматы енді басқа
place-impossible = мүмкін емес нәрсе жазылған ({ $slide }-слайд, басынан { $seconds } с)
example-write = баяндама үлгісі { $file } ішіне жазылмады: { $error }
example-save = кеш үлгісін шығару мүмкін болмады: { $error }
slide-scale = { $file }: масштабтау мүмкін емес: { $error }
trace-write = трассировка { $file } жазылмады: { $error }
app-window = терезені ашу мүмкін болмады: { $error }
music-no-thread = музыка ағыны іске қосылмады ({ $error }); үзіліс үнсіз өтеді
music-file-problem = { $file }: { $problem }; үзіліс онсыз өтеді
music-no-files = үзілістің музыка файлдары жоқ; ол үнсіз өтеді
music-none-any-more = үзілістің бірде-бір музыка файлы енді ойнамайды; музыка тоқтады
music-none-playable = үзілістің музыка файлдарының ({ $files }) бірде-бірі ойнатылмайды; үзіліс үнсіз өтеді

## `pecha log`

log-runs-before = Бұл кеш осы компьютерде { $runs } рет өткізілген; мұнда соңғысы. Барлығы: `pecha log --all`.
log-run-of = { $run }-өткізілім ({ $runs } ішінен)
log-title = «{ $title }» кешінің журналы
log-night-file = Кеш файлы: { $file }
log-log-file = Журнал:    { $file }
log-problem = журнал: { $problem }
log-nothing = Әзірге ештеңе жазылмаған.
log-unknown-date = (күні белгісіз)
log-break = үзіліс
log-gone-named = { $number }. { $name } (кеш файлында енді жоқ)
log-gone = { $number }-тармақ (кеш файлында енді жоқ)
log-night-opened = кеш ашылды
log-resumed = кеш қайта іске қосылғаннан кейін жалғасты: { $at }
log-talk-started = { $item }: баяндама басталды
log-talk-ended = { $item }: баяндама { $length } өткенде аяқталды
log-talk-ended-paused = { $item }: баяндама { $length } өткенде аяқталды, кідіріс { $paused }
log-break-started = { $item }: үзіліс басталды
log-break-started-planned = { $item }: үзіліс басталды (жоспар бойынша { $planned })
log-break-ended = { $item }: үзіліс аяқталды
log-break-ended-early = { $item }: үзіліс мерзімінен бұрын аяқталды
log-host = жүргізуші: { $what }
log-skipped = { $item }: өткізіп жіберілді
log-night-ended = кеш аяқталды
log-note-again = қайта
log-note-no-start = басталуы жазылмаған
log-note-no-end = аяқталуы жазылмаған
log-note-skipped-under-way = барысында өткізіп жіберілді
log-note-cut-short = үзілді
log-note-ended-early = мерзімінен бұрын аяқталды
log-note-not-given = өтпеді
log-given = Баяндамалар мен үзілістер: { $talks } баяндаманың өткені: { $given }
log-col-presenter = баяндамашы
log-col-planned = жоспар
log-col-start = басы
log-col-end = соңы
log-col-length = уақыты
log-col-paused = кідіру
log-length-legend = Ұзақтығы: кідірістерсіз слайдтар жүрген уақыт (үзіліс үшін — басынан соңына дейін).
log-span = Кеш: { $from } – { $to }, барлығы { $span }; бағдарлама бойынша баяндамалар мен үзілістер { $planned } алады.
log-span-not-ended = Кеш: { $from } – { $to }, барлығы { $span } (аяқталмаған); бағдарлама бойынша баяндамалар мен үзілістер { $planned } алады.
monitor-not-connected = «{ $monitor }» проектор мониторы қосылмаған
monitor-no-such-index = { $index } проектор мониторы жоқ (қосылғаны: { $connected })
monitor-remembered-gone = есте сақталған «{ $monitor }» проектор мониторы қосылмаған
monitor-using = { $problem }: { $monitor } қолданылады
monitor-windowed = { $problem }: проектор терезеде
history-moved-aside = дайындық тарихы { $file } { $problem }; ол { $aside } орнына жылжытылды, жаңа тарих басталды
read-folder = бұл файл емес, қалта
read-fifo = бұл файл емес, аталған арна (FIFO)
read-device = бұл файл емес, құрылғы
read-socket = бұл файл емес, сокет
read-not-regular = бұл файл емес (қалта, аталған арна немесе құрылғы)
read-too-big = көлемі { $size } МБ, мұндай файлдың шегі { $cap } МБ
save-exists = мұндай атаулы файл бар; жазбаларды өңдеу үшін оны презентация ретінде ашыңыз
history-not-utf8 = бүлінген (UTF-8 мәтіні емес)
history-damaged = бүлінген ({ $error })
history-too-many-slides = бүлінген (бір дайындықтағы слайд саны: { $slides }, ал баяндамада ең көбі { $most })
history-newer = Pecha-ның жаңа нұсқасы жазған (тарих нұсқасы { $version }; бұл нұсқа { $reads } оқиды)
progress-damaged = бүлінген ({ $error })
progress-newer = Pecha-ның жаңа нұсқасы жазған (нұсқа { $version })
progress-other-order = { $items } тармақты бағдарламаға арналған, ал кеш файлында енді { $now } тармақ
progress-impossible = мүмкін емес нәрсе жазылған ({ $problem })
format-no-slides = Custom форматына кемінде 1 слайд керек
format-no-seconds = Custom форматында слайдқа кемінде 1 секунд керек
format-too-many-slides = Custom форматында ең көбі { $max } слайд болады, { $slides } емес
format-too-long-slide = Custom форматында слайд ең көбі { $max } секунд (10 минут) көрсетіледі, { $seconds } емес
progress-talk-at-break = { $item }-тармақта баяндама жүріп жатыр, бірақ ол үзіліс
progress-no-such-slide = { $slides } слайдтық баяндамадағы { $slide }-слайд
progress-past-the-end = ұзақтығы { $length } с баяндаманың басынан { $seconds } с
progress-break-at-talk = { $item }-тармақта үзіліс жүріп жатыр, бірақ ол баяндама
progress-break-in-future = болашақта басталған үзіліс
progress-break-before-1970 = 1970 жылға дейін басталған үзіліс

## Көрініс және дыбыс → Телефондар… (src/ui/phones.rs)
menu-phones = Телефондар…
phones-title = Телефондар
phones-intro = Осы желідегі телефондар мен планшеттер браузерде баяндамашыға уақыты мен жазбаларын көрсетеді, ал жүргізушіге пульт болады: ештеңе орнатудың қажеті жоқ.
phones-start = { $address } мекенжайында қосу
phones-speaker = Баяндамашы экраны
phones-speaker-who = баяндамашыға: тек көреді
phones-remote = Пульт
phones-remote-who = тек жүргізушіге: баяндаманы кідірте алады
phones-connected = { $count ->
    [0] бірде-бір телефон қосылмаған
   *[other] { $count } телефон қосылған
}
phones-stop = Тоқтату

## LibreOffice түрлендіретін PowerPoint, Impress және Keynote презентациялары

deck-zip = zip-файл (`pecha pack` буып-түйген кеш пе?) тікелей ашылмайды: оны ашып шығарыңыз да, ішіндегі кеш файлын не презентацияны ашыңыз
save-presentation-notes = PowerPoint не Impress презентациясының жазбалары файлдың өзінде: оларды сонда өңдеңіз (өзгеріс Pecha жабылғанша осында сақталады)
presentation-io = оқылмады: { $error }
presentation-password = файл құпиясөзбен қорғалған; оны құпиясөзсіз қайта сақтаңыз (PowerPoint-та: Файл → Мәліметтер → Презентацияны қорғау → Құпиясөзбен шифрлау, және құпиясөзді өшіріңіз) немесе PDF-ке экспорттаңыз
presentation-damaged = файл зақымдалған немесе презентация емес ({ $detail }); оны PowerPoint не Impress-те ашып, қайта сақтаңыз немесе презентацияны PDF-ке экспорттап, PDF-ті көрсетіңіз
presentation-notes-not-read = жазбалар тек .pptx және .odp файлдарынан оқылады; жазбалары бірге келуі үшін презентацияны .pptx (немесе .odp) ретінде сақтаңыз
presentation-list-and = { $rest } және { $last }
presentation-hidden = { $made } ішінде { $numbers }-{ $count ->
    [one] слайд жасырылған
   *[other] слайдтар жасырылған
} және көрсетілмейді
presentation-pages-mismatch = LibreOffice жасаған PDF-те { $pages } бет, ал файлда { $slides } слайд бар ({ $shown } көрсетіледі): жазбалар басқа слайдтарға түсуі мүмкін
presentation-media = { $slide }-слайдта бейне не дыбыс бар ({ $files }), ал PechaKucha слайды оларды ойната алмайды: ол қозғалмайтын сурет болып көрінеді
presentation-media-moved = { $slide }-слайдта (файлда { $in_file }-слайд) бейне не дыбыс бар ({ $files }), ал PechaKucha слайды оларды ойната алмайды: ол қозғалмайтын сурет болып көрінеді
presentation-fonts-missing = { $count ->
    [one] { $fonts } қарпі бұл компьютерде жоқ: LibreOffice оны ұқсас қаріппен салды
   *[other] { $fonts } қаріптері бұл компьютерде жоқ: LibreOffice оларды ұқсас қаріптермен салды
}, сондықтан мәтін басқаша көрінуі не ұзаруы мүмкін
convert-menu-powerpoint = Файл → Экспорт → PDF
convert-menu-impress = Файл → PDF-ке экспорттау
convert-menu-keynote = Файл → Экспорттау → PDF
convert-not-installed = { $made } файлдары үшін LibreOffice орнатылған болуы керек (https://www.libreoffice.org), немесе презентацияны { $made } арқылы PDF-ке экспорттап ({ $menu }), PDF-ті көрсетіңіз
convert-start = LibreOffice іске қосылмады ({ $program }): { $error }
convert-timed-out = LibreOffice түрлендіруді { $limit } ішінде бітірмеді, сондықтан тоқтатылды; қайталап көріңіз немесе презентацияны PDF-ке экспорттап, PDF-ті көрсетіңіз
convert-crashed = LibreOffice түрлендіру кезінде апатты түрде тоқтады ({ $detail }); қайталап көріңіз немесе презентацияны PDF-ке экспорттап, PDF-ті көрсетіңіз
convert-failed = LibreOffice файлды түрлендіре алмады ({ $detail }): ол зақымдалған не құпиясөзбен қорғалған болуы мүмкін; презентацияны PDF-ке экспорттап, PDF-ті көрсетіңіз
convert-io = түрлендірілмеді: { $file }: { $error }
convert-signal = { $signal } сигналымен тоқтатылды
convert-exit = аяқталу коды { $code }
convert-no-pdf = PDF жасалмады
notice-converting = LibreOffice { $file } файлын түрлендіріп жатыр… { $seconds } с
cli-converting = LibreOffice { $file } файлын түрлендіріп жатыр…

## `pecha pack`

pack-deck = { $item }-тармақ ({ $presenter }): { $error }
pack-not-empty = { $dest }: бос емес; ондағы ештеңе қайта жазылмауы не араласпауы үшін жаңа не бос қалтаға буып-түйіңіз
pack-exists = { $dest }: бұрыннан бар; басқа атау беріңіз немесе алдымен оны өшіріңіз
pack-music-missing = { $item }-тармақ (үзіліс): { $file } әуені жоқ, ол буып-түйілмеді; үзіліс онсыз өтеді
cli-packing = буып-түю: { $files } файлдың { $done }, { $total } МБ-тың { $megabytes } МБ
cli-packed = «{ $title }» кеші буып-түйілді: { $files } файл, { $megabytes } МБ, { $dest } ішіне
cli-packed-zip = Көрсетілім ноутбугында: ашып шығарыңыз, содан кейін `pecha { $night }`
cli-packed-folder = Көрсетілім ноутбугында: `pecha check { $night }`, содан кейін `pecha { $night }`
cli-pack-failed = { $error }; ештеңе жазылмады
