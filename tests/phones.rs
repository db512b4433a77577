//! The phones' server, for real on 127.0.0.1 (port 0): keys and 403s, the JSON's shape, commands
//! in, and events out when the talk pauses, from the server alone and through the whole app.
//!
//! Time comes from a [`ManualClock`]; the only waits are on the server's threads answering,
//! bounded by socket timeouts so a test always ends. Nothing asserts how long anything took.
#![allow(clippy::unwrap_used)]

mod common;
use common::app::{MAX_WAIT, has_label, launch_with, secs};
use common::fixtures::good_deck;
use egui_kittest::kittest::Queryable as _;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;

use pecha::app::LaunchOptions;
use pecha::clock::{Clock as _, ManualClock};
use pecha::monitors::ProjectorRequest;
use pecha::phones::server::PhoneServer;
use pecha::phones::{Countdown, PhoneState, Pictures, RemoteCommand, ServeAddr, Snapshot};
use pecha::timing::TalkState;
use pecha::ui::Command;
use serde_json::Value;

/// One HTTP exchange on a fresh connection: the status and the body.
fn http(addr: SocketAddr, method: &str, target: &str, body: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(MAX_WAIT)).unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let split = answer
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .unwrap();
    let head = String::from_utf8_lossy(&answer[..split]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, answer[split + 4..].to_vec())
}

fn get(addr: SocketAddr, target: &str) -> (u16, Vec<u8>) {
    http(addr, "GET", target, "")
}

fn json(body: &[u8]) -> Value {
    serde_json::from_slice(body).unwrap()
}

/// An open `/api/events` stream, read message by message.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(addr: SocketAddr, key: &str) -> Self {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(MAX_WAIT)).unwrap();
        write!(
            stream,
            "GET /api/events?k={key} HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
        let mut events = Self(reader);
        let mut content_type = false;
        loop {
            let line = events.line();
            if line.is_empty() {
                break;
            }
            content_type |= line.eq_ignore_ascii_case("content-type: text/event-stream");
        }
        assert!(content_type);
        events
    }

    fn line(&mut self) -> String {
        let mut line = String::new();
        self.0.read_line(&mut line).unwrap();
        line.trim_end_matches(['\r', '\n']).to_owned()
    }

    /// The next message's JSON (skipping `retry:` and keep-alive comments).
    fn next(&mut self) -> Value {
        loop {
            let line = self.line();
            if let Some(data) = line.strip_prefix("data: ") {
                return serde_json::from_str(data).unwrap();
            }
        }
    }
}

fn snapshot(state: PhoneState, slide: usize, slide_left: Countdown) -> Snapshot {
    Snapshot {
        state,
        slide,
        slides: 20,
        slide_length: secs(20.0),
        slide_left,
        talk_left: Countdown::Stopped(secs(400.0)),
        title: "Тест".into(),
        presenter: "Әйгерім".into(),
        notes: "notes of slide 1".into(),
        pictures: Pictures::default(),
        blackout: false,
        night: None,
    }
}

fn server(clock: &ManualClock) -> PhoneServer {
    PhoneServer::start(
        "127.0.0.1:0".parse().unwrap(),
        Arc::new(clock.clone()),
        Arc::new(|| {}),
    )
    .unwrap()
}

#[test]
fn without_the_right_key_every_answer_is_403_and_empty() {
    let clock = ManualClock::new();
    let server = server(&clock);
    server.publish(snapshot(
        PhoneState::Ready,
        1,
        Countdown::Stopped(secs(20.0)),
    ));
    let addr = server.addr();
    let wrong = "0".repeat(32);
    let short = &server.speaker_key()[..31];
    for target in [
        "/".to_owned(),
        "/remote".to_owned(),
        "/api/state".to_owned(),
        format!("/api/state?k={wrong}"),
        format!("/api/state?k={short}"),
        "/api/events".to_owned(),
        "/slide/1.jpg".to_owned(),
        "/etc/passwd".to_owned(),
        format!("/remote?k={}", server.speaker_key()),
    ] {
        let (status, body) = get(addr, &target);
        assert_eq!((status, body.len()), (403, 0), "{target}");
    }
    // The speaker's key watches; only the remote's acts.
    let (status, body) = http(
        addr,
        "POST",
        &format!("/api/command?k={}", server.speaker_key()),
        r#"{"command":"pause"}"#,
    );
    assert_eq!((status, body.len()), (403, 0));
    assert_eq!(server.try_command(), None);
}

