//! Writing a [`Plan`] into a folder or a zip, whole or not at all.
//!
//! Everything is written under a hidden temporary name beside the destination (the same file
//! system, so the last step is a rename) and renamed into place only when every file is in and
//! flushed: a full stick, a file that cannot be read or an interrupted pack leaves no
//! half-written zip or folder that looks like a pack. The destination must be new, or an empty
//! folder: a pack never mixes with or overwrites what is there.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;

use super::{PackError, Plan};

/// How far a pack is, for a progress line on big nights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackProgress {
    /// Files written so far.
    pub files_done: usize,
    /// Files in all (the night file and written decks included).
    pub files: usize,
    /// Bytes written so far.
    pub bytes_done: u64,
    /// Bytes in all.
    pub bytes: u64,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    /// The destination.
    pub dest: PathBuf,
    /// The night file in it (for a zip: its path inside the zip).
    pub night: PathBuf,
    /// Files and bytes written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// Extensions whose contents are compressed already: stored in a zip as they are, which costs
/// no time and loses nothing.
const COMPRESSED: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "gif", "pdf", "pptx", "ppsx", "pptm", "odp", "key", "mp3", "ogg",
    "flac", "zip",
];

/// Copy buffer: progress is told after each piece, so a 300 MB deck does not sit at 0 %.
const CHUNK: usize = 1024 * 1024;

/// Whether `dest` names a zip.
#[must_use]
pub fn is_zip(dest: &Path) -> bool {
    dest.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("zip"))
}

/// Write `plan` to `dest`: a zip when its name ends in `.zip` (everything in a folder named
/// after it, so unzipping makes one folder), else a folder. `progress` is told after each piece.
pub fn write(
    plan: &Plan,
    dest: &Path,
    progress: &dyn Fn(PackProgress),
) -> Result<Packed, PackError> {
    refuse_taken(dest)?;
    let mut sizes = Vec::with_capacity(plan.files.len());
    for file in &plan.files {
        let size = fs::metadata(&file.source)
            .map_err(|error| PackError::io(&file.source, &error))?
            .len();
        sizes.push(size);
    }
    let mut status = PackProgress {
        files_done: 0,
        files: plan.files.len() + plan.written.len() + 1,
        bytes_done: 0,
        bytes: sizes.iter().sum::<u64>()
            + plan
                .written
                .iter()
                .map(|(_, text)| text.len() as u64)
                .sum::<u64>()
            + plan.night_text.len() as u64,
    };
    let name = dest.file_name().map_or_else(
        || "pack".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    );
    let temporary = dest.with_file_name(format!(".{name}.pecha-tmp"));
    // A pack interrupted before (power cut): its leftovers are ours to remove.
    let _ = fs::remove_dir_all(&temporary);
    let _ = fs::remove_file(&temporary);
    let result = if is_zip(dest) {
        write_zip(plan, &temporary, &zip_root(dest), &mut status, progress)
    } else {
        write_folder(plan, &temporary, &mut status, progress)
    };
    let finish = result.and_then(|()| {
        if dest.is_dir() {
            // Empty (checked above): a rename onto a folder is refused on Windows.
            fs::remove_dir(dest).map_err(|error| PackError::io(dest, &error))?;
        }
        fs::rename(&temporary, dest).map_err(|error| PackError::io(dest, &error))
    });
    if let Err(error) = finish {
        let _ = fs::remove_dir_all(&temporary);
        let _ = fs::remove_file(&temporary);
        return Err(error);
    }
    let night = if is_zip(dest) {
        Path::new(&zip_root(dest)).join(&plan.night_name)
    } else {
        dest.join(&plan.night_name)
    };
    Ok(Packed {
        dest: dest.to_path_buf(),
        night,
        files: status.files_done,
        bytes: status.bytes_done,
    })
}

/// A zip must be new; a folder new or empty. [`write`] asks again; asking first spares a host
/// the minutes of converting a night's decks for a destination that is taken.
pub fn refuse_taken(dest: &Path) -> Result<(), PackError> {
    if is_zip(dest) {
        if fs::symlink_metadata(dest).is_ok() {
            return Err(PackError::Exists {
                dest: dest.to_path_buf(),
            });
        }
        return Ok(());
    }
    match fs::read_dir(dest).map(|mut entries| entries.next().is_none()) {
        Ok(true) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        // Files in it, a file of that name, or a folder that cannot be read.
        Ok(false) | Err(_) => Err(PackError::NotEmpty {
            dest: dest.to_path_buf(),
        }),
    }
}

