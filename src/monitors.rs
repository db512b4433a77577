//! Which monitor gets the projector window.
//!
//! Hosts plug the projector in minutes before doors open, often into another port than at the
//! rehearsal, so the choice is remembered by monitor *name* and resolved again at every start:
//! the command line wins, then the remembered name, then the first monitor that is not the
//! laptop's, and with a single monitor the projector opens as a normal window.

/// A monitor as the window system lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorInfo {
    /// The system's name for it, e.g. `HDMI-1` (may be empty on some systems).
    pub name: String,
    /// Size in physical pixels.
    pub size: (u32, u32),
    /// Top-left corner in the virtual desktop.
    pub position: (i32, i32),
}

impl MonitorInfo {
    /// `HDMI-1 — 1920 × 1080`, for pickers and messages.
    #[must_use]
    pub fn label(&self, index: usize) -> String {
        let name = if self.name.is_empty() {
            "monitor"
        } else {
            &self.name
        };
        format!("{index}: {name} — {} × {}", self.size.0, self.size.1)
    }
}

/// Where the projector window goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// Fullscreen on the monitor with this index.
    Monitor(usize),
    /// A normal window (a single screen, or `--windowed`).
    Windowed,
    /// No projector window (`--projector off`).
    Off,
}

/// What the user asked for on the command line with `--projector`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectorRequest {
    /// A monitor index.
    Index(usize),
    /// A monitor name.
    Name(String),
    /// No projector window.
    Off,
}

impl std::str::FromStr for ProjectorRequest {
    type Err = std::convert::Infallible;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(if text.eq_ignore_ascii_case("off") {
            Self::Off
        } else if let Ok(index) = text.parse() {
            Self::Index(index)
        } else {
            Self::Name(text.to_owned())
        })
    }
}

/// The decision and, when something asked for was not there, a message for the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// Where the projector goes.
    pub placement: Placement,
    /// Set when the request or the remembered monitor could not be honoured.
    pub notice: Option<String>,
}

/// Decide where the projector goes. `laptop` is the index of the monitor the presenter window
/// is on, when known.
#[must_use]
pub fn resolve(
    monitors: &[MonitorInfo],
    request: Option<&ProjectorRequest>,
    remembered: Option<&str>,
    laptop: Option<usize>,
) -> Resolution {
    let by_name = |name: &str| monitors.iter().position(|monitor| monitor.name == name);
    let mut notice = None;
    match request {
        Some(ProjectorRequest::Off) => {
            return Resolution {
                placement: Placement::Off,
                notice: None,
            };
        }
        Some(ProjectorRequest::Index(index)) if *index < monitors.len() => {
            return Resolution {
                placement: Placement::Monitor(*index),
                notice: None,
            };
        }
        Some(ProjectorRequest::Name(name)) => {
            if let Some(index) = by_name(name) {
                return Resolution {
                    placement: Placement::Monitor(index),
                    notice: None,
                };
            }
            notice = Some(format!("projector monitor “{name}” is not connected"));
        }
        Some(ProjectorRequest::Index(index)) => {
            notice = Some(format!(
                "projector monitor {index} does not exist ({} connected)",
                monitors.len()
            ));
        }
        None => {
            if let Some(name) = remembered {
                if let Some(index) = by_name(name) {
                    return Resolution {
                        placement: Placement::Monitor(index),
                        notice: None,
                    };
                }
                if monitors.len() > 1 {
                    notice = Some(format!(
                        "the remembered projector “{name}” is not connected"
                    ));
                }
            }
        }
    }
    let laptop = laptop.unwrap_or(0);
    let placement = if monitors.len() > 1 {
        let index = (0..monitors.len())
            .find(|&index| index != laptop)
            .unwrap_or(0);
        Placement::Monitor(index)
    } else {
        Placement::Windowed
    };
    let notice = notice.map(|text| match &placement {
        Placement::Monitor(index) => format!("{text}: using {}", monitors[*index].label(*index)),
        _ => format!("{text}: projector in a window"),
    });
    Resolution { placement, notice }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desk() -> Vec<MonitorInfo> {
        vec![
            MonitorInfo {
                name: "eDP-1".into(),
                size: (1920, 1080),
                position: (0, 0),
            },
            MonitorInfo {
                name: "HDMI-1".into(),
                size: (1280, 720),
                position: (1920, 0),
            },
        ]
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn placement_table() {
        let monitors = desk();
        let one = &monitors[..1];
        let name = |text: &str| ProjectorRequest::Name(text.into());
        let cases: Vec<(
            &[MonitorInfo],
            Option<ProjectorRequest>,
            Option<&str>,
            Placement,
            bool,
        )> = vec![
            (&monitors, None, None, Placement::Monitor(1), false),
            (
                &monitors,
                Some(ProjectorRequest::Off),
                None,
                Placement::Off,
                false,
            ),
            (
                &monitors,
                Some(ProjectorRequest::Index(0)),
                None,
                Placement::Monitor(0),
                false,
            ),
            (
                &monitors,
                Some(ProjectorRequest::Index(5)),
                None,
                Placement::Monitor(1),
                true,
            ),
            (
                &monitors,
                Some(name("HDMI-1")),
                None,
                Placement::Monitor(1),
                false,
            ),
            (
                &monitors,
                Some(name("DP-3")),
                None,
                Placement::Monitor(1),
                true,
            ),
            (&monitors, None, Some("eDP-1"), Placement::Monitor(0), false),
            (&monitors, None, Some("DP-3"), Placement::Monitor(1), true),
            (one, None, Some("HDMI-1"), Placement::Windowed, false),
            (one, None, None, Placement::Windowed, false),
            (&[], None, None, Placement::Windowed, false),
        ];
        for (monitors, request, remembered, expected, has_notice) in cases {
            let resolution = resolve(monitors, request.as_ref(), remembered, Some(0));
            assert_eq!(resolution.placement, expected, "{request:?} {remembered:?}");
            assert_eq!(resolution.notice.is_some(), has_notice, "{resolution:?}");
        }
    }

    #[test]
    fn request_parses() {
        assert_eq!("off".parse(), Ok(ProjectorRequest::Off));
        assert_eq!("1".parse(), Ok(ProjectorRequest::Index(1)));
        assert_eq!(
            "HDMI-1".parse(),
            Ok(ProjectorRequest::Name("HDMI-1".into()))
        );
    }
}
