//! One run of LibreOffice: `soffice --headless --convert-to pdf`, in a profile of its own, under a
//! time limit.
//!
//! The profile (`-env:UserInstallation`) is Pecha's, not the user's: a LibreOffice the user has
//! open holds their profile, and a second one started on it hands the job to the first and
//! exits without converting anything. LibreOffice runs in its own process group (a job object on
//! Windows): `soffice` is a launcher whose child does the work, and a conversion past its time
//! limit is killed with all of them. Its output goes to files, not pipes, so a chatty
//! LibreOffice can never block on a full pipe while Pecha waits for it to end.

use std::fmt::Write as _;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use process_wrap::std::CommandWrap;

use super::ConvertProblem;

/// How often the run is looked at: often enough that a finished conversion is taken at once
/// and the progress on screen counts whole seconds.
const POLL: Duration = Duration::from_millis(100);

/// What a run is given.
pub(super) struct Run<'a> {
    /// LibreOffice's program.
    pub soffice: &'a Path,
    /// The file to convert.
    pub input: &'a Path,
    /// Where the PDF is written (`input`'s stem with `.pdf`).
    pub output_dir: &'a Path,
    /// The profile folder LibreOffice may use (created by it when empty).
    pub profile: &'a Path,
    /// Where its stdout and stderr go.
    pub log: &'a Path,
    /// How long it may take.
    pub limit: Duration,
}

/// Convert, calling `tick` with the time spent about every [`POLL`]; the PDF's path when
/// LibreOffice wrote one.
pub(super) fn convert(run: &Run<'_>, tick: &dyn Fn(Duration)) -> Result<PathBuf, ConvertProblem> {
    let log = File::create(run.log).map_err(|error| ConvertProblem::io(run.log, &error))?;
    let log_too = log
        .try_clone()
        .map_err(|error| ConvertProblem::io(run.log, &error))?;
    let mut command = Command::new(run.soffice);
    command
        .arg(format!("-env:UserInstallation={}", file_url(run.profile)))
        .args([
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            // Hidden slides are left out of the PDF (what PowerPoint's own export does); the
            // deck maps pages to slides either way (`super::pages_of_slides`).
            r#"pdf:impress_pdf_Export:{"ExportHiddenSlides":{"type":"boolean","value":"false"},"ExportNotesPages":{"type":"boolean","value":"false"}}"#,
            "--outdir",
        ])
        .arg(run.output_dir)
        .arg(run.input)
        .stdin(Stdio::null())
        .stdout(Stdio::from(log))
        .stderr(Stdio::from(log_too));
    let mut command = CommandWrap::from(command);
    #[cfg(unix)]
    command.wrap(process_wrap::std::ProcessGroup::leader());
    #[cfg(windows)]
    command.wrap(process_wrap::std::JobObject);
    let started = Instant::now();
    let mut child = command.spawn().map_err(|error| ConvertProblem::Start {
        program: run.soffice.to_path_buf(),
        reason: error.to_string(),
    })?;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(error) => {
                let _ = child.kill();
                return Err(ConvertProblem::Failed {
                    exit_code: None,
                    said: error.to_string(),
                });
            }
        }
        let spent = started.elapsed();
        if spent >= run.limit {
            // The whole group, the launcher and the soffice.bin it started.
            let _ = child.kill();
            let _ = child.wait();
            return Err(ConvertProblem::TimedOut { limit: run.limit });
        }
        tick(spent);
        std::thread::sleep(POLL.min(run.limit.saturating_sub(spent)));
    };
    let said = last_words(run.log);
    let pdf = run
        .output_dir
        .join(Path::new(run.input.file_stem().unwrap_or_default()).with_extension("pdf"));
    if let Some(signal) = killed_by(status) {
        return Err(ConvertProblem::Crashed { signal, said });
    }
    if !status.success() {
        return Err(ConvertProblem::Failed {
            exit_code: Some(status.code().unwrap_or(-1)),
            said,
        });
    }
    // LibreOffice says "Error: source file could not be loaded" and exits 0: the PDF decides.
    if !pdf.is_file() {
        return Err(ConvertProblem::Failed {
            exit_code: None,
            said,
        });
    }
    Ok(pdf)
}

/// The signal that ended the process, on Unix (a crash is SIGSEGV or SIGABRT).
fn killed_by(status: ExitStatus) -> Option<i32> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt as _;
        status.signal()
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        None
    }
}

/// The last lines LibreOffice printed that say something (its own words, for the message),
/// at most 300 characters.
fn last_words(log: &Path) -> String {
    let text = std::fs::read(log).unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        // LibreOffice announces every conversion; it says nothing about a failure.
        .filter(|line| !line.starts_with("convert "))
        .collect();
    let words = lines[lines.len().saturating_sub(2)..].join(" ");
    words.chars().take(300).collect()
}

/// `path` as the `file:` URL LibreOffice's `-env:UserInstallation` takes: `file:///tmp/a%20b`,
/// `file:///C:/Users/...` on Windows; every byte but unreserved ones percent-encoded, so
/// Cyrillic user names and spaces survive.
#[must_use]
pub(super) fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:".contains(&byte) {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_urls_are_percent_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/pecha cache/профиль")),
            "file:///tmp/pecha%20cache/%D0%BF%D1%80%D0%BE%D1%84%D0%B8%D0%BB%D1%8C"
        );
        assert_eq!(
            file_url(Path::new(r"C:\Users\Әйгерім\pecha")),
            "file:///C:/Users/%D3%98%D0%B9%D0%B3%D0%B5%D1%80%D1%96%D0%BC/pecha"
        );
    }
}
