//! Phones on the venue's Wi-Fi: the speaker's view and the host's remote, served as a small web
//! page by Pecha itself (issue #19).
//!
//! The talk's timing never waits on the network: the app publishes a [`Snapshot`] of what it
//! shows whenever that changes, the [`server`] (on its own threads) turns it into JSON for each
//! phone, and the remote's buttons come back as [`RemoteCommand`]s that the app turns into the
//! same commands its keys give (`src/app/phones.rs`). Nothing here imports egui.
//!
//! A snapshot holds deadlines on the app's clock, not "time left": it changes only when something
//! visible changes (a slide, a pause), not on every frame, and each message is stamped with the
//! clock when it is sent, so a phone counts down by itself and stays in step with the projector.

pub mod pictures;
pub mod server;

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The port phones connect to when `--serve` names none.
pub const DEFAULT_PORT: u16 = 7820;

/// Where the server listens: `--serve [ADDR:]PORT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeAddr(pub SocketAddr);

impl Default for ServeAddr {
    /// Every interface, so the phones on the venue's Wi-Fi reach it.
    fn default() -> Self {
        Self(SocketAddr::new(
            IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            DEFAULT_PORT,
        ))
    }
}

/// `--serve` was given something that is neither a port nor an address with a port.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected PORT or ADDR:PORT (e.g. 7820 or 192.168.1.20:7820), got {0:?}")]
pub struct BadServeAddr(String);

impl FromStr for ServeAddr {
    type Err = BadServeAddr;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if let Ok(port) = text.parse::<u16>() {
            return Ok(Self(SocketAddr::new(
                IpAddr::V4(Ipv4Addr::UNSPECIFIED),
                port,
            )));
        }
        text.parse::<SocketAddr>()
            .map(Self)
            .map_err(|_| BadServeAddr(text.to_owned()))
    }
}

impl fmt::Display for ServeAddr {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(formatter)
    }
}

/// The host name to put in the addresses phones open: the address they can reach. Listening on
/// every interface, that is this machine's LAN address, found by asking the OS which local
/// address would route to the outside (a UDP "connect" sends nothing); without a network,
/// loopback.
#[must_use]
pub fn reachable_host(bound: SocketAddr) -> IpAddr {
    if !bound.ip().is_unspecified() {
        return bound.ip();
    }
    lan_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    // TEST-NET-1 (RFC 5737): never answered, and a UDP connect only picks the route.
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified()).then_some(ip)
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A 128-bit random key, as 32 hex digits (safe in a URL as it is).
#[derive(Clone, PartialEq, Eq)]
pub struct Key(String);

impl Key {
    /// A new key from the operating system's random numbers.
    pub fn random() -> Result<Self, getrandom::Error> {
        let mut bytes = [0_u8; 16];
        getrandom::fill(&mut bytes)?;
        Ok(Self(bytes.iter().fold(
            String::with_capacity(32),
            |mut hex, byte| {
                hex.push(char::from(HEX[usize::from(byte >> 4)]));
                hex.push(char::from(HEX[usize::from(byte & 0xf)]));
                hex
            },
        )))
    }

    /// The key as it goes into an address.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `given` is this key, in time that does not depend on where they differ (a phone
    /// on the Wi-Fi must not learn the key digit by digit from response times).
    #[must_use]
    pub fn matches(&self, given: &str) -> bool {
        constant_time_eq(self.0.as_bytes(), given.as_bytes())
    }
}

impl fmt::Debug for Key {
    /// Keys stay out of logs.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Key(..)")
    }
}

/// Equal bytes, compared without an early exit. The length is not secret (always 32).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(difference) == 0
}

/// What the phones may be told is happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneState {
    /// A talk is armed, its title card up.
    Ready,
    /// The 3-2-1 lead-in.
    CountingIn,
    /// The slides are running.
    Running,
    /// Paused by the host.
    Paused,
    /// The talk is over.
    Finished,
    /// A night: the card of the next item is up.
    Card,
    /// A night: the break is under way.
    Break,
    /// A night: every item is done.
    End,
}

/// A countdown as of the snapshot: running towards a deadline on the app's clock, or stopped
/// with some time left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    /// Counting down to this clock reading.
    Until(Duration),
    /// Not counting: this much left.
    Stopped(Duration),
}

impl Countdown {
    /// Milliseconds left at `now`.
    #[must_use]
    pub fn ms_left(self, now: Duration) -> u64 {
        let left = match self {
            Self::Until(deadline) => deadline.saturating_sub(now),
            Self::Stopped(left) => left,
        };
        u64::try_from(left.as_millis()).unwrap_or(u64::MAX)
    }

