//! Which of a presentation's fonts this machine lacks, so `pecha check` can say that LibreOffice
//! drew its text in another one (a deck made with Calibri on Windows, converted on Linux).
//!
//! On Linux the installed families come from fontconfig's `fc-list`, asked once per run; where
//! it is missing, and on other systems (where LibreOffice finds fonts its own way), nothing is
//! said rather than a guess.

use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

/// The font families installed here, lower case; `None` when that cannot be known.
fn installed() -> Option<&'static HashSet<String>> {
    static INSTALLED: OnceLock<Option<HashSet<String>>> = OnceLock::new();
    INSTALLED.get_or_init(list_installed).as_ref()
}

#[cfg(target_os = "linux")]
fn list_installed() -> Option<HashSet<String>> {
    let output = std::process::Command::new("fc-list")
        .args([":", "family"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    Some(families(&String::from_utf8_lossy(&output.stdout)))
}

#[cfg(not(target_os = "linux"))]
fn list_installed() -> Option<HashSet<String>> {
    None
}

/// fc-list's lines (`DejaVu Sans,DejaVu Sans Condensed`: every name a family goes by) as one set.
fn families(listing: &str) -> HashSet<String> {
    listing
        .lines()
        .flat_map(|line| line.split(','))
        .map(|name| name.trim().to_lowercase())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The fonts of `wanted` missing from `installed`.
fn missing_from(wanted: &BTreeSet<String>, installed: &HashSet<String>) -> Vec<String> {
    wanted
        .iter()
        .filter(|font| !installed.contains(&font.to_lowercase()))
        .cloned()
        .collect()
}

/// The warning for the fonts of `wanted` this machine lacks, if any and if it can be known.
#[must_use]
pub fn missing_warning(wanted: &BTreeSet<String>) -> Option<crate::i18n::Words> {
    let missing = missing_from(wanted, installed()?);
    (!missing.is_empty()).then(|| {
        crate::i18n::Words::of(|| {
            crate::tr!(
                "presentation-fonts-missing",
                count = missing.len(),
                fonts = missing.join(", ")
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_of_a_family_counts_as_installed() {
        let installed = families("DejaVu Sans,DejaVu Sans Condensed\nCarlito\n\nPT Sans\n");
        let wanted: BTreeSet<String> = ["Calibri", "carlito", "PT Sans", "DejaVu Sans Condensed"]
            .map(str::to_owned)
            .into();
        assert_eq!(missing_from(&wanted, &installed), ["Calibri"]);
    }
}