/// The folder a zip's contents are in: the zip's own name without `.zip`.
fn zip_root(dest: &Path) -> String {
    dest.file_stem().map_or_else(
        || "pack".to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    )
}

fn write_folder(
    plan: &Plan,
    root: &Path,
    status: &mut PackProgress,
    progress: &dyn Fn(PackProgress),
) -> Result<(), PackError> {
    fs::create_dir_all(root).map_err(|error| PackError::io(root, &error))?;
    let create = |target: &str| -> Result<File, PackError> {
        let path = root.join(target);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| PackError::io(parent, &error))?;
        }
        File::create(&path).map_err(|error| PackError::io(&path, &error))
    };
    for file in &plan.files {
        let mut into = create(&file.target)?;
        copy(&file.source, &mut into, status, progress)?;
        into.sync_all()
            .map_err(|error| PackError::io(&root.join(&file.target), &error))?;
        status.files_done += 1;
        progress(*status);
    }
    for (target, text) in plan
        .written
        .iter()
        .map(|(target, text)| (target.as_str(), text.as_str()))
        .chain(std::iter::once((
            plan.night_name.as_str(),
            plan.night_text.as_str(),
        )))
    {
        let mut into = create(target)?;
        into.write_all(text.as_bytes())
            .and_then(|()| into.sync_all())
            .map_err(|error| PackError::io(&root.join(target), &error))?;
        status.files_done += 1;
        status.bytes_done += text.len() as u64;
        progress(*status);
    }
    Ok(())
}

/// The zip at `temporary`, everything under the folder `root`.
fn write_zip(
    plan: &Plan,
    temporary: &Path,
    root: &str,
    status: &mut PackProgress,
    progress: &dyn Fn(PackProgress),
) -> Result<(), PackError> {
    let zip_error = |error: zip::result::ZipError| PackError::Io {
        path: temporary.to_path_buf(),
        reason: error.to_string(),
    };
    let file = File::create(temporary).map_err(|error| PackError::io(temporary, &error))?;
    let mut zip = zip::ZipWriter::new(file);
    for file in &plan.files {
        let extension = Path::new(&file.target)
            .extension()
            .map(|extension| extension.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let method = if COMPRESSED.contains(&extension.as_str()) {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let size = fs::metadata(&file.source)
            .map_err(|error| PackError::io(&file.source, &error))?
            .len();
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(size >= u64::from(u32::MAX));
        zip.start_file(format!("{root}/{}", file.target), options)
            .map_err(zip_error)?;
        copy(&file.source, &mut zip, status, progress)?;
        status.files_done += 1;
        progress(*status);
    }
    for (target, text) in plan
        .written
        .iter()
        .map(|(target, text)| (target.as_str(), text.as_str()))
        .chain(std::iter::once((
            plan.night_name.as_str(),
            plan.night_text.as_str(),
        )))
    {
        zip.start_file(
            format!("{root}/{target}"),
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated),
        )
        .map_err(zip_error)?;
        zip.write_all(text.as_bytes())
            .map_err(|error| PackError::io(temporary, &error))?;
        status.files_done += 1;
        status.bytes_done += text.len() as u64;
        progress(*status);
    }
    let file = zip.finish().map_err(zip_error)?;
    file.sync_all()
        .map_err(|error| PackError::io(temporary, &error))
}

/// Copy `source` into `into` piece by piece, telling `progress` after each.
fn copy(
    source: &Path,
    into: &mut dyn Write,
    status: &mut PackProgress,
    progress: &dyn Fn(PackProgress),
) -> Result<(), PackError> {
    let mut from = File::open(source).map_err(|error| PackError::io(source, &error))?;
    let mut buffer = vec![0; CHUNK];
    loop {
        let read = from
            .read(&mut buffer)
            .map_err(|error| PackError::io(source, &error))?;
        if read == 0 {
            return Ok(());
        }
        into.write_all(&buffer[..read])
            .map_err(|error| PackError::io(source, &error))?;
        status.bytes_done += read as u64;
        progress(*status);
    }
}