#[test]
fn keys_are_new_each_start() {
    let clock = ManualClock::new();
    let first = server(&clock);
    let second = server(&clock);
    assert_ne!(first.speaker_key(), second.speaker_key());
    assert_ne!(first.remote_key(), second.remote_key());
    assert_ne!(first.speaker_key(), first.remote_key());
}

#[test]
fn the_pages_are_served_whole_with_nothing_from_elsewhere() {
    let clock = ManualClock::new();
    let server = server(&clock);
    let addr = server.addr();
    let (status, page) = get(addr, &format!("/?k={}", server.speaker_key()));
    assert_eq!(status, 200);
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("EventSource"));
    assert!(!page.contains("http://") && !page.contains("https://"));
    let (status, page) = get(addr, &format!("/remote?k={}", server.remote_key()));
    assert_eq!(status, 200);
    assert!(String::from_utf8(page).unwrap().contains("/api/command"));
    // The remote's key watches too.
    let (status, _) = get(addr, &format!("/?k={}", server.remote_key()));
    assert_eq!(status, 200);
    let (status, _) = get(addr, &format!("/nothing?k={}", server.speaker_key()));
    assert_eq!(status, 404);
    let (status, _) = get(addr, &format!("/slide/1.jpg?k={}", server.speaker_key()));
    assert_eq!(status, 404, "no picture made yet");
}

#[test]
fn the_state_is_json_stamped_with_the_clock_when_asked() {
    let clock = ManualClock::new();
    let server = server(&clock);
    clock.set(secs(10.0));
    server.publish(snapshot(
        PhoneState::Running,
        1,
        Countdown::Until(secs(30.0)),
    ));
    clock.set(secs(12.5));
    let (status, body) = get(
        server.addr(),
        &format!("/api/state?k={}", server.speaker_key()),
    );
    assert_eq!(status, 200);
    let state = json(&body);
    assert_eq!(state["state"], "running");
    assert_eq!(state["slide"], 1);
    assert_eq!(state["slides"], 20);
    assert_eq!(state["counting"], true);
    assert_eq!(state["slide_ends_in_ms"], 17_500);
    assert_eq!(state["slide_ends_at_ms"], 30_000);
    assert_eq!(state["server_ms"], 12_500);
    assert_eq!(state["talk_ends_in_ms"], 400_000);
    assert_eq!(state["slide_length_ms"], 20_000);
    assert_eq!(state["title"], "Тест");
    assert_eq!(state["presenter"], "Әйгерім");
    assert_eq!(state["notes"], "notes of slide 1");
    assert_eq!(state["blackout"], false);
    assert!(state["night"].is_null());
}

