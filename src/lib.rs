//! Pecha runs PechaKucha talks and whole PechaKucha Nights.
//!
//! The pure core never imports egui:
//! - [`deck`]: what a talk is (slides, notes, format) and how it is loaded from RON, a folder of
//!   images, a PDF ([`pdf`] reads and renders its pages) or a PowerPoint or Impress file
//!   ([`presentation`] reads its notes and hidden slides, [`convert`] has LibreOffice make its
//!   PDF, cached by content);
//! - [`night`]: a whole PechaKucha Night's running order of talks and breaks, from one file,
//!   where a running night is ([`night::progress`]) and what happened during it ([`night::log`]);
//! - [`open`]: whether a path is a deck or a night, and loading it;
//! - [`pack`]: a night and everything it needs copied into one folder or zip, to travel;
//! - [`check`]: whether a deck (or every deck of a night) is ready for the show, used by
//!   `pecha check` and the app;
//! - [`clock`] and [`timing`]: the auto-advancing talk engine, driven by an injected clock so it
//!   never drifts and can be tested in microseconds; [`clock`] is also the only reader of the
//!   wall clock;
//! - [`rehearsal`] and [`history`]: what practising a talk records (slack and overruns per
//!   slide) and where those runs are kept; [`save`] writes files atomically;
//! - [`resume`]: where a single talk is, so that one cut short by a crash goes on at its slide;
//! - [`read`]: reading a file whole, only a regular file and only up to a size cap;
//! - [`text`]: the small helpers the reports share (paths shown safely, `6:40`);
//! - [`i18n`]: the words in Kazakh, Russian or English ([`tr!`]), and which language is spoken;
//! - [`monitors`], [`settings`], [`trace`]: where the projector goes, what is remembered, and the
//!   timing trace.
//!
//! Around it: [`allocator`] keeps freed slide buffers from staying resident, [`slides`] prepares
//! images on background threads, [`files`] reads and writes the app's files on another,
//! [`audio`] plays cues and break music, [`example`] carries the bundled talk and night, and
//! [`app`] with [`ui`] is the eframe app (the app applies commands, the views draw models).
pub mod allocator;
pub mod app;
pub mod audio;
pub mod check;
pub mod clock;
pub mod convert;
pub mod deck;
pub mod example;
pub mod files;
pub mod history;
pub mod i18n;
pub mod monitors;
pub mod night;
pub mod open;
pub mod pack;
pub mod pdf;
pub mod phones;
pub mod presentation;
pub mod read;
pub mod rehearsal;
pub mod resume;
pub mod save;
pub mod settings;
pub mod slides;
pub mod text;
pub mod timing;
pub mod trace;
pub mod ui;
