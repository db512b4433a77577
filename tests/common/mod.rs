//! The harness every integration test shares, so that each test file holds only its tests and
//! the fixtures peculiar to it. Each test crate includes it with `mod common;`.
//!
//! - [`fixtures`]: where the stored fixtures are (`manifest_dir`, `data`, `good_dir`,
//!   `good_deck_path`, `good_deck`, `good_image`, `example_night`), copies of the good deck to
//!   change (`copy_good_images`, `copy_good_images_as`, `copy_good_deck`, `copy_of_good_deck`),
//!   and `crc32` for PNG files written byte by byte.
//! - [`presentations`]: `.pptx` and `.odp` files written by the tests (`write_pptx`,
//!   `write_odp`, password-protected ones), with notes, hidden slides, pictures and videos.
//! - [`soffice`]: a fake LibreOffice (`write_fake_soffice`) that converts, hangs, fails or
//!   crashes, and counts its runs.
//! - [`cli`]: runs the built `pecha` binary with arguments (`pecha`) and, where a test needs
//!   them, environment variables (`pecha_with_env`, `pecha_with_data_home` for
//!   `XDG_DATA_HOME`), and returns its exit status, stdout and stderr as a [`cli::Run`];
//!   `pecha_within` kills a run that takes longer than it may (a hang fails, never stalls).
//! - [`app`]: the app under `egui_kittest` on a laptop screen with time from a
//!   [`pecha::clock::ManualClock`]: the `launch` family (`launch` and `launch_with` for a deck,
//!   `launch_rehearsal`, `launch_night`, `launch_night_with`); handing it monitors as the window
//!   system would list them (`monitors`, `list_monitors`), reading its projector window's
//!   viewport (`projector_output`) and running that window's own pass (`run_projector`); driving it (`press`, `apply`, `root_commands`); waiting
//!   on its background work (`wait_until`, `wait_for_notice`, bounded by `MAX_WAIT`); and reading
//!   what a frame shows: labels from the accessibility tree (`all_labels`, `has_label`,
//!   `has_label_containing`, `has_button`, `assert_label`), what was painted (`painted_texts`,
//!   `painted_texts_sized`, `painted_images`, `painted_shapes`) and the app's notices
//!   (`notice_texts`, the one place tests read them).
#![allow(
    dead_code,
    reason = "each test crate includes the whole module and uses only the part it needs"
)]

pub mod app;
pub mod cli;
pub mod fixtures;
pub mod presentations;
pub mod soffice;
