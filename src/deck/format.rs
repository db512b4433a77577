//! [`Format`]: how many slides a talk has and how long each stays on screen, and the one place
//! a format becomes time or words.
//!
//! A format is written in a deck or night file (`format: Ignite`) or given on the command line
//! (`--format 20x10`, [`Format::from_str`]). The talk engine gets it as a
//! [`Timing`](crate::timing::Timing) from [`Format::timing`]; its length is [`Format::total`];
//! the presenter view's label is [`Format::label`] and messages name it with
//! [`Format::describe`]. Callers take a format's seconds and words from here rather than work
//! them out again.
//!
//! Every format is bounded ([`MAX_SLIDES`], [`MAX_SECONDS_PER_SLIDE`]) wherever it comes from: a
//! deck or night file that says more is refused as it is read (with the file, line and column),
//! and so is `--format`. So a talk lasts at most 1,000 minutes and no arithmetic on it can
//! overflow.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How many slides a talk has and how long each one stays on screen.
///
/// In a deck file: `format: PechaKucha`, `format: Ignite` or
/// `format: Custom(slides: 20, seconds: 10)`. On the command line see [`Format::from_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, try_from = "FormatInFile")]
pub enum Format {
    /// 20 slides x 20 seconds, 6:40 in all.
    #[default]
    PechaKucha,
    /// 20 slides x 15 seconds, 5:00 in all.
    Ignite,
    /// Any other count and length, for events with their own rules.
    Custom {
        /// Number of slides, 1 to [`MAX_SLIDES`].
        slides: u32,
        /// Seconds each slide stays on screen, 1 to [`MAX_SECONDS_PER_SLIDE`].
        seconds: u32,
    },
}

/// The most slides a talk may have: five `PechaKucha` talks in a row.
pub const MAX_SLIDES: u32 = 100;

/// The longest a slide may stay on screen: ten minutes.
pub const MAX_SECONDS_PER_SLIDE: u32 = 600;

/// A format as a file writes it, before its numbers are checked (see [`Format::validate`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Format")]
enum FormatInFile {
    PechaKucha,
    Ignite,
    Custom { slides: u32, seconds: u32 },
}

impl TryFrom<FormatInFile> for Format {
    type Error = String;

    fn try_from(format: FormatInFile) -> Result<Self, Self::Error> {
        match format {
            FormatInFile::PechaKucha => Ok(Self::PechaKucha),
            FormatInFile::Ignite => Ok(Self::Ignite),
            // In English on every thread: the words become part of the RON parser's message,
            // which is kept as it is (and `--json` must not change with the language).
            FormatInFile::Custom { slides, seconds } => {
                crate::i18n::in_language(crate::i18n::Language::En, || {
                    Self::Custom { slides, seconds }.validate()
                })
            }
        }
    }
}

impl Format {
    /// Number of slides a deck in this format must have.
    #[must_use]
    pub fn slide_count(self) -> usize {
        match self {
            Self::PechaKucha | Self::Ignite => 20,
            Self::Custom { slides, .. } => slides as usize,
        }
    }

    /// Whole seconds each slide stays on screen.
    #[must_use]
    pub fn seconds_per_slide(self) -> u64 {
        match self {
            Self::PechaKucha => 20,
            Self::Ignite => 15,
            Self::Custom { seconds, .. } => u64::from(seconds),
        }
    }

    /// How long each slide stays on screen.
    #[must_use]
    pub fn slide_length(self) -> Duration {
        Duration::from_secs(self.seconds_per_slide())
    }

    /// Length of the whole talk: slide count x slide length, saturating at [`Duration::MAX`]
    /// (never an overflow, whatever a deck file says).
    #[must_use]
    pub fn total(self) -> Duration {
        let slides = u64::try_from(self.slide_count()).unwrap_or(u64::MAX);
        Duration::from_secs(slides.saturating_mul(self.seconds_per_slide()))
    }

    /// The talk engine's timing for this format: the format's slide count and slide length.
    ///
    /// The talk lasts the format's length whatever the deck holds: a deck with too few slides
    /// is refused by `pecha check`, and shown anyway its missing slides are black.
    #[must_use]
    pub fn timing(self) -> crate::timing::Timing {
        crate::timing::Timing::new(self.slide_count(), self.slide_length())
    }

