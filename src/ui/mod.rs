//! The views. Each reads the app's state through a small model and returns [`Command`]s; only
//! the app applies them, so every view can be drawn and tested on its own.

pub mod feed;
pub mod host;
pub mod keys;
pub mod phones;
pub mod presenter;
pub mod projector;
pub mod rehearsal;
pub mod widgets;

use std::path::PathBuf;

use crate::settings::Settings;

/// Something a view or a key asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start the armed talk (with the 3-2-1 lead-in when it is on).
    Start,
    /// Pause a running talk, or resume a paused one.
    TogglePause,
    /// Give the current slide its full time again, from now.
    RestartSlide,
    /// Jump to slide k (1-based) with its full time.
    GoToSlide(usize),
    /// Last resort: show the next slide now.
    ManualAdvance,
    /// Put the talk back to Ready, title card on the projector.
    ResetTalk,
    /// Black out the projector, or bring the picture back.
    ToggleBlackout,
    /// Projector fullscreen on its monitor, or a normal window.
    ToggleProjectorFullscreen,
    /// Open or close the projector window.
    SetProjectorOpen(bool),
    /// Send the projector to this monitor (index in the monitor list).
    ChooseMonitor(usize),
    /// Open the file dialog to choose a deck.
    OpenDialog {
        /// Choose a folder of images instead of a deck file.
        folder: bool,
    },
    /// Load this deck (a RON file or a folder).
    OpenDeck(PathBuf),
    /// Show or hide the go-to-slide box.
    ShowGoTo(bool),
    /// The answer to "go on where the talk stopped?": `true` at its slide, `false` from the top.
    AnswerTalkResume(bool),
    /// Replace the settings (views edit a copy).
    ChangeSettings(Settings),
    /// Speak this language from now on, and remember it; `None` follows the system's.
    ChooseLanguage(Option<crate::i18n::Language>),
    /// Remove the host notice with this index.
    DismissNotice(usize),
    /// Quit, asking first if a talk is under way.
    RequestQuit,
    /// Quit now.
    ConfirmQuit,
    /// Keep going: dismiss the quit question.
    CancelQuit,
    /// Rehearsal: the presenter is done with the current slide (or, late, with the one before).
    Tap,
    /// Switch rehearsal mode on or off.
    ToggleRehearsal,
    /// Rehearsal: a new run from slide 1, now.
    RestartTalk,
    /// Rehearsal: practise the current slide on a loop, or stop the loop.
    ToggleLoop,
    /// Rehearsal: show or hide the run report.
    ShowReport(bool),
    /// Start editing the notes of this slide (1-based).
    EditNotes(usize),
    /// The notes being edited now read this.
    NotesChanged(String),
    /// Save the edited notes to the deck file and close the editor.
    SaveNotes,
    /// Close the editor, dropping what was typed since it opened.
    CancelNotesEdit,
    /// Cue sounds on or off (the rehearsal's own switch while rehearsing).
    ToggleSound,
    /// A night's host asks for something (see [`NightCommand`]).
    Night(NightCommand),
    /// The phones' server and its dialog (see [`PhonesCommand`]).
    Phones(PhonesCommand),
}

/// View -> Phones…: the server for the speaker's and the host's phones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhonesCommand {
    /// Open or close the dialog (closing it leaves the server running).
    ShowDialog(bool),
    /// Start serving, with new keys.
    Serve,
    /// Stop serving: every phone is disconnected, and the keys are forgotten.
    Stop,
}

/// What a night's host asks for, besides what a single talk has.
#[derive(Debug, Clone, PartialEq)]
pub enum NightCommand {
    /// Leave out this item (0-based in the night file); if it is on, end it.
    Skip(usize),
    /// Ask before skipping the talk under way (a slip of the mouse must not end it).
    AskSkip(usize),
    /// The host answered "keep going" to that question.
    CancelSkip,
    /// Move the item at running-order position `from` to position `to`.
    Move {
        /// Where it is, 0-based.
        from: usize,
        /// Where it goes, 0-based.
        to: usize,
    },
    /// Give this item (0-based in the night file) again; its card goes up.
    Rerun(usize),
    /// End the break under way now.
    EndBreak,
    /// Silence the break music at once.
    StopMusic,
    /// Show the card at this running-order position on the projector, or stop walking through
    /// the cards.
    WalkCards(Option<usize>),
    /// The host's answer to "go on where the night was?".
    Resume(host::ResumeChoice),
    /// Put that question away for later (`true`, Esc) or bring it back (`false`).
    DeferResume(bool),
}
