//! The words of the UI and of the CLI's human output in Kazakh, Russian or English: the one
//! owner of the Fluent messages (`assets/i18n/{en,ru,kk}/pecha.ftl`, embedded in the binary)
//! and of which language is in use.
//!
//! Words are chosen at the edge: the core returns typed findings, errors and outcomes, and the
//! app and the CLI turn them into words with [`tr!`], whose `fl!` checks every message id and
//! argument at compile time against the English file. A message missing from a translation
//! falls back to English (and a test fails, see `tests/i18n.rs`).
//!
//! The language is per thread, not per process: the app draws and words everything on its UI
//! thread, the CLI on its main thread, and tests run apps in different languages side by side on
//! their own threads. A thread that never chose speaks English. Background threads return typed
//! values; where what they meet can only be worded there (an error that is not `Clone`, a
//! decoder's refusal), they word it in every language at once ([`Words`]), and the thread that
//! shows it picks its own. `--json` asks for English ([`in_language`]).
//!
//! The core's own reports (`Display` of its errors, `pecha check`'s and `pecha log`'s text) call
//! [`tr!`] too: they are the CLI's edge, and no decision anywhere depends on their words.
//!
//! Fluent's Unicode isolation marks (U+2068, U+2069 around every argument) are off: egui draws
//! them as boxes, and none of the three languages is written right to left.

use std::cell::Cell;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use i18n_embed::LanguageLoader as _;
use i18n_embed::fluent::FluentLanguageLoader;
use serde::{Deserialize, Serialize};

/// The message files, embedded in the binary.
#[derive(rust_embed::RustEmbed)]
#[folder = "assets/i18n/"]
struct Localizations;

/// A language Pecha speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English, also what every missing message falls back to.
    #[default]
    En,
    /// Russian.
    Ru,
    /// Kazakh (Cyrillic).
    Kk,
}

impl Language {
    /// Every language, in the order the Language menu lists them.
    pub const ALL: [Self; 3] = [Self::Kk, Self::Ru, Self::En];

