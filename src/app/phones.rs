//! The phones' server as the app runs it: started by `--serve` or View -> Phones…, fed a
//! [`Snapshot`] whenever what it shows changes, and its remote's commands turned into the
//! commands the laptop's keys give, applied by the same [`PechaApp::apply`].
//!
//! All of it runs in `logic`, on frames the app paints anyway: publishing is a compare and, on
//! a change, a swap under a lock; the server's threads do the rest (`crate::phones::server`).

use std::collections::HashSet;
use std::time::Duration;

use super::PechaApp;
use crate::night::progress::Stage;
use crate::phones::server::PhoneServer;
use crate::phones::{
    Countdown, NightSnapshot, PhoneState, Pictures, QrGrid, RemoteCommand, ServeAddr, Snapshot,
    reachable_host,
};
use crate::timing::TalkState;
use crate::ui::phones::{PhonesModel, ServingModel};
use crate::ui::{Command, NightCommand, PhonesCommand};

/// The server and its dialog.
#[derive(Default)]
pub(super) struct Phones {
    serving: Option<Serving>,
    dialog_open: bool,
    problem: Option<String>,
    /// Where to listen: `--serve`'s address, else every interface on the default port.
    bind: ServeAddr,
}

/// A running server and what the app last told it.
struct Serving {
    server: PhoneServer,
    links: PhoneLinks,
    speaker_qr: Option<QrGrid>,
    remote_qr: Option<QrGrid>,
    last: Option<Snapshot>,
    /// Slide pictures handed over, by deck generation and slide.
    pictures_sent: HashSet<(u64, usize)>,
}

/// Where phones find the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneLinks {
    /// The address it listens on (with the real port).
    pub addr: std::net::SocketAddr,
    /// The speaker view, key included: `http://HOST:PORT/?k=KEY`.
    pub speaker: String,
    /// The remote, key included: `http://HOST:PORT/remote?k=KEY2`.
    pub remote: String,
    /// The key that watches.
    pub speaker_key: String,
    /// The key that acts.
    pub remote_key: String,
}

impl Phones {
    pub(super) fn new(bind: Option<ServeAddr>) -> Self {
        Self {
            bind: bind.unwrap_or_default(),
            ..Self::default()
        }
    }
}

impl PechaApp {
    /// Where phones find the server, while it runs (tests and tools).
    #[must_use]
    pub fn phone_links(&self) -> Option<&PhoneLinks> {
        self.phones.serving.as_ref().map(|serving| &serving.links)
    }

    pub(super) fn apply_phones(&mut self, command: PhonesCommand) {
        match command {
            PhonesCommand::ShowDialog(open) => self.phones.dialog_open = open,
            PhonesCommand::Serve => self.serve_phones(),
            PhonesCommand::Stop => {
                if self.phones.serving.take().is_some() {
                    log::info!("phones: stopped serving");
                }
            }
        }
    }

    /// Start the server with new keys and print its two addresses; a failure (the port is
    /// taken) is shown in the dialog and logged, and the show goes on.
    pub(super) fn serve_phones(&mut self) {
        if self.phones.serving.is_some() {
            return;
        }
        let waker = std::sync::Arc::clone(&self.waker);
        match PhoneServer::start(
            self.phones.bind.0,
            std::sync::Arc::clone(&self.clock),
            waker,
        ) {
            Ok(server) => {
                let addr = server.addr();
                let host = reachable_host(addr);
                let host = match host {
                    std::net::IpAddr::V6(ip) => format!("[{ip}]"),
                    std::net::IpAddr::V4(ip) => ip.to_string(),
                };
                let port = addr.port();
                let links = PhoneLinks {
                    addr,
                    speaker: format!("http://{host}:{port}/?k={}", server.speaker_key()),
                    remote: format!("http://{host}:{port}/remote?k={}", server.remote_key()),
                    speaker_key: server.speaker_key().to_owned(),
                    remote_key: server.remote_key().to_owned(),
                };
                // Printed for the host (and for scripts that start Pecha): one line each.
                println!("speaker view: {}", links.speaker);
                println!("remote: {}", links.remote);
                log::info!("phones: serving on {addr}");
                self.phones.problem = None;
                self.phones.serving = Some(Serving {
                    speaker_qr: QrGrid::of(&links.speaker),
                    remote_qr: QrGrid::of(&links.remote),
                    server,
                    links,
                    last: None,
                    pictures_sent: HashSet::new(),
                });
                self.feed_phones(self.clock.now());
            }
            Err(error) => {
                log::warn!("{error}");
                self.phones.problem = Some(error.to_string());
                self.phones.dialog_open = true;
            }
        }
    }

    /// Apply what the remote asked for, then tell the phones what changed: the snapshot when it
    /// differs from the last one, and the pictures of slides decoded since.
    pub(super) fn poll_phones(&mut self, ctx: &egui::Context, now: Duration) {
        let Some(serving) = &self.phones.serving else {
            return;
        };
        let mut remote = Vec::new();
        while let Some(command) = serving.server.try_command() {
            remote.push(command);
        }
        for command in remote {
            log::info!("phones: the remote asks for {command:?}");
            match self.command_from_remote(command, now) {
                Some(command) => self.apply(ctx, command),
                None => log::debug!("phones: {command:?} does nothing now"),
            }
        }
        self.feed_phones(self.clock.now());
    }

