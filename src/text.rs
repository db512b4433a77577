//! The small wording helpers the core's reports and messages share: counting nouns and
//! writing lengths of time as a clock does.
//!
//! They live here, apart from the modules that use them ([`crate::deck`], [`crate::check`],
//! [`crate::night`], [`crate::rehearsal`], [`crate::history`]), so that none of those has to
//! import another only for its words: this module imports nothing of the crate. It is also
//! where the words will be chosen by language when the messages are translated.

/// A path as messages show it: as `Path::display` does, but with control characters escaped
/// (`\n`, `\t`, `\0`, `\u{1b}`), so a file name with a newline in it cannot split a report's
/// line or forge one.
#[must_use]
pub fn shown<P: AsRef<std::path::Path> + ?Sized>(path: &P) -> Shown<'_> {
    Shown(path.as_ref())
}

/// See [`shown`].
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a>(&'a std::path::Path);

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write as _;
        for c in self.0.to_string_lossy().chars() {
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// `1 problem`, `3 problems`: the count and the noun, with an `s` unless the count is 1.
#[must_use]
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// A length in whole seconds as a clock writes it: `6:40`, or `1:05:00` from an hour on.
#[must_use]
pub fn clock_time(seconds: u64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_with_control_characters_escaped() {
        let path = std::path::Path::new("Доклад\nerror: x\t\u{1b}[31m\0.ron");
        assert_eq!(
            shown(path).to_string(),
            "Доклад\\nerror: x\\t\\u{1b}[31m\\0.ron"
        );
        assert_eq!(shown("Шымкент/01.jpg").to_string(), "Шымкент/01.jpg");
    }

    #[test]
    fn plurals() {
        for (count, text) in [(0, "0 talks"), (1, "1 talk"), (2, "2 talks")] {
            assert_eq!(plural(count, "talk"), text);
        }
    }

    #[test]
    fn clock_times() {
        for (seconds, text) in [(0, "0:00"), (300, "5:00"), (400, "6:40"), (3900, "1:05:00")] {
            assert_eq!(clock_time(seconds), text);
        }
    }
}