    /// Its BCP 47 code: `kk`, `ru`, `en` (what `--lang` takes).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ru => "ru",
            Self::Kk => "kk",
        }
    }

    /// Its name in itself, as the Language menu offers it (a user who cannot read the current
    /// language still finds their own).
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Ru => "Русский",
            Self::Kk => "Қазақша",
        }
    }

    /// The language of a locale or language tag (`kk`, `ru_RU.UTF-8`, `en-GB`, `kk_KZ@cyrillic`),
    /// if it is one Pecha speaks; `C`, `POSIX` and every other language are `None`.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "ru" => Some(Self::Ru),
            "kk" => Some(Self::Kk),
            _ => None,
        }
    }

    /// The first of `tags` (most preferred first) that Pecha speaks.
    #[must_use]
    pub fn from_tags<S: AsRef<str>>(tags: impl IntoIterator<Item = S>) -> Option<Self> {
        tags.into_iter()
            .find_map(|tag| Self::from_tag(tag.as_ref()))
    }

    /// The operating system's language: on Linux `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, then
    /// `LANG` (as gettext reads them); on Windows and macOS the user's preferred languages.
    /// English when none of them is one Pecha speaks.
    #[must_use]
    pub fn from_system() -> Self {
        Self::from_tags(sys_locale::get_locales()).unwrap_or_default()
    }

    fn index(self) -> usize {
        match self {
            Self::En => 0,
            Self::Ru => 1,
            Self::Kk => 2,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A `--lang` that is not `kk`, `ru` or `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: Pecha speaks kk, ru and en")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::from_tag(text.trim()).ok_or_else(|| UnknownLanguage(text.to_owned()))
    }
}

/// One loader per language, each falling back to English, made on first use.
static LOADERS: LazyLock<[FluentLanguageLoader; 3]> = LazyLock::new(|| {
    [Language::En, Language::Ru, Language::Kk].map(|language| {
        let english: i18n_embed::unic_langid::LanguageIdentifier =
            Language::En.code().parse().unwrap_or_default();
        let loader = FluentLanguageLoader::new("pecha", english);
        let wanted = language.code().parse().unwrap_or_default();
        if let Err(error) = loader.load_languages(&Localizations, &[wanted]) {
            // Only a build without its message files gets here: every message then reads as
            // its id, which is still better than no window.
            log::error!("cannot load the {language} messages: {error}");
        }
        loader.set_use_isolating(false);
        loader
    })
});

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::En) };
}

/// Speak `language` on this thread from now on.
pub fn set_language(language: Language) {
    CURRENT.with(|current| current.set(language));
}

/// The language this thread speaks.
#[must_use]
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// `make` run with this thread speaking `language`, then back to what it spoke: for words that
/// must be the same in every language (`--json`).
pub fn in_language<T>(language: Language, make: impl FnOnce() -> T) -> T {
    struct Restore(Language);
    impl Drop for Restore {
        fn drop(&mut self) {
            set_language(self.0);
        }
    }
    let _restore = Restore(self::language());
    set_language(language);
    make()
}

/// The loader of this thread's language, for [`tr!`].
#[must_use]
pub fn loader() -> &'static FluentLanguageLoader {
    loader_for(language())
}

/// The loader of `language` (tests compare the files through it).
#[must_use]
pub fn loader_for(language: Language) -> &'static FluentLanguageLoader {
    &LOADERS[language.index()]
}

/// The ids of every message `language`'s own file has (not those it falls back on).
#[must_use]
pub fn message_ids(language: Language) -> Vec<String> {
    let Ok(id) = language.code().parse() else {
        return Vec::new();
    };
    let mut ids = loader_for(language).with_message_iter(&id, |messages| {
        messages
            .map(|message| message.id.name.to_owned())
            .collect::<Vec<_>>()
    });
    ids.sort();
    ids
}

/// The decimal separator of this thread's language: `.` in English, `,` in Russian and Kazakh.
#[must_use]
pub fn decimal_separator() -> char {
    match language() {
        Language::En => '.',
        Language::Ru | Language::Kk => ',',
    }
}

/// Words made in every language at once, from something worded on the spot (an error's
/// `Display`) that cannot be kept itself (it is not `Clone`, it was met on another thread): shown
/// later in the language of the thread that shows them, and in English for `--json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words(Box<[String; 3]>);

impl Words {
    /// What `make` says in each language.
    pub fn of(make: impl Fn() -> String) -> Self {
        Self(Box::new(
            [Language::En, Language::Ru, Language::Kk].map(|language| in_language(language, &make)),
        ))
    }

    /// The same words in every language (a file's name, a decoder's own message).
    #[must_use]
    pub fn untranslated(text: String) -> Self {
        Self(Box::new([text.clone(), text.clone(), text]))
    }

    /// The words in `language`.
    #[must_use]
    pub fn get(&self, language: Language) -> &str {
        &self.0[language.index()]
    }
}

/// Words that are the same in every language.
impl From<&str> for Words {
    fn from(text: &str) -> Self {
        Self::untranslated(text.to_owned())
    }
}

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get(language()))
    }
}

/// A number with `places` decimals, with the decimal separator of this thread's language:
/// `23.4` in English, `23,4` in Russian and Kazakh.
#[must_use]
pub fn decimal(value: f64, places: usize) -> String {
    format!("{value:.places$}").replace('.', decimal_separator().encode_utf8(&mut [0; 4]))
}

/// A message in this thread's language: `tr!("id")` or `tr!("id", name = value, ...)`. The id
/// and the arguments are checked at compile time against the English file.
#[macro_export]
macro_rules! tr {
    ($($arguments:tt)*) => {
        ::i18n_embed_fl::fl!($crate::i18n::loader(), $($arguments)*)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language() {
        for (tag, language) in [
            ("kk", Some(Language::Kk)),
            ("kk_KZ.UTF-8", Some(Language::Kk)),
            ("ru_RU.UTF-8", Some(Language::Ru)),
            ("ru-RU", Some(Language::Ru)),
            ("en_GB", Some(Language::En)),
            ("C", None),
            ("POSIX", None),
            ("de_DE.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(Language::from_tag(tag), language, "{tag}");
        }
        assert_eq!(
            Language::from_tags(["de-DE", "ru-RU", "en-US"]),
            Some(Language::Ru)
        );
        assert_eq!(Language::from_tags(["C"]), None);
    }

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(in_language(Language::En, || decimal(23.44, 1)), "23.4");
        assert_eq!(in_language(Language::Ru, || decimal(23.44, 1)), "23,4");
        assert_eq!(in_language(Language::Kk, || decimal(0.5, 1)), "0,5");
        assert_eq!(language(), Language::En);
    }
}
