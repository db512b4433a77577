//! PowerPoint, Impress and Keynote files become PDFs with LibreOffice, once per content.
//!
//! Organisers receive decks as `.pptx` (and `.odp`, `.key`) made on many machines; Pecha shows
//! PDFs. [`Converter::pdf_for`] finds the PDF of a presentation: in the user's cache folder,
//! named after the blake3 hash of the file's bytes (a changed file is another name, so it is
//! converted again, and a renamed or copied one is not); else beside the file, where
//! `pecha pack` puts it for a laptop without LibreOffice ([`beside_name`]); else it runs
//! LibreOffice ([`run`]) found where it is usually installed ([`soffice`]), and keeps the result
//! in the cache. Conversions run on the caller's thread, which is never the UI's: the app opens
//! decks on a loading thread and a night's console checks them on its own. What a conversion
//! may lose that can be known beforehand, fonts this machine lacks, is [`fonts`]'s question.
//!
//! The time limit, LibreOffice's place and the cache folder come from [`Converter::from_env`]
//! (`PECHA_CONVERT_TIMEOUT`, `PECHA_SOFFICE`), so tests and odd installs can set them.

pub mod fonts;
mod run;
pub mod soffice;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How long a conversion may take by default: a 20-slide deck converts in seconds (see the
/// README's measurements), a heavy one on an old laptop in a minute or two.
pub const DEFAULT_LIMIT: Duration = Duration::from_mins(3);

/// The variable that names LibreOffice's program, when it is not where Pecha looks.
pub const SOFFICE_VARIABLE: &str = "PECHA_SOFFICE";

/// The variable that sets the time limit of a conversion, in seconds.
pub const LIMIT_VARIABLE: &str = "PECHA_CONVERT_TIMEOUT";

/// Which program a presentation comes from, for the words of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    /// `.pptx`, `.ppt` and their kin.
    PowerPoint,
    /// `.odp`.
    Impress,
    /// `.key`.
    Keynote,
}

impl Made {
    /// By `path`'s extension.
    #[must_use]
    pub fn by(path: &Path) -> Self {
        match path
            .extension()
            .map(|extension| extension.to_string_lossy().to_lowercase())
            .as_deref()
        {
            Some("odp") => Self::Impress,
            Some("key") => Self::Keynote,
            _ => Self::PowerPoint,
        }
    }

    /// `PowerPoint`, `Impress`, `Keynote`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::PowerPoint => "PowerPoint",
            Self::Impress => "Impress",
            Self::Keynote => "Keynote",
        }
    }

    /// Where the program exports a PDF, in this thread's language (as the program's menus say
    /// it in that language).
    #[must_use]
    pub fn export_menu(self) -> String {
        match self {
            Self::PowerPoint => crate::tr!("convert-menu-powerpoint"),
            Self::Impress => crate::tr!("convert-menu-impress"),
            Self::Keynote => crate::tr!("convert-menu-keynote"),
        }
    }
}

/// Why a presentation could not be turned into a PDF.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertProblem {
    /// LibreOffice is not installed (or not where Pecha looks, and `PECHA_SOFFICE` does not say).
    #[error(
        "{}",
        crate::tr!("convert-not-installed", made = made.name(), menu = made.export_menu())
    )]
    NotInstalled {
        /// What the file comes from.
        made: Made,
    },
    /// LibreOffice could not be started.
    #[error(
        "{}",
        crate::tr!(
            "convert-start",
            program = crate::text::shown(program).to_string(),
            error = reason.as_str()
        )
    )]
    Start {
        /// The program tried.
        program: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// LibreOffice did not finish in time, and was stopped.
    #[error(
        "{}",
        crate::tr!("convert-timed-out", limit = crate::text::clock_time(limit.as_secs()))
    )]
    TimedOut {
        /// The limit it had.
        limit: Duration,
    },
    /// LibreOffice crashed.
    #[error("{}", crate::tr!("convert-crashed", detail = crashed_detail(*signal, said)))]
    Crashed {
        /// The signal that ended it (Unix).
        signal: i32,
        /// Its last words (LibreOffice's own, untranslated); may be empty.
        said: String,
    },
    /// LibreOffice ran but made no PDF.
    #[error("{}", crate::tr!("convert-failed", detail = failed_detail(*exit_code, said)))]
    Failed {
        /// Its exit status, when it was not 0 (LibreOffice exits 0 on a file it cannot load).
        exit_code: Option<i32>,
        /// Its last words (LibreOffice's own, untranslated); may be empty.
        said: String,
    },
    /// A file or folder of the conversion could not be read or written.
    #[error(
        "{}",
        crate::tr!(
            "convert-io",
            file = crate::text::shown(path).to_string(),
            error = reason.as_str()
        )
    )]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
}

