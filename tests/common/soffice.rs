//! A fake `soffice` for the conversion tests: a shell script that answers as LibreOffice would,
//! without LibreOffice. It logs each run's arguments (one line per run) and, as asked, writes a
//! PDF (a copy of a stored one), hangs (with a child of its own, as LibreOffice's launcher has),
//! fails without a PDF, or crashes.

use std::path::{Path, PathBuf};

use super::fixtures::data;

/// What the fake does when run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fake {
    /// Writes `tests/data/converted/<pdf>` as the conversion.
    Converts(&'static str),
    /// Waits until a file `go` appears in the fake's folder ([`tell_to_go`]), then converts as
    /// `Converts` does: a conversion that is under way for as long as a test needs.
    ConvertsWhenTold(&'static str),
    /// Starts `sleep 600` (its pid in `child.pid` in the fake's folder) and waits for it.
    Hangs,
    /// Says what LibreOffice says of a file it cannot load, exits 0, writes nothing.
    CannotLoad,
    /// Ends by SIGSEGV.
    Crashes,
}

/// A fake soffice in `dir`; returns the script's path. Its runs are logged to
/// [`runs_log`]`(dir)`.
pub fn write_fake_soffice(dir: &Path, fake: Fake) -> PathBuf {
    let log = runs_log(dir);
    let action = match fake {
        Fake::Converts(pdf) => format!(
            "cp '{}' \"$out/$(basename \"${{input%.*}}\").pdf\"",
            data("converted").join(pdf).display()
        ),
        Fake::ConvertsWhenTold(pdf) => format!(
            "while [ ! -e '{}' ]; do sleep 0.05; done\ncp '{}' \"$out/$(basename \"${{input%.*}}\").pdf\"",
            dir.join("go").display(),
            data("converted").join(pdf).display()
        ),
        Fake::Hangs => format!(
            "sleep 600 &\necho $! > '{}'\nwait",
            dir.join("child.pid").display()
        ),
        Fake::CannotLoad => "echo 'Error: source file could not be loaded'".to_owned(),
        Fake::Crashes => "kill -SEGV $$".to_owned(),
    };
    let script = format!(
        "#!/bin/sh\necho \"$@\" >> '{}'\nwhile [ $# -gt 0 ]; do\n  case \"$1\" in\n    --outdir) out=\"$2\"; shift ;;\n    -*) ;;\n    *) input=\"$1\" ;;\n  esac\n  shift\ndone\n{action}\n",
        log.display()
    );
    let path = dir.join("soffice");
    std::fs::write(&path, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

/// Where the fake in `dir` logs its runs.
pub fn runs_log(dir: &Path) -> PathBuf {
    dir.join("runs.log")
}

/// How many times the fake in `dir` ran.
pub fn runs(dir: &Path) -> usize {
    std::fs::read_to_string(runs_log(dir)).map_or(0, |log| log.lines().count())
}

/// Lets a [`Fake::ConvertsWhenTold`] in `dir` go on.
pub fn tell_to_go(dir: &Path) {
    std::fs::write(dir.join("go"), "").unwrap();
}
