//! The phones' web server: `tiny_http` on its own threads, fed snapshots by the app.
//!
//! Nothing here can slow the show: the app only swaps a snapshot in under a lock held for a
//! moment ([`PhoneServer::publish`]) and reads commands from a channel without waiting
//! ([`PhoneServer::try_command`]). Each request is answered on a thread of its own, at most
//! [`MAX_CONNECTIONS`] at once (a stuck phone holds one, not the server); each event stream
//! (`/api/events`) is one of them, waiting on a condition variable for the next snapshot.
//!
//! Keys: the speaker key lets a phone watch (the pages, the state, the events, the pictures);
//! the remote key lets it watch and act (`POST /api/command`). Any request without one of them
//! gets 403 and an empty body, whatever it asked for, so a stranger learns nothing, not even
//! which paths exist.

use std::io::{Read as _, Write};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::pictures::{PictureCache, PictureMaker};
use super::{Key, RemoteCommand, Snapshot};
use crate::clock::Clock;
use crate::slides::ScreenImage;

/// Requests answered at once, event streams included; more get 503 at once.
pub const MAX_CONNECTIONS: usize = 48;

/// How often an idle event stream says it is alive: a phone that went away is noticed by the
/// failed write and its thread ends.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The largest command body read: `{"command":"restart_slide"}` is 27 bytes.
const MAX_BODY: usize = 1024;

/// The pages: HTML with the script inline (no other file to ask for, nothing from elsewhere).
const SPEAKER_PAGE: &str = concat!(
    include_str!("page/speaker.html"),
    "<script>\n",
    include_str!("page/common.js"),
    include_str!("page/speaker.js"),
    "</script>\n</body></html>\n"
);
const REMOTE_PAGE: &str = concat!(
    include_str!("page/remote.html"),
    "<script>\n",
    include_str!("page/common.js"),
    include_str!("page/remote.js"),
    "</script>\n</body></html>\n"
);

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The port is taken, or the address is not this machine's.
    #[error("cannot listen on {addr}: {message}")]
    Listen {
        /// Where it tried.
        addr: SocketAddr,
        /// What the OS said.
        message: String,
    },
    /// No random numbers for the keys, or no thread.
    #[error("cannot start the phone server: {0}")]
    Start(String),
}

/// The latest snapshot and how many there have been.
struct Published {
    version: u64,
    snapshot: Option<Snapshot>,
    stopping: bool,
}

/// What the request threads share.
struct Shared {
    published: Mutex<Published>,
    changed: Condvar,
    clock: Arc<dyn Clock>,
    speaker_key: Key,
    remote_key: Key,
    commands: Mutex<Sender<RemoteCommand>>,
    wake: Arc<dyn Fn() + Send + Sync>,
    pictures: Arc<Mutex<PictureCache>>,
    /// Requests being answered now.
    busy: AtomicUsize,
    /// Event streams open now: the phones connected.
    streams: AtomicUsize,
}

impl Shared {
    fn published(&self) -> MutexGuard<'_, Published> {
        // A snapshot is replaced whole: a panic elsewhere cannot leave it half-written.
        self.published
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The JSON of the latest snapshot, stamped with the clock now. Written outside the lock:
    /// the UI thread's [`PhoneServer::publish`] never waits for a phone's JSON.
    fn state_json(&self) -> Option<(u64, String)> {
        let (version, snapshot) = {
            let published = self.published();
            (published.version, published.snapshot.clone()?)
        };
        let json = serde_json::to_string(&snapshot.message(self.clock.now())).ok()?;
        Some((version, json))
    }
}

/// The running server; it stops when dropped.
pub struct PhoneServer {
    shared: Arc<Shared>,
    server: Arc<tiny_http::Server>,
    addr: SocketAddr,
    commands: Receiver<RemoteCommand>,
    accept: Option<JoinHandle<()>>,
    pictures: PictureMaker,
}