    /// The deadline in server milliseconds, while counting.
    #[must_use]
    pub fn ends_at_ms(self) -> Option<u64> {
        match self {
            Self::Until(deadline) => Some(u64::try_from(deadline.as_millis()).unwrap_or(u64::MAX)),
            Self::Stopped(_) => None,
        }
    }
}

/// The night's part of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NightSnapshot {
    /// The night's name.
    pub title: String,
    /// The item whose card is up or which is under way, 0-based in the night file (what
    /// `skip` takes); `None` at the end.
    pub item: Option<usize>,
    /// Its place in the running order, 1-based.
    pub place: usize,
    /// Items in the running order.
    pub items: usize,
    /// How the console names it ("3. Name" or "break").
    pub name: String,
    /// How the console names the item after it, if any.
    pub next_name: String,
    /// The break's countdown, while one is under way.
    pub break_left: Option<Countdown>,
}

/// Everything the phones are shown, as of one moment: published by the app whenever it
/// changes, and stamped with the clock only when a message is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// What is happening.
    pub state: PhoneState,
    /// The slide on screen, 1-based.
    pub slide: usize,
    /// Slides in the format.
    pub slides: usize,
    /// Length of one slide.
    pub slide_length: Duration,
    /// The current slide's countdown.
    pub slide_left: Countdown,
    /// The whole talk's countdown.
    pub talk_left: Countdown,
    /// The talk's title.
    pub title: String,
    /// Who speaks.
    pub presenter: String,
    /// The current slide's notes.
    pub notes: String,
    /// Whether the current and next slide have pictures (`/slide/N.jpg`).
    pub pictures: Pictures,
    /// The projector is blacked out.
    pub blackout: bool,
    /// A night's item, card or break.
    pub night: Option<NightSnapshot>,
}

/// Which deck the slide pictures are of: a new deck is a new generation, so a phone that cached
/// `/slide/3.jpg` asks again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Pictures {
    /// Changes with the deck.
    pub generation: u64,
}

impl Snapshot {
    /// The message phones get, as of `now` on the app's clock.
    #[must_use]
    pub fn message(&self, now: Duration) -> StateMessage<'_> {
        let counting = matches!(self.slide_left, Countdown::Until(_));
        StateMessage {
            state: self.state,
            slide: self.slide,
            slides: self.slides,
            slide_length_ms: u64::try_from(self.slide_length.as_millis()).unwrap_or(u64::MAX),
            counting,
            slide_ends_in_ms: self.slide_left.ms_left(now),
            talk_ends_in_ms: self.talk_left.ms_left(now),
            slide_ends_at_ms: self.slide_left.ends_at_ms(),
            server_ms: u64::try_from(now.as_millis()).unwrap_or(u64::MAX),
            title: &self.title,
            presenter: &self.presenter,
            notes: &self.notes,
            pictures: self.pictures.generation,
            blackout: self.blackout,
            night: self.night.as_ref().map(|night| NightMessage {
                title: &night.title,
                item: night.item,
                place: night.place,
                items: night.items,
                name: &night.name,
                next_name: &night.next_name,
                break_ends_in_ms: night.break_left.map(|left| left.ms_left(now)),
            }),
        }
    }
}

/// The JSON of `/api/state` and of each `/api/events` message (documented in the README).
#[derive(Debug, Serialize)]
pub struct StateMessage<'a> {
    /// `ready`, `counting_in`, `running`, `paused`, `finished`, `card`, `break`, `end`.
    pub state: PhoneState,
    /// The slide on screen, 1-based.
    pub slide: usize,
    /// Slides in the format.
    pub slides: usize,
    /// Length of one slide.
    pub slide_length_ms: u64,
    /// Whether the countdowns are running (else they stand still).
    pub counting: bool,
    /// Time left on this slide when the message was sent.
    pub slide_ends_in_ms: u64,
    /// Time left in the talk when the message was sent.
    pub talk_ends_in_ms: u64,
    /// When this slide ends, on the server's clock, while counting.
    pub slide_ends_at_ms: Option<u64>,
    /// The server's clock when the message was sent (milliseconds since Pecha started).
    pub server_ms: u64,
    /// The talk's title.
    pub title: &'a str,
    /// Who speaks.
    pub presenter: &'a str,
    /// The current slide's notes.
    pub notes: &'a str,
    /// Changes with the deck: `/slide/N.jpg?k=KEY&g=THIS` is worth fetching again.
    pub pictures: u64,
    /// The projector is blacked out.
    pub blackout: bool,
    /// A night's item, card or break; `null` for a single talk.
    pub night: Option<NightMessage<'a>>,
}