/// `ended by signal 11: <its last words>`.
fn crashed_detail(signal: i32, said: &str) -> String {
    joined(crate::tr!("convert-signal", signal = signal), said)
}

/// `exit status 1: <its last words>`, or its last words alone, or `it wrote no PDF`.
fn failed_detail(exit_code: Option<i32>, said: &str) -> String {
    match exit_code {
        Some(code) => joined(crate::tr!("convert-exit", code = code), said),
        None if said.is_empty() => crate::tr!("convert-no-pdf"),
        None => said.to_owned(),
    }
}

/// `a: b`, or `a` alone when `b` is empty.
fn joined(first: String, then: &str) -> String {
    if then.is_empty() {
        first
    } else {
        format!("{first}: {then}")
    }
}

impl ConvertProblem {
    fn io(path: &Path, error: &io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            reason: error.to_string(),
        }
    }
}

/// Where a conversion stands, for whoever waits for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// LibreOffice is converting `file` (the presentation), `spent` so far; said when it starts
    /// and then about ten times a second.
    Converting {
        /// The presentation.
        file: PathBuf,
        /// Time spent on it.
        spent: Duration,
    },
}

/// Where a presentation's PDF came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The cache: converted on this machine before.
    Cached,
    /// Beside the presentation, where `pecha pack` puts it: converted on another machine.
    Beside,
    /// Converted just now.
    Converted,
}

/// A presentation's PDF, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The PDF.
    pub pdf: PathBuf,
    /// Where it came from.
    pub origin: Origin,
}

/// How presentations are converted: which LibreOffice, under what limit, cached where.
#[derive(Debug, Clone)]
pub struct Converter {
    /// LibreOffice's program, when it was named (`PECHA_SOFFICE`); else it is searched for.
    pub soffice: Option<PathBuf>,
    /// How long a conversion may take.
    pub limit: Duration,
    /// The cache folder; `None` when the user has no home folder (then every conversion is
    /// kept in a temporary folder for this run).
    pub cache_dir: Option<PathBuf>,
}

impl Converter {
    /// From the environment: `PECHA_SOFFICE` (the program), `PECHA_CONVERT_TIMEOUT` (seconds),
    /// the user's cache folder (`$XDG_CACHE_HOME/pecha/conversions`, usually
    /// `~/.cache/pecha/conversions`; the platform's cache folder elsewhere).
    #[must_use]
    pub fn from_env() -> Self {
        let limit = std::env::var(LIMIT_VARIABLE)
            .ok()
            .and_then(|seconds| seconds.trim().parse::<f64>().ok())
            .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
            .map_or(DEFAULT_LIMIT, Duration::from_secs_f64);
        Self {
            soffice: std::env::var_os(SOFFICE_VARIABLE)
                .filter(|program| !program.is_empty())
                .map(PathBuf::from),
            limit,
            cache_dir: user_cache_dir(),
        }
    }

    /// LibreOffice's program: the one named, when it exists, else the first found on `PATH` or
    /// in the install folders.
    #[must_use]
    pub fn find_soffice(&self) -> Option<PathBuf> {
        match &self.soffice {
            Some(program) => program.is_file().then(|| program.clone()),
            None => soffice::find_in(
                std::env::var_os("PATH").as_ref(),
                &soffice::install_locations(),
            ),
        }
    }

    fn found(&self, presentation: &Path, key: &str) -> Option<Converted> {
        let cached = self
            .cache_dir
            .as_ref()
            .map(|dir| (dir.join(format!("{key}.pdf")), Origin::Cached));
        let beside = (
            presentation.with_file_name(beside_name(presentation, key)),
            Origin::Beside,
        );
        cached
            .into_iter()
            .chain(std::iter::once(beside))
            .find(|(pdf, _)| pdf.is_file())
            .map(|(pdf, origin)| Converted { pdf, origin })
    }