    fn feed_phones(&mut self, now: Duration) {
        let snapshot = self.phone_snapshot(now);
        let Some(serving) = &mut self.phones.serving else {
            return;
        };
        if serving.last.as_ref() != Some(&snapshot) {
            serving.server.publish(snapshot.clone());
            serving.last = Some(snapshot);
        }
        let (generation, copies) = self.slides.phone_copies();
        serving
            .pictures_sent
            .retain(|(sent_generation, _)| *sent_generation == generation);
        for (slide, image) in copies {
            if serving.pictures_sent.insert((generation, slide)) {
                serving
                    .server
                    .publish_picture(generation, slide, image.clone());
            }
        }
    }

    /// The laptop's command for what the remote asked, or `None` when it does nothing now
    /// ("pause" while paused, "skip" of an item that is no longer up).
    fn command_from_remote(&self, command: RemoteCommand, now: Duration) -> Option<Command> {
        let state = self.shown_state(now).0;
        match command {
            RemoteCommand::Start => Some(Command::Start),
            RemoteCommand::Pause => (state == TalkState::Running).then_some(Command::TogglePause),
            RemoteCommand::Resume => (state == TalkState::Paused).then_some(Command::TogglePause),
            RemoteCommand::TogglePause => matches!(state, TalkState::Running | TalkState::Paused)
                .then_some(Command::TogglePause),
            RemoteCommand::Blackout => Some(Command::ToggleBlackout),
            RemoteCommand::RestartSlide => matches!(state, TalkState::Running | TalkState::Paused)
                .then_some(Command::RestartSlide),
            RemoteCommand::Skip { item } => self
                .mode
                .night()
                .filter(|hosting| hosting.progress.current_item() == Some(item))
                .map(|_| Command::Night(NightCommand::Skip(item))),
        }
    }

    /// What the phones are shown now. Deadlines rather than time left, so that it only changes
    /// when something visible does.
    fn phone_snapshot(&self, now: Duration) -> Snapshot {
        let (talk_state, slide, slide_remaining) = self.shown_state(now);
        let talk_remaining = self.talk.talk_remaining(now);
        let counting = talk_state == TalkState::Running && self.lead_in_until.is_none();
        let countdown = |remaining: Duration| {
            if counting {
                Countdown::Until(now + remaining)
            } else {
                Countdown::Stopped(remaining)
            }
        };
        let mut state = match talk_state {
            _ if self.lead_in_until.is_some() => PhoneState::CountingIn,
            TalkState::Ready => PhoneState::Ready,
            TalkState::Running => PhoneState::Running,
            TalkState::Paused => PhoneState::Paused,
            TalkState::Finished => PhoneState::Finished,
        };
        let mut title = self.deck.title.clone();
        let mut presenter = self.deck.presenter.clone();
        let night = self.mode.night().map(|hosting| {
            let item = hosting.progress.current_item();
            let mut break_left = None;
            match hosting.progress.stage {
                Stage::Card { .. } => state = PhoneState::Card,
                Stage::Break { .. } => {
                    state = PhoneState::Break;
                    break_left = hosting.break_ends.map(Countdown::Until);
                }
                Stage::End => state = PhoneState::End,
                Stage::Talk { .. } => {}
            }
            if let Some((billed_presenter, billed_title)) = hosting.billing() {
                billed_presenter.clone_into(&mut presenter);
                if !billed_title.is_empty() {
                    billed_title.clone_into(&mut title);
                }
            }
            NightSnapshot {
                title: hosting.night.title.clone(),
                item,
                place: item.map_or(0, |item| hosting.position_of(item) + 1),
                items: hosting.progress.order.len(),
                name: item.map(|item| hosting.talk_name(item)).unwrap_or_default(),
                next_name: item
                    .and_then(|item| hosting.waiting_after(item))
                    .map(|next| hosting.talk_name(next))
                    .unwrap_or_default(),
                break_left,
            }
        });
        let timing = self.talk.timing();
        Snapshot {
            state,
            slide,
            slides: timing.slide_count,
            slide_length: timing.slide_length,
            slide_left: countdown(slide_remaining),
            talk_left: countdown(talk_remaining),
            title,
            presenter,
            notes: self
                .deck
                .slides
                .get(slide.wrapping_sub(1))
                .map(|slide| slide.notes.clone())
                .unwrap_or_default(),
            pictures: Pictures {
                generation: self.slides.phone_copies().0,
            },
            blackout: self.projector.blackout,
            night,
        }
    }

    pub(super) fn phones_model(&self) -> Option<PhonesModel<'_>> {
        if !self.phones.dialog_open {
            return None;
        }
        Some(PhonesModel {
            serving: self.phones.serving.as_ref().map(|serving| ServingModel {
                speaker_url: &serving.links.speaker,
                remote_url: &serving.links.remote,
                speaker_qr: serving.speaker_qr.as_ref(),
                remote_qr: serving.remote_qr.as_ref(),
                connected: serving.server.connected(),
            }),
            problem: self.phones.problem.as_deref(),
            bind: self.phones.bind.to_string(),
        })
    }
}