impl PhoneServer {
    /// Listen on `addr` (port 0: any free port) with new keys; `wake` is called when a command
    /// arrives, so the app applies it at once instead of at its next frame.
    pub fn start(
        addr: SocketAddr,
        clock: Arc<dyn Clock>,
        wake: Arc<dyn Fn() + Send + Sync>,
    ) -> Result<Self, ServeError> {
        let keys = Key::random()
            .and_then(|speaker| Key::random().map(|remote| (speaker, remote)))
            .map_err(|error| ServeError::Start(error.to_string()))?;
        let server = tiny_http::Server::http(addr).map_err(|error| ServeError::Listen {
            addr,
            message: error.to_string(),
        })?;
        let bound = server.server_addr().to_ip().unwrap_or(addr);
        let server = Arc::new(server);
        let pictures =
            PictureMaker::start().map_err(|error| ServeError::Start(error.to_string()))?;
        let (sender, commands) = channel();
        let shared = Arc::new(Shared {
            published: Mutex::new(Published {
                version: 0,
                snapshot: None,
                stopping: false,
            }),
            changed: Condvar::new(),
            clock,
            speaker_key: keys.0,
            remote_key: keys.1,
            commands: Mutex::new(sender),
            wake,
            pictures: pictures.cache(),
            busy: AtomicUsize::new(0),
            streams: AtomicUsize::new(0),
        });
        let accept = {
            let shared = Arc::clone(&shared);
            let server = Arc::clone(&server);
            std::thread::Builder::new()
                .name("pecha-phones".into())
                .spawn(move || accept_all(&server, &shared))
                .map_err(|error| ServeError::Start(error.to_string()))?
        };
        Ok(Self {
            shared,
            server,
            addr: bound,
            commands,
            accept: Some(accept),
            pictures,
        })
    }

    /// Where it listens (with the real port when 0 was asked for).
    #[must_use]
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The key that lets a phone watch.
    #[must_use]
    pub fn speaker_key(&self) -> &str {
        self.shared.speaker_key.as_str()
    }

    /// The key that lets a phone act.
    #[must_use]
    pub fn remote_key(&self) -> &str {
        self.shared.remote_key.as_str()
    }

    /// Phones watching now (open event streams).
    #[must_use]
    pub fn connected(&self) -> usize {
        self.shared.streams.load(Ordering::Relaxed)
    }

    /// Show the phones this from now on; every event stream sends it at once.
    pub fn publish(&self, snapshot: Snapshot) {
        let mut published = self.shared.published();
        published.version += 1;
        published.snapshot = Some(snapshot);
        drop(published);
        self.shared.changed.notify_all();
    }

    /// Make slide `slide`'s picture (of the deck of `generation`) from `image`, on the picture
    /// thread.
    pub fn publish_picture(&self, generation: u64, slide: usize, image: ScreenImage) {
        self.pictures.make(generation, slide, image);
    }

    /// A command from the remote, if one came; never waits.
    #[must_use]
    pub fn try_command(&self) -> Option<RemoteCommand> {
        self.commands.try_recv().ok()
    }
}

impl Drop for PhoneServer {
    fn drop(&mut self) {
        self.shared.published().stopping = true;
        self.shared.changed.notify_all();
        self.server.unblock();
        if let Some(accept) = self.accept.take() {
            // Only this thread's loop; streams end by themselves on `stopping`.
            let _ = accept.join();
        }
    }
}

fn accept_all(server: &tiny_http::Server, shared: &Arc<Shared>) {
    while let Ok(request) = server.recv() {
        if shared.published().stopping {
            break;
        }
        if shared.busy.fetch_add(1, Ordering::AcqRel) >= MAX_CONNECTIONS {
            shared.busy.fetch_sub(1, Ordering::AcqRel);
            let _ = request.respond(Response::empty(StatusCode(503)));
            continue;
        }
        let worker = Arc::clone(shared);
        let spawned = std::thread::Builder::new()
            .name("pecha-phone".into())
            .spawn(move || {
                answer(request, &worker);
                worker.busy.fetch_sub(1, Ordering::AcqRel);
            });
        if let Err(error) = spawned {
            shared.busy.fetch_sub(1, Ordering::AcqRel);
            log::warn!("phone request dropped: {error}");
        }
    }
}

/// What a request's key allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    Watch,
    Act,
}

/// The path and the `k` of a URL, and the rest of its query.
fn split_url(url: &str) -> (&str, Option<&str>) {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let key = query.split('&').find_map(|pair| pair.strip_prefix("k="));
    (path, key)
}

/// Add a header; only called with the ASCII names and values below, which `tiny_http` accepts.
fn add_header<R: std::io::Read>(response: &mut Response<R>, name: &str, value: &str) {
    if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        response.add_header(header);
    }
}

/// Headers every answer carries: nothing cached (the key is in the URL), the key never sent on
/// as a referrer.
fn add_common_headers<R: std::io::Read>(response: &mut Response<R>) {
    add_header(response, "Cache-Control", "no-store");
    add_header(response, "Referrer-Policy", "no-referrer");
    add_header(response, "X-Content-Type-Options", "nosniff");
}

fn respond_bytes(request: Request, status: u16, content_type: &str, body: Vec<u8>) {
    let mut response = Response::from_data(body).with_status_code(status);
    add_common_headers(&mut response);
    add_header(&mut response, "Content-Type", content_type);
    let _ = request.respond(response);
}

