//! Keyboard and clicker keys -> commands.
//!
//! Presentation clickers send PageDown, PageUp, B, `.`, F5 and Esc. Once a talk runs, the format
//! forbids advancing by hand, so none of those may disturb the timing: the advance keys only
//! start a talk that is ready. Host recovery (pause, restart a slide, go to a slide, manual
//! advance) sits on keys no clicker sends.
//!
//! In rehearsal the same advance keys tap "done" on the current slide (see
//! [`crate::rehearsal`]), F5 after a run starts the next one, L loops a slide, H shows the report
//! and E edits the notes.

use egui::{Event, InputState, Key, Modifiers};

use super::{Command, NightCommand};
use crate::settings::Settings;
use crate::timing::TalkState;

/// What the keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyContext {
    /// The talk's state.
    pub state: TalkState,
    /// Rehearsal mode is on.
    pub rehearsing: bool,
    /// A slide is being practised on a loop.
    pub looping: bool,
    /// The rehearsal's run report is showing (H shows and hides it).
    pub report_open: bool,
    /// The current slide (for E: edit its notes).
    pub slide: usize,
    /// A night's stage, when a night is on.
    pub night: Option<super::host::HostStage>,
    /// Walking through a night's cards: (position, count, the closing card included).
    pub walking: Option<(usize, usize)>,
}

impl KeyContext {
    /// A show (not a rehearsal) in `state`.
    #[must_use]
    pub fn show(state: TalkState) -> Self {
        Self {
            state,
            rehearsing: false,
            looping: false,
            report_open: false,
            slide: 1,
            night: None,
            walking: None,
        }
    }
}

/// The commands the keys pressed this frame ask for. Auto-repeat is ignored: holding a key must
/// not fire it twenty times.
#[must_use]
pub fn commands_from_keys(
    input: &InputState,
    context: KeyContext,
    settings: &Settings,
) -> Vec<Command> {
    let mut commands = Vec::new();
    for event in &input.events {
        let Event::Key {
            key,
            pressed: true,
            repeat: false,
            modifiers,
            ..
        } = event
        else {
            continue;
        };
        if let Some(command) = command_for_key(*key, *modifiers, context, settings) {
            commands.push(command);
        }
    }
    commands
}

/// One key press -> its command in this state, if any.
#[must_use]
pub fn command_for_key(
    key: Key,
    modifiers: Modifiers,
    context: KeyContext,
    settings: &Settings,
) -> Option<Command> {
    let command_key = modifiers.command || modifiers.ctrl;
    let state = context.state;
    if let NightKey::Handled(command) = night_command(key, command_key, context) {
        return command;
    }
    if context.rehearsing
        && let Some(command) = rehearsal_command(key, command_key, context)
    {
        return Some(command);
    }
    match key {
        Key::Space | Key::Enter | Key::PageDown | Key::F5 if !command_key => {
            (state == TalkState::Ready).then_some(Command::Start)
        }
        Key::B | Key::Period if !command_key => Some(Command::ToggleBlackout),
        Key::F if !command_key => Some(Command::ToggleProjectorFullscreen),
        Key::P if !command_key => {
            matches!(state, TalkState::Running | TalkState::Paused).then_some(Command::TogglePause)
        }
        Key::R if !command_key => {
            matches!(state, TalkState::Running | TalkState::Paused).then_some(Command::RestartSlide)
        }
        Key::G if !command_key => Some(Command::ShowGoTo(true)),
        Key::N if command_key => matches!(state, TalkState::Running | TalkState::Paused)
            .then_some(Command::ManualAdvance),
        Key::O if command_key => Some(Command::OpenDialog {
            folder: modifiers.shift,
        }),
        Key::Q if command_key => Some(Command::RequestQuit),
        Key::Escape => Some(Command::RequestQuit),
        Key::Plus | Key::Equals if !command_key => Some(Command::ChangeSettings(Settings {
            notes_size: settings.notes_size_stepped(1),
            ..settings.clone()
        })),
        Key::Minus if !command_key => Some(Command::ChangeSettings(Settings {
            notes_size: settings.notes_size_stepped(-1),
            ..settings.clone()
        })),
        Key::M if !command_key => Some(Command::ToggleSound),
        Key::S if command_key => Some(Command::SaveNotes),
        _ => None,
    }
}

/// What a key means during a night.
enum NightKey {
    /// What it means in a show.
    AsInAShow,
    /// This, instead (`None`: nothing).
    Handled(Option<Command>),
}

