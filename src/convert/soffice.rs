//! Where LibreOffice is: `PECHA_SOFFICE` if set, else `soffice` (or `libreoffice`) on `PATH`,
//! else the folders its installers use on this platform.
//!
//! Hosts install LibreOffice the usual way and never put it on `PATH` on Windows or macOS, so the
//! install folders are searched too. The search is a pure function of what it is given
//! ([`find_in`]), so tests choose what exists.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The names LibreOffice's program has on `PATH`.
#[cfg(windows)]
const PROGRAM_NAMES: &[&str] = &["soffice.exe", "soffice.com"];
#[cfg(not(windows))]
const PROGRAM_NAMES: &[&str] = &["soffice", "libreoffice"];

/// Where LibreOffice's installers put the program, most usual first.
#[must_use]
pub fn install_locations() -> Vec<PathBuf> {
    let mut places = Vec::new();
    #[cfg(target_os = "linux")]
    {
        places.extend(
            [
                "/usr/bin/soffice",
                "/usr/lib/libreoffice/program/soffice",
                "/usr/lib64/libreoffice/program/soffice",
                "/usr/local/bin/soffice",
                "/snap/bin/libreoffice",
                "/var/lib/flatpak/exports/bin/org.libreoffice.LibreOffice",
            ]
            .map(PathBuf::from),
        );
        // The Document Foundation's own packages: /opt/libreoffice24.8/program/soffice.
        if let Ok(entries) = std::fs::read_dir("/opt") {
            let mut versions: Vec<PathBuf> = entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| {
                    path.file_name()
                        .is_some_and(|name| name.to_string_lossy().starts_with("libreoffice"))
                })
                .map(|path| path.join("program/soffice"))
                .collect();
            // The newest version first.
            versions.sort();
            versions.reverse();
            places.extend(versions);
        }
    }
    #[cfg(target_os = "macos")]
    {
        places.push(PathBuf::from(
            "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        ));
        if let Some(home) = std::env::var_os("HOME") {
            places.push(
                PathBuf::from(home).join("Applications/LibreOffice.app/Contents/MacOS/soffice"),
            );
        }
    }
    #[cfg(windows)]
    {
        for variable in ["ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"] {
            if let Some(folder) = std::env::var_os(variable) {
                places.push(PathBuf::from(folder).join(r"LibreOffice\program\soffice.exe"));
            }
        }
    }
    places
}

/// The first LibreOffice found: on `path_variable`'s folders (as `PATH` is), then in `places`.
#[must_use]
pub fn find_in(path_variable: Option<&OsString>, places: &[PathBuf]) -> Option<PathBuf> {
    let on_path = path_variable
        .into_iter()
        .flat_map(std::env::split_paths)
        .flat_map(|folder| PROGRAM_NAMES.iter().map(move |name| folder.join(name)));
    on_path
        .chain(places.iter().cloned())
        .find(|candidate| is_program(candidate))
}

/// Whether `path` is a file that can be run.
fn is_program(path: &Path) -> bool {
    let Ok(metadata) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        metadata.is_file() && metadata.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        metadata.is_file()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn path_comes_before_the_install_folders_and_only_programs_count() {
        let dir = tempfile::tempdir().unwrap();
        let on_path = dir.path().join("bin");
        let installed = dir.path().join("opt/soffice");
        std::fs::create_dir_all(&on_path).unwrap();
        std::fs::create_dir_all(installed.parent().unwrap()).unwrap();
        std::fs::write(&installed, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            std::fs::set_permissions(&installed, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let path = std::env::join_paths([&on_path]).unwrap();
        assert_eq!(
            find_in(Some(&path), std::slice::from_ref(&installed)),
            Some(installed)
        );
        let program = on_path.join(PROGRAM_NAMES[0]);
        std::fs::write(&program, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            // Not executable: not a program.
            assert_eq!(find_in(Some(&path), &[]), None);
            std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        assert_eq!(find_in(Some(&path), &[]), Some(program));
        assert_eq!(find_in(None, &[dir.path().join("nothing")]), None);
    }
}
