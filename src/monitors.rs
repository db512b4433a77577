//! Which monitor gets the projector window, and what to do when monitors come and go.
//!
//! Hosts plug the projector in minutes before doors open, often into another port than at the
//! rehearsal, so the choice is remembered by monitor *name* and resolved again at every start:
//! the command line wins, then the remembered name, then the first monitor that is not the
//! laptop's, and with a single monitor the projector opens as a normal window ([`resolve`]).
//!
//! At a venue the cable is wiggled and the projector switches inputs mid-talk, so the app lists
//! the monitors again while it runs and hands each list to a [`MonitorWatch`]: a pure state
//! machine (no egui, no window system) that says what the projector window must do (stay, hide
//! because its monitor is gone, return to it when it is back) and what to tell the host. Left to
//! the window system, a fullscreen window whose monitor goes is moved onto the one that is left,
//! the laptop's, over the presenter view; a monitor plugged in is only ever offered, never used
//! by itself.

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
            notice = Some(crate::tr!("monitor-not-connected", monitor = name.as_str()));
        }
        Some(ProjectorRequest::Index(index)) => {
            notice = Some(crate::tr!(
                "monitor-no-such-index",
                index = (*index),
                connected = monitors.len()
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
                    notice = Some(crate::tr!("monitor-remembered-gone", monitor = name));
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
        Placement::Monitor(index) => crate::tr!(
            "monitor-using",
            problem = text,
            monitor = monitors[*index].label(*index)
        ),
        _ => crate::tr!("monitor-windowed", problem = text),
    });
    Resolution { placement, notice }
}

/// What the projector is set to, as the app holds it: the input of [`MonitorWatch::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectorWants {
    /// Its monitor, by name: fullscreen there, or a window on it. Also while its window is
    /// closed, so that it goes back there when it opens.
    Monitor(String),
    /// A normal window with no monitor of its own (a single screen).
    Windowed,
    /// No projector window (`--projector off`).
    Off,
}

/// What the projector window must do after a new listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Nothing: it stays where it is (its monitor's index may have changed: see
    /// [`Update::projector`]).
    Stay,
    /// Its monitor is gone: take the window off the screens (left alone, the window system moves
    /// it onto the laptop's screen) until that monitor is back.
    Hide {
        /// The monitor that went.
        gone: String,
    },
    /// The monitor it waited for is back: put the window there again, as it was.
    Return {
        /// Its index in the new listing.
        index: usize,
    },
}

/// What the host is told after a new listing; the app puts it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tell {
    /// The projector's monitor went; the talk goes on, the window comes back with the monitor.
    ProjectorGone {
        /// Its name.
        name: String,
    },
    /// The projector's monitor is back and the window with it.
    ProjectorBack {
        /// Its name.
        name: String,
    },
    /// A monitor was plugged in: offered in the Projector menu, not used.
    Plugged {
        /// Its index in the new listing.
        index: usize,
        /// Its name.
        name: String,
    },
    /// A monitor the projector was not on was unplugged.
    Unplugged {
        /// Its name.
        name: String,
    },
}

/// The outcome of a listing that changed something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// What the projector window must do.
    pub step: Step,
    /// The index of the projector's monitor in the new listing (`None`: gone, or it has none).
    pub projector: Option<usize>,
    /// Monitors plugged in since the last listing, by index: offered, never used by themselves.
    pub offered: Vec<usize>,
    /// What to tell the host, in order.
    pub tell: Vec<Tell>,
}

/// Follows the monitors from one listing to the next. The first listing is the one the
/// projector was placed on; after that, each [`update`](Self::update) compares the new
/// listing with the last one, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonitorWatch {
    listed: Vec<MonitorInfo>,
    /// The projector's monitor, gone: the window is hidden until it is back.
    gone: Option<String>,
    /// Monitors plugged in during this run and not chosen since, by name.
    plugged: Vec<String>,
}

impl MonitorWatch {
    /// Start from the monitors listed when the window opened.
    #[must_use]
    pub fn new(listed: Vec<MonitorInfo>) -> Self {
        Self {
            listed,
            gone: None,
            plugged: Vec::new(),
        }
    }

    /// The monitors of the last listing.
    #[must_use]
    pub fn listed(&self) -> &[MonitorInfo] {
        &self.listed
    }