/// The night's part of [`StateMessage`].
#[derive(Debug, Serialize)]
pub struct NightMessage<'a> {
    /// The night's name.
    pub title: &'a str,
    /// The item up now, 0-based in the night file (what `skip` takes).
    pub item: Option<usize>,
    /// Its place in the running order, 1-based.
    pub place: usize,
    /// Items in the running order.
    pub items: usize,
    /// How the console names it.
    pub name: &'a str,
    /// How the console names the next one.
    pub next_name: &'a str,
    /// Time left in the break under way.
    pub break_ends_in_ms: Option<u64>,
}

/// What the remote (or a script) may ask for: the laptop's keys that are safe from a pocket.
/// There is no "next slide": the format forbids advancing a running talk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
// Other fields are ignored, so a script written for a later Pecha still pauses this one.
#[serde(tag = "command", rename_all = "snake_case")]
pub enum RemoteCommand {
    /// Start what is armed (the talk, or the night's item whose card is up), as Space does.
    Start,
    /// Pause a running talk; nothing otherwise.
    Pause,
    /// Resume a paused talk; nothing otherwise.
    Resume,
    /// Pause or resume, as P does.
    TogglePause,
    /// Black out the projector, or bring the picture back, as B does.
    Blackout,
    /// Give the current slide its full time again, as R does.
    RestartSlide,
    /// Skip this item of the night (0-based in the night file); nothing if another is up, so
    /// a late tap never skips the next speaker. The page asks first, as the console does.
    Skip {
        /// The item the phone showed when the host said yes.
        item: usize,
    },
}

/// A QR code as a grid of squares, for the dialog to paint (no image to make or upload).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrGrid {
    /// Squares per side.
    pub width: usize,
    /// Row by row, `true` for dark.
    pub dark: Vec<bool>,
}

impl QrGrid {
    /// The code of `text`; `None` if it is too long for a QR code (an address never is).
    #[must_use]
    pub fn of(text: &str) -> Option<Self> {
        let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
        Some(Self {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|colour| colour == qrcode::Color::Dark)
                .collect(),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_address_makes_a_square_qr_code() {
        let grid = QrGrid::of("http://192.168.1.20:7820/remote?k=0123456789abcdef0123456789abcdef")
            .unwrap();
        assert_eq!(grid.dark.len(), grid.width * grid.width);
        assert!(grid.dark.iter().any(|dark| *dark));
    }

    #[test]
    fn serve_addresses() {
        assert_eq!(
            "7821".parse::<ServeAddr>().unwrap().0,
            "0.0.0.0:7821".parse().unwrap()
        );
        assert_eq!(
            "127.0.0.1:0".parse::<ServeAddr>().unwrap().0,
            "127.0.0.1:0".parse().unwrap()
        );
        assert!("[::1]:80".parse::<ServeAddr>().is_ok());
        assert!("phone".parse::<ServeAddr>().is_err());
        assert!("70000".parse::<ServeAddr>().is_err());
    }

    #[test]
    fn keys_are_new_and_compared_whole() {
        let key = Key::random().unwrap();
        let other = Key::random().unwrap();
        assert_ne!(key, other);
        assert_eq!(key.as_str().len(), 32);
        assert!(key.matches(key.as_str()));
        assert!(!key.matches(other.as_str()));
        assert!(!key.matches(&key.as_str()[..31]));
        assert!(!key.matches(""));
    }

    #[test]
    fn commands_parse_from_json() {
        let parse = |text: &str| serde_json::from_str::<RemoteCommand>(text).ok();
        assert_eq!(parse(r#"{"command":"pause"}"#), Some(RemoteCommand::Pause));
        assert_eq!(
            parse(r#"{"command":"restart_slide"}"#),
            Some(RemoteCommand::RestartSlide)
        );
        assert_eq!(
            parse(r#"{"command":"skip","item":2}"#),
            Some(RemoteCommand::Skip { item: 2 })
        );
        assert_eq!(parse(r#"{"command":"skip"}"#), None);
        assert_eq!(parse(r#"{"command":"next"}"#), None);
        assert_eq!(parse(r#"{"command":"manual_advance"}"#), None);
    }

    #[test]
    fn countdowns_count_from_the_message_time() {
        let running = Countdown::Until(Duration::from_secs(20));
        assert_eq!(running.ms_left(Duration::from_millis(5_500)), 14_500);
        assert_eq!(running.ms_left(Duration::from_secs(30)), 0);
        assert_eq!(running.ends_at_ms(), Some(20_000));
        let stopped = Countdown::Stopped(Duration::from_secs(7));
        assert_eq!(stopped.ms_left(Duration::from_secs(99)), 7_000);
        assert_eq!(stopped.ends_at_ms(), None);
    }
}
