//! The small helpers the core's reports and messages share: paths shown safely and lengths of
//! time written as a clock does.
//!
//! They live here, apart from the modules that use them ([`crate::deck`], [`crate::check`],
//! [`crate::night`], [`crate::rehearsal`], [`crate::history`]), so that none of those has to
//! import another only for its words: this module imports nothing of the crate. It also finds a
//! field in RON text by its words ([`field_position`]), without parsing. The words themselves,
//! plurals included, are chosen by language in [`crate::i18n`].

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

/// Where RON `text` first names `field:` outside its strings, characters and comments, as a
/// byte offset: found from the words, without parsing, so it works in a file with a mistake in
/// it (to tell a night from a deck, to say on which line a field is).
#[must_use]
pub fn field_position(text: &str, field: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let is_word = |byte: u8| byte.is_ascii_alphanumeric() || byte == b'_';
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        at += match rest {
            [b'/', b'/', ..] => rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len()),
            [b'/', b'*', ..] => find(rest, b"*/").map_or(rest.len(), |end| end + 2),
            [b'"', ..] => string_length(rest),
            [b'\'', b'\\', _, ..] => rest[2..]
                .iter()
                .position(|&b| b == b'\'')
                .map_or(rest.len(), |end| end + 3),
            [b'\'', _, b'\'', ..] => 3,
            [b'r', b'#' | b'"', ..] if at == 0 || !is_word(bytes[at - 1]) => {
                raw_string_length(rest)
            }
            [first, ..] if is_word(*first) => {
                let length = rest.iter().position(|&b| !is_word(b)).unwrap_or(rest.len());
                let after = &rest[length..];
                let after = &after[after
                    .iter()
                    .position(|b| !b.is_ascii_whitespace())
                    .unwrap_or(after.len())..];
                if &rest[..length] == field.as_bytes() && after.first() == Some(&b':') {
                    return Some(at);
                }
                length
            }
            _ => 1,
        };
    }
    None
}

/// Where `needle` first starts in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The length of the string literal `text` starts with (to its closing quote, or the end).
fn string_length(text: &[u8]) -> usize {
    let mut at = 1;
    while at < text.len() {
        match text[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    text.len()
}

/// The length of the raw string literal (`r"…"`, `r#"…"#`) `text` starts with.
fn raw_string_length(text: &[u8]) -> usize {
    let hashes = text[1..].iter().take_while(|&&b| b == b'#').count();
    if text.get(1 + hashes) != Some(&b'"') {
        return 1;
    }
    let mut closing = vec![b'"'];
    closing.extend(std::iter::repeat_n(b'#', hashes));
    let body = 2 + hashes;
    find(&text[body..], &closing).map_or(text.len(), |end| body + end + closing.len())
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
    fn clock_times() {
        for (seconds, text) in [(0, "0:00"), (300, "5:00"), (400, "6:40"), (3900, "1:05:00")] {
            assert_eq!(clock_time(seconds), text);
        }
    }
}