    /// The format as the presenter view labels it: `PechaKucha · 20 × 20 s` for a named
    /// format, `12 × 10 s · non-standard` for any other.
    #[must_use]
    pub fn label(self) -> String {
        // A format's slides last whole seconds, so they are written without decimals.
        let (count, seconds) = (self.slide_count(), self.seconds_per_slide());
        if self.is_standard() {
            crate::tr!(
                "format-label",
                name = self.name(),
                slides = count,
                seconds = seconds
            )
        } else {
            crate::tr!("format-label-custom", slides = count, seconds = seconds)
        }
    }

    /// Whether this is one of the named formats (`PechaKucha`, `Ignite`) rather than [`Format::Custom`].
    #[must_use]
    pub fn is_standard(self) -> bool {
        !matches!(self, Self::Custom { .. })
    }

    /// The format's name: `PechaKucha`, `Ignite` or `Custom`. Same as its `Display`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::PechaKucha => "PechaKucha",
            Self::Ignite => "Ignite",
            Self::Custom { .. } => "Custom",
        }
    }

    /// The name with the numbers, for messages: `PechaKucha (20 x 20 s)`, or
    /// `a custom format (20 x 4 s)`.
    #[must_use]
    pub fn describe(self) -> String {
        match self {
            Self::Custom { slides, seconds } => {
                crate::tr!("format-describe-custom", slides = slides, seconds = seconds)
            }
            _ => crate::tr!(
                "format-describe",
                name = self.name(),
                slides = self.slide_count(),
                seconds = self.seconds_per_slide()
            ),
        }
    }

    /// Checks that a format has 1 to [`MAX_SLIDES`] slides of 1 to [`MAX_SECONDS_PER_SLIDE`]
    /// seconds; the error says what is wrong in words.
    pub(super) fn validate(self) -> Result<Self, String> {
        match self {
            Self::Custom { slides: 0, .. } => Err(crate::tr!("format-no-slides")),
            Self::Custom { seconds: 0, .. } => Err(crate::tr!("format-no-seconds")),
            Self::Custom { slides, .. } if slides > MAX_SLIDES => Err(crate::tr!(
                "format-too-many-slides",
                max = MAX_SLIDES,
                slides = slides
            )),
            Self::Custom { seconds, .. } if seconds > MAX_SECONDS_PER_SLIDE => Err(crate::tr!(
                "format-too-long-slide",
                max = MAX_SECONDS_PER_SLIDE,
                seconds = seconds
            )),
            _ => Ok(self),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a command-line format such as `20x10` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseFormatError {
    /// Neither a known name nor `SLIDESxSECONDS`.
    #[error(
        "unknown format `{0}`: use `pechakucha` (20 x 20 s), `ignite` (20 x 15 s) or SLIDESxSECONDS such as `20x10`"
    )]
    Unknown(String),
    /// `SLIDESxSECONDS` with a zero in it.
    #[error("format `{0}` has no slides or no time: slides and seconds must both be at least 1")]
    Zero(String),
    /// `SLIDESxSECONDS` beyond [`MAX_SLIDES`] or [`MAX_SECONDS_PER_SLIDE`].
    #[error(
        "format `{0}` is too long: at most {MAX_SLIDES} slides of at most {MAX_SECONDS_PER_SLIDE} seconds"
    )]
    TooLong(String),
}

impl FromStr for Format {
    type Err = ParseFormatError;

