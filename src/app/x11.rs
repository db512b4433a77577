//! X11 only: lets winit hear that monitors came or went.
//!
//! winit 0.30 keeps its list of X11 monitors cached and refreshes it when the `RandR` extension
//! reports a screen change. It asks for those reports over XCB but reads events through Xlib,
//! and Xlib silently drops an extension's events until a converter for them is registered. For
//! `RandR` that is libXrandr's job, and nothing in the process loads libXrandr. So the reports
//! never arrive and the list stays as it was at launch (the symptom of rust-windowing/winit#3405,
//! "Allow user to disable monitor caching on X11", open): tried on the stage, a projector output
//! switched off and on with `xrandr` changed nothing in `available_monitors()` for the rest of
//! the talk. egui's `with_monitor` and `SetMonitor` index that same list, so a fresh list of our
//! own (over a second X connection) would not be enough.
//!
//! One call to `XRRQueryExtension` on winit's own display registers the converters: from then
//! on winit refreshes its list at each change, and every reader of it sees the monitors as they
//! are. This is the crate's second `unsafe` block (the first is in [`crate::allocator`]).
//!
//! X11 also tells each window when it becomes visible (`VisibilityNotify`, winit's
//! `Occluded(false)`), so there a window not yet told is not mapped yet: what it paints reaches
//! nobody ([`reports_visibility`]).

use winit::raw_window_handle::{HasDisplayHandle as _, RawDisplayHandle};

/// Make winit hear `RandR`'s screen changes on the display of `window`. Returns whether it now
/// does: `false` off X11 (Wayland refreshes its outputs by itself), without libXrandr, or
/// without the `RandR` extension.
pub(super) fn hear_monitor_changes(window: &winit::window::Window) -> bool {
    let Ok(handle) = window.display_handle() else {
        return false;
    };
    let RawDisplayHandle::Xlib(xlib) = handle.as_raw() else {
        return false;
    };
    let Some(display) = xlib.display else {
        return false;
    };
    let xrandr = match x11_dl::xrandr::Xrandr::open() {
        Ok(xrandr) => xrandr,
        Err(error) => {
            log::warn!("{error}: monitors plugged or unplugged will go unnoticed");
            return false;
        }
    };
    let (mut event_base, mut error_base) = (0, 0);
    // SAFETY: `display` is winit's open Xlib display, alive as long as the window it came from
    // (borrowed here), and used from the thread that runs winit's event loop, as winit itself
    // does (it opened the display after `XInitThreads`). `XRRQueryExtension` only asks the server
    // whether RandR is there and registers libXrandr's event converters on the display; the two
    // out-parameters are valid `c_int`s on this stack.
    #[allow(unsafe_code)]
    let present = unsafe {
        (xrandr.XRRQueryExtension)(
            display.as_ptr().cast(),
            &raw mut event_base,
            &raw mut error_base,
        )
    } != 0;
    // From now on Xlib calls into libXrandr for every `RandR` event, so it must stay loaded for
    // good: x11-dl keeps the library it opened in a static, never closed.
    present
}

/// Whether `window` is on X11, which tells a window when it becomes visible: until it has, the
/// window is not on the screen, however eframe paints it. Elsewhere (Wayland) nothing may ever
/// say so, and a window is taken to be visible until it is said not to be.
pub(super) fn reports_visibility(window: &winit::window::Window) -> bool {
    window.display_handle().is_ok_and(|handle| {
        matches!(
            handle.as_raw(),
            RawDisplayHandle::Xlib(_) | RawDisplayHandle::Xcb(_)
        )
    })
}