fn respond_status(request: Request, status: u16) {
    let mut response = Response::empty(StatusCode(status));
    add_common_headers(&mut response);
    let _ = request.respond(response);
}

fn answer(mut request: Request, shared: &Shared) {
    let url = request.url().to_owned();
    let (path, key) = split_url(&url);
    let access = match key {
        Some(key) if shared.remote_key.matches(key) => Access::Act,
        Some(key) if shared.speaker_key.matches(key) => Access::Watch,
        _ => return respond_status(request, 403),
    };
    let method = request.method().clone();
    match (method, path) {
        (Method::Get, "/") => page(request, SPEAKER_PAGE),
        (Method::Get, "/remote") if access == Access::Act => page(request, REMOTE_PAGE),
        (Method::Get, "/api/state") => match shared.state_json() {
            Some((_, json)) => respond_bytes(request, 200, "application/json", json.into_bytes()),
            None => respond_status(request, 503),
        },
        (Method::Get, "/api/events") => stream_events(request, shared),
        (Method::Post, "/api/command")
            if access == Access::Act
                && request
                    .body_length()
                    .is_some_and(|length| length > MAX_BODY) =>
        {
            // Refused unread: a command is a few bytes.
            respond_status(request, 413);
        }
        (Method::Post, "/api/command") if access == Access::Act => {
            let mut body = Vec::new();
            let read = request
                .as_reader()
                .take(MAX_BODY as u64 + 1)
                .read_to_end(&mut body);
            let command = match read {
                Ok(_) if body.len() <= MAX_BODY => {
                    serde_json::from_slice::<RemoteCommand>(&body).ok()
                }
                _ => None,
            };
            let Some(command) = command else {
                return respond_bytes(
                    request,
                    400,
                    "application/json",
                    br#"{"error":"unknown command"}"#.to_vec(),
                );
            };
            let sent = shared
                .commands
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .send(command);
            if sent.is_err() {
                return respond_status(request, 503);
            }
            (shared.wake)();
            let echo = serde_json::to_vec(&command).unwrap_or_default();
            respond_bytes(request, 202, "application/json", echo);
        }
        // The speaker's key watches only.
        (Method::Get, "/remote") | (Method::Post, "/api/command") => respond_status(request, 403),
        (Method::Get, path) if path.starts_with("/slide/") => {
            let slide = path
                .strip_prefix("/slide/")
                .and_then(|rest| rest.strip_suffix(".jpg"))
                .and_then(|number| number.parse::<usize>().ok());
            let jpeg = slide.and_then(|slide| {
                shared
                    .pictures
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .get(slide)
            });
            match jpeg {
                Some(jpeg) => respond_bytes(request, 200, "image/jpeg", jpeg.as_ref().clone()),
                None => respond_status(request, 404),
            }
        }
        (_, "/" | "/remote" | "/api/state" | "/api/events" | "/api/command") => {
            respond_status(request, 405);
        }
        _ => respond_status(request, 404),
    }
}

/// A page: the HTML with its CSS and script inline, allowed to talk to this server only.
fn page(request: Request, html: &'static str) {
    let mut response = Response::from_data(html.as_bytes()).with_status_code(200);
    add_common_headers(&mut response);
    add_header(&mut response, "Content-Type", "text/html; charset=utf-8");
    add_header(
        &mut response,
        "Content-Security-Policy",
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self'; connect-src 'self'",
    );
    let _ = request.respond(response);
}

/// Server-sent events: the state at once, then again on every change, until the phone goes
/// away or the server stops. Written straight to the connection and flushed per message (a
/// chunked body would wait for 8 KB).
fn stream_events(request: Request, shared: &Shared) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Accel-Buffering: no\r\nConnection: close\r\n\r\nretry: 1000\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    shared.streams.fetch_add(1, Ordering::AcqRel);
    (shared.wake)();
    let mut sent_version = 0;
    loop {
        let message = {
            let mut published = shared.published();
            let mut waited = Duration::ZERO;
            while !published.stopping && published.version == sent_version && waited < KEEP_ALIVE {
                let (guard, timeout) = shared
                    .changed
                    .wait_timeout(published, KEEP_ALIVE)
                    .unwrap_or_else(PoisonError::into_inner);
                published = guard;
                if timeout.timed_out() {
                    waited = KEEP_ALIVE;
                }
            }
            if published.stopping {
                break;
            }
            drop(published);
            match shared.state_json() {
                Some((version, json)) if version != sent_version => {
                    sent_version = version;
                    format!("data: {json}\n\n")
                }
                _ => ": alive\n\n".to_owned(),
            }
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            break;
        }
    }
    shared.streams.fetch_sub(1, Ordering::AcqRel);
    (shared.wake)();
}
