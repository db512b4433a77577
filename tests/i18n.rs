//! The three languages side by side: every locale has exactly the English file's messages, with
//! no argument the English one does not give; plurals follow each language's own rules (CLDR,
//! through Fluent's selectors); and the language a locale names.
//!
//! Each test words things on its own thread, in the language it sets there
//! ([`pecha::i18n::in_language`]); nothing here depends on the machine's locale.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use pecha::i18n::{Language, in_language, message_ids};
use pecha::tr;

/// Every message of a `.ftl` file with the variables it names (`{ $count }`), read from the
/// text itself: a message starts at `id =` in the first column, and goes on over the indented
/// lines after it.
fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let path = common::fixtures::manifest_dir()
        .join("assets/i18n")
        .join(language.code())
        .join("pecha.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ')
            && let Some((id, _)) = line.split_once(" =")
        {
            current = Some(id.trim().to_owned());
            messages.entry(id.trim().to_owned()).or_default();
        }
        let Some(id) = &current else { continue };
        let variables = messages.get_mut(id).unwrap();
        let mut rest = line;
        while let Some(at) = rest.find('$') {
            rest = &rest[at + 1..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            variables.insert(name);
        }
    }
    messages
}

#[test]
fn every_language_has_exactly_the_english_messages() {
    let english = message_ids(Language::En);
    assert!(english.len() > 250, "{} English messages", english.len());
    for language in [Language::Ru, Language::Kk] {
        let ids = message_ids(language);
        let missing: Vec<_> = english.iter().filter(|id| !ids.contains(id)).collect();
        let extra: Vec<_> = ids.iter().filter(|id| !english.contains(id)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language}: missing {missing:?}, not in English {extra:?}"
        );
    }
}

#[test]
fn translations_use_only_the_arguments_english_gives() {
    let english = messages(Language::En);
    assert_eq!(
        english.keys().cloned().collect::<Vec<_>>(),
        message_ids(Language::En),
        "the file reader here sees the messages Fluent sees"
    );
    for language in [Language::Ru, Language::Kk] {
        for (id, variables) in messages(language) {
            let given = &english[&id];
            assert!(
                variables.is_subset(given),
                "{language} {id}: {variables:?}, English gives {given:?}"
            );
        }
    }
}

#[test]
fn translations_are_not_english_left_in_place() {
    // Words that are the same in every language (names, numbers, key letters) are allowed.
    let same_everywhere = ["notice-night-open-elsewhere"];
    let english = message_ids(Language::En);
    for language in [Language::Ru, Language::Kk] {
        let untranslated: Vec<&String> = english
            .iter()
            .filter(|id| {
                let text = |language| pecha::i18n::loader_for(language).get(id.as_str());
                text(language) == text(Language::En)
                    && text(Language::En).chars().any(|c| c.is_ascii_lowercase())
                    && !same_everywhere.contains(&id.as_str())
            })
            .filter(|id| {
                // Messages made only of arguments and symbols (`{ $file }: { $error }`).
                let text = pecha::i18n::loader_for(Language::En).get(id.as_str());
                text.split(|c: char| !c.is_alphabetic())
                    .any(|word| word.len() > 2 && !word.starts_with('$'))
            })
            .collect();
        assert!(untranslated.is_empty(), "{language}: {untranslated:?}");
    }
}

const COUNTS: [usize; 9] = [1, 2, 5, 11, 21, 22, 25, 101, 111];

fn slide_counts(language: Language) -> Vec<String> {
    in_language(language, || {
        COUNTS
            .iter()
            .map(|&slides| {
                tr!(
                    "check-slide-count",
                    slides = slides,
                    format = "PechaKucha",
                    needed = 20
                )
            })
            .collect()
    })
}

#[test]
fn russian_plurals_follow_the_one_few_many_rule() {
    assert_eq!(
        slide_counts(Language::Ru),
        [
            "1 слайд, а PechaKucha нужно 20",
            "2 слайда, а PechaKucha нужно 20",
            "5 слайдов, а PechaKucha нужно 20",
            "11 слайдов, а PechaKucha нужно 20",
            "21 слайд, а PechaKucha нужно 20",
            "22 слайда, а PechaKucha нужно 20",
            "25 слайдов, а PechaKucha нужно 20",
            "101 слайд, а PechaKucha нужно 20",
            "111 слайдов, а PechaKucha нужно 20",
        ]
    );
    let minutes: Vec<String> = in_language(Language::Ru, || {
        COUNTS
            .iter()
            .map(|&minutes| tr!("card-minutes", minutes = minutes))
            .collect()
    });
    assert_eq!(
        minutes,
        [
            "1 минута",
            "2 минуты",
            "5 минут",
            "11 минут",
            "21 минута",
            "22 минуты",
            "25 минут",
            "101 минута",
            "111 минут",
        ]
    );
    let problems: Vec<String> = in_language(Language::Ru, || {
        [1, 3, 11]
            .iter()
            .map(|&problems| tr!("check-not-ready", problems = problems))
            .collect()
    });
    assert_eq!(
        problems,
        [
            "не готово: 1 проблема",
            "не готово: 3 проблемы",
            "не готово: 11 проблем"
        ]
    );
}

#[test]
fn kazakh_nouns_do_not_change_after_a_number() {
    let expected: Vec<String> = COUNTS
        .iter()
        .map(|count| format!("{count} слайд, ал PechaKucha үшін 20 керек"))
        .collect();
    assert_eq!(slide_counts(Language::Kk), expected);
    let minutes: Vec<String> = in_language(Language::Kk, || {
        COUNTS
            .iter()
            .map(|&minutes| tr!("card-minutes", minutes = minutes))
            .collect()
    });
    let expected: Vec<String> = COUNTS
        .iter()
        .map(|count| format!("{count} минут"))
        .collect();
    assert_eq!(minutes, expected);
}

#[test]
fn english_plurals_are_one_and_other() {
    let words: Vec<String> = in_language(Language::En, || {
        [0, 1, 2, 21]
            .iter()
            .map(|&warnings| tr!("check-warnings", warnings = warnings))
            .collect()
    });
    assert_eq!(
        words,
        ["0 warnings", "1 warning", "2 warnings", "21 warnings"]
    );
}

#[test]
fn no_isolation_marks_around_arguments() {
    // egui draws U+2068 and U+2069 as boxes.
    for language in Language::ALL {
        let text = in_language(language, || tr!("slide-of", slide = 4, count = 20));
        assert!(
            !text.contains(['\u{2068}', '\u{2069}']),
            "{language}: {text:?}"
        );
    }
    assert_eq!(
        in_language(Language::Kk, || tr!("slide-of", slide = 4, count = 20)),
        "слайд 4 / 20"
    );
}

#[test]
fn locales_choose_the_language() {
    for (tags, language) in [
        (&["ru_RU.UTF-8"][..], Some(Language::Ru)),
        (&["kk_KZ.UTF-8"], Some(Language::Kk)),
        (&["de_DE", "kk"], Some(Language::Kk)),
        (&["C"], None),
        (&["fr"], None),
    ] {
        assert_eq!(Language::from_tags(tags.iter()), language, "{tags:?}");
    }
    assert_eq!("kk".parse::<Language>(), Ok(Language::Kk));
    assert!("de".parse::<Language>().is_err());
}