#[test]
fn commands_from_the_remote_arrive_and_nonsense_is_refused() {
    let clock = ManualClock::new();
    let server = server(&clock);
    let target = format!("/api/command?k={}", server.remote_key());
    let (status, body) = http(server.addr(), "POST", &target, r#"{"command":"pause"}"#);
    assert_eq!(status, 202);
    assert_eq!(json(&body)["command"], "pause");
    assert_eq!(server.try_command(), Some(RemoteCommand::Pause));
    for nonsense in [
        r#"{"command":"next"}"#,
        r#"{"command":"manual_advance"}"#,
        "pause",
        r#"{"command":"skip","item":"two"}"#,
        r#"{"command":"skip","item":-1}"#,
    ] {
        let (status, _) = http(server.addr(), "POST", &target, nonsense);
        assert_eq!(status, 400, "{nonsense}");
    }
    let (status, _) = http(server.addr(), "POST", &target, &"x".repeat(5000));
    assert_eq!(status, 413);
    let (status, _) = get(server.addr(), &target);
    assert_eq!(status, 405);
    assert_eq!(server.try_command(), None);
}

#[test]
fn every_change_is_an_event_and_the_stream_counts_as_a_phone() {
    let clock = ManualClock::new();
    let server = server(&clock);
    server.publish(snapshot(
        PhoneState::Running,
        3,
        Countdown::Until(secs(60.0)),
    ));
    let mut events = Events::open(server.addr(), server.speaker_key());
    let first = events.next();
    assert_eq!(
        (first["state"].clone(), first["slide"].clone()),
        ("running".into(), 3.into())
    );
    assert_eq!(server.connected(), 1);
    clock.set(secs(45.0));
    server.publish(snapshot(
        PhoneState::Paused,
        3,
        Countdown::Stopped(secs(15.0)),
    ));
    let paused = events.next();
    assert_eq!(paused["state"], "paused");
    assert_eq!(paused["counting"], false);
    assert_eq!(paused["slide_ends_in_ms"], 15_000);
    assert_eq!(paused["server_ms"], 45_000);
    drop(events);
}

/// The whole app: serving from the start (as `--serve 127.0.0.1:0`), the remote's pause pauses
/// the talk through the same `apply` as P, and every phone hears of it.
#[test]
fn the_remote_pauses_the_talk_and_the_speaker_view_hears_it() {
    let (mut harness, clock) = launch_with(
        good_deck(),
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            serve: Some("127.0.0.1:0".parse::<ServeAddr>().unwrap()),
            ..Default::default()
        },
    );
    harness.run_ok();
    let links = harness.state().phone_links().unwrap().clone();
    assert!(links.speaker.starts_with("http://127.0.0.1:"));
    assert!(
        links
            .speaker
            .ends_with(&format!("/?k={}", links.speaker_key))
    );
    assert!(
        links
            .remote
            .ends_with(&format!("/remote?k={}", links.remote_key))
    );
    let addr = links.addr;

    let mut events = Events::open(addr, &links.speaker_key);
    assert_eq!(events.next()["state"], "ready");

    let remote = format!("/api/command?k={}", links.remote_key);
    let (status, _) = http(addr, "POST", &remote, r#"{"command":"start"}"#);
    assert_eq!(status, 202);
    harness.run_ok();
    assert_eq!(
        harness.state().talk().state(clock.now()),
        TalkState::Running
    );
    let running = events.next();
    assert_eq!(running["state"], "running");
    assert_eq!(running["slide"], 1);

    clock.advance(secs(25.0));
    harness.run_ok();
    let second = events.next();
    assert_eq!(
        (second["slide"].clone(), second["slide_ends_in_ms"].clone()),
        (2.into(), 15_000.into())
    );

    let (status, _) = http(addr, "POST", &remote, r#"{"command":"pause"}"#);
    assert_eq!(status, 202);
    harness.run_ok();
    assert_eq!(harness.state().talk().state(clock.now()), TalkState::Paused);
    let paused = events.next();
    assert_eq!(paused["state"], "paused");
    assert_eq!(paused["slide_ends_in_ms"], 15_000);

    // "pause" again does nothing (it is not a toggle); the format forbids advancing.
    let (status, _) = http(addr, "POST", &remote, r#"{"command":"pause"}"#);
    assert_eq!(status, 202);
    harness.run_ok();
    assert_eq!(harness.state().talk().state(clock.now()), TalkState::Paused);

    let (status, _) = http(addr, "POST", &remote, r#"{"command":"resume"}"#);
    assert_eq!(status, 202);
    harness.run_ok();
    assert_eq!(
        harness.state().talk().state(clock.now()),
        TalkState::Running
    );
    assert_eq!(events.next()["state"], "running");

    // Stopping forgets the server and its keys.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::Phones(pecha::ui::PhonesCommand::Stop));
    harness.run_ok();
    assert!(harness.state().phone_links().is_none());
}

/// View & sound -> Phones…: the two addresses and the phones connected; Stop and Start again
/// make new keys.
#[test]
fn the_phones_dialog_shows_the_addresses_and_stops_and_starts_the_server() {
    let (mut harness, _clock) = launch_with(
        good_deck(),
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            serve: Some("127.0.0.1:0".parse::<ServeAddr>().unwrap()),
            ..Default::default()
        },
    );
    harness.run_ok();
    let first = harness.state().phone_links().unwrap().clone();
    harness.get_by_label("View & sound").click();
    harness.run_ok();
    harness.get_by_label("Phones…").click();
    harness.run_ok();
    assert!(has_label(&harness, &first.speaker));
    assert!(has_label(&harness, &first.remote));
    assert!(has_label(&harness, "no phone connected"));

    let mut events = Events::open(first.addr, &first.speaker_key);
    events.next();
    harness.run_ok();
    assert!(has_label(&harness, "1 phone connected"));
    drop(events);
    harness.get_by_label("Stop serving").click();
    harness.run_ok();
    assert!(
        harness.state().phone_links().is_none(),
        "{:?}",
        common::app::all_labels(&harness)
    );
    harness.get_by_label("Start serving on 127.0.0.1:0").click();
    harness.run_ok();
    let second = harness.state().phone_links().unwrap().clone();
    assert_ne!(first.speaker_key, second.speaker_key);
    assert_ne!(first.remote_key, second.remote_key);
    assert!(has_label(&harness, &second.remote));
}

/// A night on the phones: the card (who is next), the remote's Start, and its Skip, which only
/// skips the item the phone showed.
#[test]
fn a_night_on_the_phones_shows_the_card_and_the_remote_starts_and_skips() {
    use pecha::night::progress::Stage;
    let dir = tempfile::tempdir().unwrap();
    let good = common::fixtures::good_deck_path().display().to_string();
    let night_path = dir.path().join("night.ron");
    std::fs::write(
        &night_path,
        format!(
            r#"(
    title: "Тестовая ночь",
    running_order: [
        Talk(deck: "{good}", presenter: "Әйгерім", title: "Арықтар"),
        Talk(deck: "{good}", presenter: "Данияр"),
    ],
)"#
        ),
    )
    .unwrap();
    let clock = ManualClock::new();
    let mut harness = common::app::launch_night_with(
        &night_path,
        &dir.path().join("data"),
        &clock,
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            serve: Some("127.0.0.1:0".parse::<ServeAddr>().unwrap()),
            ..Default::default()
        },
    );
    common::app::wait_until(&mut harness, "the first card is armed", |app| {
        app.night_progress().unwrap().stage == Stage::Card { item: 0 } && app.night_card_armed()
    });
    harness.run_ok();
    let links = harness.state().phone_links().unwrap().clone();
    let mut events = Events::open(links.addr, &links.speaker_key);
    let mut card = events.next();
    while card["presenter"] != "Әйгерім" {
        card = events.next();
    }
    assert_eq!(card["state"], "card");
    assert_eq!(card["night"]["title"], "Тестовая ночь");
    assert_eq!(card["night"]["item"], 0);
    assert_eq!(card["night"]["place"], 1);
    assert_eq!(card["night"]["items"], 2);
    assert_eq!(card["title"], "Арықтар");

    let remote = format!("/api/command?k={}", links.remote_key);
    http(links.addr, "POST", &remote, r#"{"command":"start"}"#);
    harness.run_ok();
    assert!(matches!(
        harness.state().night_progress().unwrap().stage,
        Stage::Talk { item: 0, .. }
    ));
    // A skip of the item that is not up (a late tap) does nothing.
    http(
        links.addr,
        "POST",
        &remote,
        r#"{"command":"skip","item":1}"#,
    );
    harness.run_ok();
    assert!(matches!(
        harness.state().night_progress().unwrap().stage,
        Stage::Talk { item: 0, .. }
    ));
    http(
        links.addr,
        "POST",
        &remote,
        r#"{"command":"skip","item":0}"#,
    );
    common::app::wait_until(&mut harness, "the next card is up", |app| {
        app.night_progress().unwrap().stage == Stage::Card { item: 1 }
    });
    harness.run_ok();
    let mut next = events.next();
    while next["night"]["item"] != 1 {
        next = events.next();
    }
    assert_eq!(next["state"], "card");
}

#[test]
fn serve_takes_a_port_or_an_address_and_says_what_it_wants_otherwise() {
    let run = common::cli::pecha(["--serve", "phone", "talk.ron"]);
    assert_eq!(run.status, Some(2));
    assert!(
        run.stderr.contains("expected PORT or ADDR:PORT"),
        "{}",
        run.stderr
    );
    let help = common::cli::pecha(["--help"]);
    assert!(
        help.stdout.contains("--serve [<[ADDR:]PORT>]"),
        "{}",
        help.stdout
    );
}

/// Slide pictures are made on the server's own thread from the decoded copies the app hands it,
/// and served by number; a new deck's pictures replace the old ones.
#[test]
fn slide_pictures_are_jpegs_by_number() {
    let clock = ManualClock::new();
    let server = server(&clock);
    let target = format!("/slide/2.jpg?k={}", server.speaker_key());
    let grey = pecha::slides::ScreenImage::from_rgba(64, 36, &[128; 64 * 36 * 4]);
    server.publish_picture(1, 2, grey.clone());
    let since = std::time::Instant::now();
    let jpeg = loop {
        let (status, body) = get(server.addr(), &target);
        if status == 200 {
            break body;
        }
        assert_eq!(status, 404);
        assert!(since.elapsed() < MAX_WAIT, "no picture made");
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    assert_eq!(&jpeg[..3], &[0xFF, 0xD8, 0xFF]);
    // Another deck: its slide 3 comes, and slide 2 of the old one is gone.
    server.publish_picture(2, 3, grey);
    let next = format!("/slide/3.jpg?k={}", server.speaker_key());
    while get(server.addr(), &next).0 != 200 {
        assert!(since.elapsed() < MAX_WAIT, "no picture made");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert_eq!(get(server.addr(), &target).0, 404);
    assert_eq!(
        get(
            server.addr(),
            &format!("/slide/x.jpg?k={}", server.speaker_key())
        )
        .0,
        404
    );
}
