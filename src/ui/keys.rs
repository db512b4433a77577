//! Keyboard and clicker keys -> commands.
//!
//! Presentation clickers send PageDown, PageUp, B, `.`, F5 and Esc. Once a talk runs, the format
//! forbids advancing by hand, so none of those may disturb the timing: the advance keys only
//! start a talk that is ready. Host recovery (pause, restart a slide, go to a slide, manual
//! advance) sits on keys no clicker sends.

use egui::{Event, InputState, Key, Modifiers};

use super::Command;
use crate::settings::Settings;
use crate::timing::TalkState;

/// The commands the keys pressed this frame ask for. Auto-repeat is ignored: holding a key must
/// not fire it twenty times.
#[must_use]
pub fn commands_from_keys(
    input: &InputState,
    state: TalkState,
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
        if let Some(command) = command_for_key(*key, *modifiers, state, settings) {
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
    state: TalkState,
    settings: &Settings,
) -> Option<Command> {
    let command_key = modifiers.command || modifiers.ctrl;
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
        Key::M if !command_key => Some(Command::ChangeSettings(Settings {
            sound: !settings.sound,
            ..settings.clone()
        })),
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
                    command_for_key(key, Modifiers::NONE, state, &settings),
                    None,
                    "{key:?} in {state:?}"
                );
            }
        }
        assert_eq!(
            command_for_key(Key::PageDown, Modifiers::NONE, TalkState::Ready, &settings),
            Some(Command::Start)
        );
        assert_eq!(
            command_for_key(Key::PageUp, Modifiers::NONE, TalkState::Ready, &settings),
            None
        );
    }

    #[test]
    fn recovery_needs_deliberate_keys() {
        let settings = Settings::default();
        let running = TalkState::Running;
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
            command_for_key(Key::P, Modifiers::NONE, TalkState::Ready, &settings),
            None
        );
        assert_eq!(
            command_for_key(Key::Period, Modifiers::NONE, running, &settings),
            Some(Command::ToggleBlackout)
        );
    }
}