    /// The PDF of `presentation`: cached, beside it, or converted now by LibreOffice (which
    /// `watch` hears about while it runs).
    pub fn pdf_for(
        &self,
        presentation: &Path,
        watch: &dyn Fn(Progress),
    ) -> Result<Converted, ConvertProblem> {
        let key = content_key(presentation)?;
        if let Some(pdf) = self.found(presentation, &key) {
            return Ok(pdf);
        }
        let soffice = self.find_soffice().ok_or(ConvertProblem::NotInstalled {
            made: Made::by(presentation),
        })?;
        let cache = self
            .cache_dir
            .clone()
            .unwrap_or_else(|| std::env::temp_dir().join("pecha-conversions"));
        fs::create_dir_all(&cache).map_err(|error| ConvertProblem::io(&cache, &error))?;
        let work = WorkDir::new(&cache)?;
        // A copy, under a plain name: LibreOffice writes its lock file beside what it opens (not
        // beside the presenter's file, then), and the PDF's name is known.
        let extension = presentation
            .extension()
            .map(|extension| extension.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let input = work.path.join(format!("deck.{extension}"));
        fs::copy(presentation, &input).map_err(|error| ConvertProblem::io(presentation, &error))?;
        // The bytes converted are the copy's: if the file changed meanwhile, this is its key.
        let key = content_key(&input)?;
        let output_dir = work.path.join("out");
        fs::create_dir_all(&output_dir).map_err(|error| ConvertProblem::io(&output_dir, &error))?;
        let profile = Profile::take(&cache, &work.path);
        let file = presentation.to_path_buf();
        watch(Progress::Converting {
            file: file.clone(),
            spent: Duration::ZERO,
        });
        let result = run::convert(
            &run::Run {
                soffice: &soffice,
                input: &input,
                output_dir: &output_dir,
                profile: &profile.path,
                log: &work.path.join("soffice.log"),
                limit: self.limit,
            },
            &|spent| {
                watch(Progress::Converting {
                    file: file.clone(),
                    spent,
                });
            },
        );
        let pdf = match result {
            Ok(pdf) => pdf,
            Err(problem) => {
                // A run killed or crashed may leave a half-made profile behind; start afresh.
                profile.discard();
                return Err(problem);
            }
        };
        let cached = cache.join(format!("{key}.pdf"));
        fs::rename(&pdf, &cached).map_err(|error| ConvertProblem::io(&cached, &error))?;
        Ok(Converted {
            pdf: cached,
            origin: Origin::Converted,
        })
    }
}

/// The user's cache folder for conversions.
#[must_use]
pub fn user_cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "pecha").map(|dirs| dirs.cache_dir().join("conversions"))
}

/// The name of a conversion's key: the blake3 hash of the file's bytes, in hex.
pub fn content_key(presentation: &Path) -> Result<String, ConvertProblem> {
    let mut file =
        fs::File::open(presentation).map_err(|error| ConvertProblem::io(presentation, &error))?;
    let mut hasher = blake3::Hasher::new();
    io::copy(&mut file, &mut hasher).map_err(|error| ConvertProblem::io(presentation, &error))?;
    Ok(hasher.finalize().to_hex().to_string())
}

/// The name a conversion has beside its presentation (`aigerim.pptx` →
/// `aigerim.pptx.1f67f1b61b93a0c4.pdf`): the file's name, so it sorts beside it, and the first
/// 16 digits of its content key, so a changed file does not take an old conversion for its own.
#[must_use]
pub fn beside_name(presentation: &Path, key: &str) -> String {
    format!(
        "{}.{}.pdf",
        presentation
            .file_name()
            .unwrap_or_default()
            .to_string_lossy(),
        &key[..key.len().min(16)]
    )
}

/// A folder for one conversion, inside the cache (so the PDF is renamed into it, atomically),
/// removed with everything in it when the conversion ends, however it ends.
struct WorkDir {
    path: PathBuf,
}

impl WorkDir {
    fn new(cache: &Path) -> Result<Self, ConvertProblem> {
        static COUNT: AtomicU64 = AtomicU64::new(0);
        let path = cache.join(format!(
            ".work-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).map_err(|error| ConvertProblem::io(&path, &error))?;
        Ok(Self { path })
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// The LibreOffice profile a conversion uses: Pecha's own, kept in the cache (a first start on a
/// new profile costs LibreOffice seconds), held with a file lock while a conversion uses it; when
/// another conversion holds it, a fresh one in the work folder.
struct Profile {
    path: PathBuf,
    /// The lock on the kept profile; `None` for a fresh one.
    lock: Option<fs::File>,
}

impl Profile {
    fn take(cache: &Path, work: &Path) -> Self {
        let kept = cache.join("libreoffice-profile");
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(cache.join("libreoffice-profile.lock"))
            .ok()
            .filter(|file| matches!(fs4::FileExt::try_lock(file), Ok(())));
        match lock {
            Some(lock) => Self {
                path: kept,
                lock: Some(lock),
            },
            None => Self {
                path: work.join("profile"),
                lock: None,
            },
        }
    }

    /// After a failed run: the kept profile is removed, so the next run makes a new one.
    fn discard(self) {
        if self.lock.is_some() {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        if let Some(lock) = &self.lock {
            let _ = fs4::FileExt::unlock(lock);
        }
    }
}