/// The keys that mean something else during a night.
/// Between talks the advance keys start what is next, and the talk's recovery keys do nothing
/// (there is no talk to pause); W walks through the cards, M stops the break music.
fn night_command(key: Key, command_key: bool, context: KeyContext) -> NightKey {
    use super::host::HostStage;
    let Some(stage) = context.night else {
        return NightKey::AsInAShow;
    };
    let advance_key =
        matches!(key, Key::Space | Key::Enter | Key::PageDown | Key::F5) && !command_key;
    if let Some((position, count)) = context.walking {
        // The last card stays up until Esc or W: a clicker pressed once too often must not
        // end the walk, and a press after that start the first talk for real.
        let next = (position + 1 < count)
            .then(|| Command::Night(NightCommand::WalkCards(Some(position + 1))));
        return NightKey::Handled(match key {
            _ if advance_key => next,
            Key::ArrowRight if !command_key => next,
            Key::ArrowLeft | Key::PageUp if !command_key => Some(Command::Night(
                NightCommand::WalkCards(Some(position.saturating_sub(1))),
            )),
            Key::Escape | Key::W if !command_key => {
                Some(Command::Night(NightCommand::WalkCards(None)))
            }
            Key::B | Key::Period if !command_key => Some(Command::ToggleBlackout),
            _ => None,
        });
    }
    let between_talks = stage != HostStage::Talk;
    match key {
        _ if advance_key && matches!(stage, HostStage::TalkCard | HostStage::BreakCard) => {
            NightKey::Handled(Some(Command::Start))
        }
        _ if advance_key && between_talks => NightKey::Handled(None),
        Key::W
            if !command_key
                && matches!(
                    stage,
                    HostStage::TalkCard | HostStage::BreakCard | HostStage::End
                ) =>
        {
            NightKey::Handled(Some(Command::Night(NightCommand::WalkCards(Some(0)))))
        }
        Key::M if !command_key && stage == HostStage::Break => {
            NightKey::Handled(Some(Command::Night(NightCommand::StopMusic)))
        }
        Key::P | Key::R | Key::G if !command_key && between_talks => NightKey::Handled(None),
        Key::N if command_key && between_talks => NightKey::Handled(None),
        Key::O if command_key => NightKey::Handled(None),
        _ => NightKey::AsInAShow,
    }
}