    /// The index of the monitor named `name` in the last listing.
    #[must_use]
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.listed.iter().position(|monitor| monitor.name == name)
    }

    /// The projector's monitor, while it is gone and the window waits for it.
    #[must_use]
    pub fn gone(&self) -> Option<&str> {
        self.gone.as_deref()
    }

    /// Whether the monitor at `index` was plugged in during this run and not chosen since.
    #[must_use]
    pub fn is_plugged_in_lately(&self, index: usize) -> bool {
        self.listed
            .get(index)
            .is_some_and(|monitor| self.plugged.contains(&monitor.name))
    }

    /// The monitors plugged in during this run and not chosen since, by name.
    #[must_use]
    pub fn plugged(&self) -> &[String] {
        &self.plugged
    }

    /// The host chose the monitor named `name` for the projector: it is no longer news, and a
    /// monitor the projector waited for is not waited for any more.
    pub fn chosen(&mut self, name: &str) {
        self.plugged.retain(|plugged| plugged != name);
        if self.gone.as_deref() != Some(name) {
            self.gone = None;
        }
    }

    /// Take a new listing. `None` when nothing changed (the same monitors, and the projector
    /// where the watch last saw it); else what the projector window must do and what to tell.
    pub fn update(&mut self, listed: Vec<MonitorInfo>, wants: &ProjectorWants) -> Option<Update> {
        let wanted = match wants {
            ProjectorWants::Monitor(name) => Some(name.as_str()),
            ProjectorWants::Windowed | ProjectorWants::Off => None,
        };
        if self
            .gone
            .as_deref()
            .is_some_and(|gone| Some(gone) != wanted)
        {
            // The projector was given another place meanwhile: nothing to wait for.
            self.gone = None;
        }
        if listed == self.listed {
            return None;
        }
        let was_there = |name: &str| self.listed.iter().any(|monitor| monitor.name == name);
        let is_there = |name: &str| listed.iter().any(|monitor| monitor.name == name);
        let projector = wanted.and_then(|name| listed.iter().position(|m| m.name == name));
        let mut tell = Vec::new();
        let step = match (wanted, projector) {
            (Some(name), None) if self.gone.is_none() => {
                self.gone = Some(name.to_owned());
                tell.push(Tell::ProjectorGone {
                    name: name.to_owned(),
                });
                Step::Hide {
                    gone: name.to_owned(),
                }
            }
            (Some(name), Some(index)) if self.gone.as_deref() == Some(name) => {
                self.gone = None;
                tell.push(Tell::ProjectorBack {
                    name: name.to_owned(),
                });
                Step::Return { index }
            }
            _ => Step::Stay,
        };
        let mut offered = Vec::new();
        for (index, monitor) in listed.iter().enumerate() {
            if Some(monitor.name.as_str()) != wanted && !was_there(&monitor.name) {
                offered.push(index);
                if !self.plugged.contains(&monitor.name) {
                    self.plugged.push(monitor.name.clone());
                }
                tell.push(Tell::Plugged {
                    index,
                    name: monitor.name.clone(),
                });
            }
        }
        for monitor in &self.listed {
            if Some(monitor.name.as_str()) != wanted && !is_there(&monitor.name) {
                tell.push(Tell::Unplugged {
                    name: monitor.name.clone(),
                });
            }
        }
        self.plugged.retain(|name| is_there(name));
        self.listed = listed;
        Some(Update {
            step,
            projector,
            offered,
            tell,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
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

    fn monitor(name: &str, x: i32) -> MonitorInfo {
        MonitorInfo {
            name: name.into(),
            size: (1920, 1080),
            position: (x, 0),
        }
    }

    fn on(name: &str) -> ProjectorWants {
        ProjectorWants::Monitor(name.into())
    }

    #[test]
    fn the_same_listing_changes_nothing() {
        let mut watch = MonitorWatch::new(desk());
        assert_eq!(watch.update(desk(), &on("HDMI-1")), None);
        assert_eq!(watch.listed(), desk());
        assert_eq!(watch.index_of("HDMI-1"), Some(1));
        assert_eq!(watch.gone(), None);
    }

    #[test]
    fn the_projectors_monitor_gone_hides_the_window_once_and_back_returns_it() {
        let mut watch = MonitorWatch::new(desk());
        let laptop_only = desk()[..1].to_vec();
        let gone = watch.update(laptop_only.clone(), &on("HDMI-1")).unwrap();
        assert_eq!(
            gone.step,
            Step::Hide {
                gone: "HDMI-1".into()
            }
        );
        assert_eq!(gone.projector, None);
        assert_eq!(
            gone.tell,
            [Tell::ProjectorGone {
                name: "HDMI-1".into()
            }]
        );
        assert_eq!(watch.gone(), Some("HDMI-1"));
        // Listed again without it: still gone, nothing new to do or say.
        assert_eq!(watch.update(laptop_only, &on("HDMI-1")), None);
        let back = watch.update(desk(), &on("HDMI-1")).unwrap();
        assert_eq!(back.step, Step::Return { index: 1 });
        assert_eq!(back.projector, Some(1));
        assert_eq!(
            back.tell,
            [Tell::ProjectorBack {
                name: "HDMI-1".into()
            }]
        );
        assert!(back.offered.is_empty(), "its own monitor is not offered");
        assert_eq!(watch.gone(), None);
    }

    #[test]
    fn the_projector_goes_back_by_name_even_at_another_index() {
        let mut watch = MonitorWatch::new(desk());
        watch.update(desk()[..1].to_vec(), &on("HDMI-1"));
        // Back, but listed first this time (another port order, another position).
        let back = watch
            .update(
                vec![monitor("HDMI-1", 0), monitor("eDP-1", 1920)],
                &on("HDMI-1"),
            )
            .unwrap();
        assert_eq!(back.step, Step::Return { index: 0 });
    }

    #[test]
    fn another_monitor_plugged_is_offered_never_used() {
        let mut watch = MonitorWatch::new(desk());
        let three = vec![
            monitor("eDP-1", 0),
            monitor("HDMI-1", 1920),
            monitor("DP-2", 3840),
        ];
        let plugged = watch.update(three.clone(), &on("HDMI-1")).unwrap();
        assert_eq!(plugged.step, Step::Stay);
        assert_eq!(plugged.projector, Some(1));
        assert_eq!(plugged.offered, [2]);
        assert_eq!(
            plugged.tell,
            [Tell::Plugged {
                index: 2,
                name: "DP-2".into()
            }]
        );
        assert!(watch.is_plugged_in_lately(2));
        assert!(!watch.is_plugged_in_lately(1));
        watch.chosen("DP-2");
        assert!(
            !watch.is_plugged_in_lately(2),
            "chosen, it is no longer news"
        );
        // A single screen (projector windowed) gets its projector plugged in: offered too.
        let mut single = MonitorWatch::new(desk()[..1].to_vec());
        let offered = single.update(desk(), &ProjectorWants::Windowed).unwrap();
        assert_eq!(offered.step, Step::Stay);
        assert_eq!(offered.offered, [1]);
    }

    #[test]
    fn the_projectors_monitor_back_under_another_name_is_only_offered() {
        let mut watch = MonitorWatch::new(desk());
        watch.update(desk()[..1].to_vec(), &on("HDMI-1"));
        let other_port = watch
            .update(
                vec![monitor("eDP-1", 0), monitor("HDMI-2", 1920)],
                &on("HDMI-1"),
            )
            .unwrap();
        assert_eq!(other_port.step, Step::Stay);
        assert_eq!(other_port.offered, [1]);
        assert_eq!(watch.gone(), Some("HDMI-1"), "still waiting for its own");
        watch.chosen("HDMI-2");
        assert_eq!(watch.gone(), None, "chosen instead: nothing to wait for");
    }

    #[test]
    fn indices_shift_when_a_monitor_before_the_projectors_goes() {
        let three = vec![
            monitor("DP-1", 0),
            monitor("eDP-1", 1920),
            monitor("HDMI-1", 3840),
        ];
        let mut watch = MonitorWatch::new(three);
        let shifted = watch.update(desk(), &on("HDMI-1")).unwrap();
        assert_eq!(
            shifted.step,
            Step::Stay,
            "the window is still on its monitor"
        );
        assert_eq!(shifted.projector, Some(1));
        assert_eq!(
            shifted.tell,
            [Tell::Unplugged {
                name: "DP-1".into()
            }]
        );
        assert_eq!(watch.index_of("HDMI-1"), Some(1));
    }

    #[test]
    fn a_projector_without_a_monitor_of_its_own_never_moves() {
        for wants in [ProjectorWants::Windowed, ProjectorWants::Off] {
            let mut watch = MonitorWatch::new(desk());
            let update = watch.update(desk()[..1].to_vec(), &wants).unwrap();
            assert_eq!(update.step, Step::Stay, "{wants:?}");
            assert_eq!(
                update.tell,
                [Tell::Unplugged {
                    name: "HDMI-1".into()
                }]
            );
            let back = watch.update(desk(), &wants).unwrap();
            assert_eq!(back.step, Step::Stay, "{wants:?}");
            assert_eq!(back.offered, [1], "offered again, not used: {wants:?}");
        }
    }

    #[test]
    fn a_projector_given_another_monitor_stops_waiting_for_the_gone_one() {
        let mut watch = MonitorWatch::new(desk());
        watch.update(desk()[..1].to_vec(), &on("HDMI-1"));
        assert_eq!(watch.update(desk()[..1].to_vec(), &on("eDP-1")), None);
        assert_eq!(watch.gone(), None);
        let back = watch.update(desk(), &on("eDP-1")).unwrap();
        assert_eq!(back.step, Step::Stay, "HDMI-1 back is only offered now");
        assert_eq!(back.offered, [1]);
    }

    #[test]
    fn every_monitor_gone_and_back() {
        let mut watch = MonitorWatch::new(desk());
        let none = watch.update(Vec::new(), &on("HDMI-1")).unwrap();
        assert!(matches!(none.step, Step::Hide { .. }));
        let back = watch.update(desk(), &on("HDMI-1")).unwrap();
        assert_eq!(back.step, Step::Return { index: 1 });
        assert_eq!(back.offered, [0], "the laptop's screen came back too");
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