    /// Parses the command-line form: `pechakucha` or `ignite` (any case; `-`, `_` and spaces
    /// ignored), or `SLIDESxSECONDS` such as `20x10`. `20x20` and `20x15` give the named formats.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let unknown = || ParseFormatError::Unknown(text.to_owned());
        let name: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        match name.as_str() {
            "pechakucha" => return Ok(Self::PechaKucha),
            "ignite" => return Ok(Self::Ignite),
            _ => {}
        }
        let (slides, seconds) = text
            .trim()
            .to_lowercase()
            .split_once(['x', '×', 'х']) // Latin x, multiplication sign, Cyrillic ha
            .map(|(slides, seconds)| (slides.to_owned(), seconds.to_owned()))
            .ok_or_else(unknown)?;
        let number = |s: &str| -> Result<u32, ParseFormatError> {
            let s = s.trim().trim_end_matches('s');
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(unknown());
            }
            // Only digits: a number that does not parse is too big for a slide count.
            s.parse()
                .map_err(|_| ParseFormatError::TooLong(text.to_owned()))
        };
        let (slides, seconds) = (number(&slides)?, number(&seconds)?);
        if slides == 0 || seconds == 0 {
            return Err(ParseFormatError::Zero(text.to_owned()));
        }
        if slides > MAX_SLIDES || seconds > MAX_SECONDS_PER_SLIDE {
            return Err(ParseFormatError::TooLong(text.to_owned()));
        }
        Ok(match (slides, seconds) {
            (20, 20) => Self::PechaKucha,
            (20, 15) => Self::Ignite,
            _ => Self::Custom { slides, seconds },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_numbers() {
        let table = [
            (Format::PechaKucha, 20, 20, 400, true),
            (Format::Ignite, 20, 15, 300, true),
            (
                Format::Custom {
                    slides: 6,
                    seconds: 10,
                },
                6,
                10,
                60,
                false,
            ),
        ];
        for (format, slides, seconds, total, standard) in table {
            assert_eq!(format.slide_count(), slides, "{format:?}");
            assert_eq!(
                format.slide_length(),
                Duration::from_secs(seconds),
                "{format:?}"
            );
            assert_eq!(format.total(), Duration::from_secs(total), "{format:?}");
            assert_eq!(format.is_standard(), standard, "{format:?}");
        }
        let huge = Format::Custom {
            slides: u32::MAX,
            seconds: u32::MAX,
        };
        assert_eq!(
            huge.total().as_secs(),
            u64::from(u32::MAX) * u64::from(u32::MAX)
        );
        assert_eq!(huge.timing().total(), huge.total());
    }

    #[test]
    fn format_timing_is_its_count_and_length() {
        assert_eq!(
            Format::PechaKucha.timing(),
            crate::timing::Timing::PECHA_KUCHA
        );
        assert_eq!(Format::Ignite.timing(), crate::timing::Timing::IGNITE);
        let custom = Format::Custom {
            slides: 6,
            seconds: 10,
        };
        assert_eq!(
            custom.timing(),
            crate::timing::Timing::new(6, Duration::from_secs(10))
        );
    }

    #[test]
    fn format_labels() {
        for (format, label) in [
            (Format::PechaKucha, "PechaKucha · 20 × 20 s"),
            (Format::Ignite, "Ignite · 20 × 15 s"),
            (
                Format::Custom {
                    slides: 12,
                    seconds: 10,
                },
                "12 × 10 s · non-standard",
            ),
            (
                Format::Custom {
                    slides: 20,
                    seconds: 2,
                },
                "20 × 2 s · non-standard",
            ),
            (
                Format::Custom {
                    slides: u32::MAX,
                    seconds: u32::MAX,
                },
                "4294967295 × 4294967295 s · non-standard",
            ),
        ] {
            assert_eq!(format.label(), label, "{format:?}");
        }
    }

    #[test]
    fn a_format_in_a_file_is_held_to_its_bounds_where_it_is_written() {
        #[derive(Debug, Deserialize)]
        struct File {
            #[allow(dead_code, reason = "only whether it deserializes matters")]
            format: Format,
        }
        for (text, accepted) in [
            ("(format: Custom(slides: 100, seconds: 600))", true),
            ("(format: Custom(slides: 1, seconds: 1))", true),
            ("(format: Custom(slides: 101, seconds: 20))", false),
            ("(format: Custom(slides: 20, seconds: 601))", false),
            (
                "(format: Custom(slides: 4294967295, seconds: 4294967295))",
                false,
            ),
            ("(format: Custom(slides: 0, seconds: 20))", false),
        ] {
            let read = ron::from_str::<File>(text);
            assert_eq!(read.is_ok(), accepted, "{text}: {read:?}");
            if let Err(error) = read {
                let words = error.code.to_string();
                assert!(words.contains("Custom format"), "{text}: {words}");
                // Where it is: on the line of the format, for the file's name and line:column.
                assert_eq!(error.span.start.line, 1, "{text}");
            }
        }
    }

    #[test]
    fn a_format_on_the_command_line_is_held_to_the_same_bounds() {
        assert_eq!(
            "100x600".parse::<Format>(),
            Ok(Format::Custom {
                slides: 100,
                seconds: 600
            })
        );
        for text in ["101x20", "20x601", "4294967295x4294967295", "99999999999x1"] {
            let refused = text.parse::<Format>();
            assert!(
                matches!(refused, Err(ParseFormatError::TooLong(_))),
                "{text}: {refused:?}"
            );
        }
        let message = "4294967295x4294967295"
            .parse::<Format>()
            .map_err(|error| error.to_string());
        assert_eq!(
            message,
            Err("format `4294967295x4294967295` is too long: at most 100 slides of at most 600 seconds".into())
        );
    }
}
