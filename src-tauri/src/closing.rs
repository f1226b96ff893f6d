//! Closing the window without losing an edit: the close request is held back, the page saves
//! what is still being typed and then lets the window go (`finish_close`). If the page does not
//! answer (it hangs), the window closes anyway after `PAGE_ANSWER`: a close is never blocked for
//! longer than the save itself.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tauri::{Manager, Runtime, WebviewWindow, Window, WindowEvent};

/// How long the page may take to save before the window closes without it.
const PAGE_ANSWER: Duration = Duration::from_secs(5);

/// The event the page listens for (`ui/src/lib/saving.ts`).
const ASK_PAGE: &str = "window.dispatchEvent(new Event('avg-borging-sluiten'));";

/// Which close request is waiting for the page; 0 when none.
#[derive(Default)]
pub struct Closing {
    waiting: AtomicU64,
    requests: AtomicU64,
}

/// Holds a close request back and asks the page to save first.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let Some(webview) = window.app_handle().get_webview_window(window.label()) else {
        return;
    };
    let closing = window.state::<Closing>();
    let request = closing.requests.fetch_add(1, Ordering::SeqCst) + 1;
    if webview.eval(ASK_PAGE).is_err() {
        return; // No page to ask: close as asked.
    }
    api.prevent_close();
    closing.waiting.store(request, Ordering::SeqCst);
    let app = window.app_handle().clone();
    let label = window.label().to_owned();
    std::thread::spawn(move || {
        std::thread::sleep(PAGE_ANSWER);
        let closing = app.state::<Closing>();
        if closing
            .waiting
            .compare_exchange(request, 0, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
            && let Some(webview) = app.get_webview_window(&label)
        {
            let _ = webview.destroy();
        }
    });
}

/// The page's answer to a close request: `close` once everything is saved; `false` when a save
/// failed and the page keeps the window open to show why (a next close request asks again).
pub fn finish<R: Runtime>(
    window: &WebviewWindow<R>,
    closing: &Closing,
    close: bool,
) -> Result<(), crate::error::AppError> {
    closing.waiting.store(0, Ordering::SeqCst);
    if close {
        window
            .destroy()
            .map_err(|err| crate::error::AppError::CloseFailed(err.to_string()))?;
    }
    Ok(())
}