/// The keys that mean something else, or something more, in rehearsal.
fn rehearsal_command(key: Key, command_key: bool, context: KeyContext) -> Option<Command> {
    let advance_key = matches!(key, Key::Space | Key::Enter | Key::PageDown) && !command_key;
    if context.looping {
        return match key {
            _ if advance_key => Some(Command::Tap),
            Key::L | Key::Escape if !command_key => Some(Command::ToggleLoop),
            Key::P if !command_key => Some(Command::TogglePause),
            _ => None,
        };
    }
    match key {
        _ if advance_key && context.state != TalkState::Ready => Some(Command::Tap),
        Key::F5 if context.state == TalkState::Finished => Some(Command::RestartTalk),
        Key::R if command_key => Some(Command::RestartTalk),
        Key::L if !command_key => Some(Command::ToggleLoop),
        Key::H if !command_key => Some(Command::ShowReport(!context.report_open)),
        Key::E if !command_key => Some(Command::EditNotes(context.slide)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLICKER_KEYS: [Key; 4] = [Key::PageDown, Key::PageUp, Key::F5, Key::Space];

    #[test]
    fn clicker_keys_only_start_a_ready_talk() {
        let settings = Settings::default();
        for key in CLICKER_KEYS {
            for state in [TalkState::Running, TalkState::Paused, TalkState::Finished] {
                assert_eq!(
                    command_for_key(key, Modifiers::NONE, KeyContext::show(state), &settings),
                    None,
                    "{key:?} in {state:?}"
                );
            }
        }
        assert_eq!(
            command_for_key(
                Key::PageDown,
                Modifiers::NONE,
                KeyContext::show(TalkState::Ready),
                &settings
            ),
            Some(Command::Start)
        );
        assert_eq!(
            command_for_key(
                Key::PageUp,
                Modifiers::NONE,
                KeyContext::show(TalkState::Ready),
                &settings
            ),
            None
        );
    }

    #[test]
    fn recovery_needs_deliberate_keys() {
        let settings = Settings::default();
        let running = KeyContext::show(TalkState::Running);
        assert_eq!(
            command_for_key(Key::N, Modifiers::NONE, running, &settings),
            None
        );
        assert_eq!(
            command_for_key(Key::N, Modifiers::CTRL, running, &settings),
            Some(Command::ManualAdvance)
        );
        assert_eq!(
            command_for_key(Key::P, Modifiers::NONE, running, &settings),
            Some(Command::TogglePause)
        );
        assert_eq!(
            command_for_key(
                Key::P,
                Modifiers::NONE,
                KeyContext::show(TalkState::Ready),
                &settings
            ),
            None
        );
        assert_eq!(
            command_for_key(Key::Period, Modifiers::NONE, running, &settings),
            Some(Command::ToggleBlackout)
        );
    }

    #[test]
    fn in_rehearsal_the_advance_keys_tap_once_the_talk_runs() {
        let settings = Settings::default();
        let rehearsing = |state| KeyContext {
            state,
            rehearsing: true,
            looping: false,
            report_open: false,
            slide: 4,
            night: None,
            walking: None,
        };
        for key in [Key::Space, Key::PageDown, Key::Enter] {
            assert_eq!(
                command_for_key(
                    key,
                    Modifiers::NONE,
                    rehearsing(TalkState::Ready),
                    &settings
                ),
                Some(Command::Start)
            );
            for state in [TalkState::Running, TalkState::Paused, TalkState::Finished] {
                assert_eq!(
                    command_for_key(key, Modifiers::NONE, rehearsing(state), &settings),
                    Some(Command::Tap),
                    "{key:?} in {state:?}"
                );
            }
        }
        assert_eq!(
            command_for_key(
                Key::F5,
                Modifiers::NONE,
                rehearsing(TalkState::Finished),
                &settings
            ),
            Some(Command::RestartTalk)
        );
        assert_eq!(
            command_for_key(
                Key::E,
                Modifiers::NONE,
                rehearsing(TalkState::Running),
                &settings
            ),
            Some(Command::EditNotes(4))
        );
        // H shows the run report and hides it again.
        assert_eq!(
            command_for_key(
                Key::H,
                Modifiers::NONE,
                rehearsing(TalkState::Running),
                &settings
            ),
            Some(Command::ShowReport(true))
        );
        let report_open = KeyContext {
            report_open: true,
            ..rehearsing(TalkState::Running)
        };
        assert_eq!(
            command_for_key(Key::H, Modifiers::NONE, report_open, &settings),
            Some(Command::ShowReport(false))
        );
        let looping = KeyContext {
            looping: true,
            ..rehearsing(TalkState::Paused)
        };
        assert_eq!(
            command_for_key(Key::Escape, Modifiers::NONE, looping, &settings),
            Some(Command::ToggleLoop)
        );
        // Outside rehearsal the taps do not exist.
        assert_eq!(
            command_for_key(
                Key::L,
                Modifiers::NONE,
                KeyContext::show(TalkState::Running),
                &settings
            ),
            None
        );
    }

    #[test]
    fn between_a_nights_talks_the_advance_keys_start_what_is_next_and_nothing_else() {
        use crate::ui::host::HostStage;
        let settings = Settings::default();
        let night = |stage, state| KeyContext {
            night: Some(stage),
            ..KeyContext::show(state)
        };
        let key = |key, context| command_for_key(key, Modifiers::NONE, context, &settings);
        // On a card (the talk before it finished, or the next one is armed): start it.
        for state in [TalkState::Ready, TalkState::Finished] {
            assert_eq!(
                key(Key::Space, night(HostStage::TalkCard, state)),
                Some(Command::Start)
            );
            assert_eq!(
                key(Key::PageDown, night(HostStage::BreakCard, state)),
                Some(Command::Start)
            );
            // No talk to recover between talks: G would bring back the last talk's slides.
            assert_eq!(key(Key::G, night(HostStage::TalkCard, state)), None);
            assert_eq!(key(Key::P, night(HostStage::BreakCard, state)), None);
        }
        // A clicker pressed in the break does not end it; M stops the music.
        assert_eq!(
            key(Key::Space, night(HostStage::Break, TalkState::Finished)),
            None
        );
        assert_eq!(
            key(Key::M, night(HostStage::Break, TalkState::Finished)),
            Some(Command::Night(NightCommand::StopMusic))
        );
        // During a talk the show's keys hold.
        assert_eq!(
            key(Key::P, night(HostStage::Talk, TalkState::Running)),
            Some(Command::TogglePause)
        );
        assert_eq!(
            key(Key::Space, night(HostStage::Talk, TalkState::Running)),
            None
        );
        // Walking through the cards: the clicker steps, Esc stops, the last card stays up.
        let walking = |position| KeyContext {
            walking: Some((position, 4)),
            ..night(HostStage::TalkCard, TalkState::Ready)
        };
        assert_eq!(
            key(Key::PageDown, walking(0)),
            Some(Command::Night(NightCommand::WalkCards(Some(1))))
        );
        assert_eq!(
            key(Key::PageUp, walking(2)),
            Some(Command::Night(NightCommand::WalkCards(Some(1))))
        );
        assert_eq!(key(Key::Space, walking(3)), None);
        assert_eq!(key(Key::PageDown, walking(3)), None);
        assert_eq!(key(Key::ArrowRight, walking(3)), None);
        assert_eq!(
            key(Key::Escape, walking(1)),
            Some(Command::Night(NightCommand::WalkCards(None)))
        );
        assert_eq!(
            key(Key::W, night(HostStage::End, TalkState::Finished)),
            Some(Command::Night(NightCommand::WalkCards(Some(0))))
        );
    }
}
