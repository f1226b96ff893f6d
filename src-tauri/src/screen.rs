//! The window on a small screen. `tauri.conf.json` asks for 1200 × 800, more than many managed
//! laptops offer (1366 × 768 at 125 % is 1093 × 614 logical pixels, less the taskbar): the
//! bottom with the buttons, or the right edge, would fall off the screen. At start the window is
//! made to fit the screen's work area instead.

use tauri::{PhysicalSize, Runtime, WebviewWindow};

/// Makes `window` fit in the work area of its monitor (the screen without taskbar or panels)
/// and moves it to the work area's corner, when it does not fit as it is. Best effort: without
/// monitor information the window stays as it is.
pub fn fit_to_screen<R: Runtime>(window: &WebviewWindow<R>) {
    let (Ok(Some(monitor)), Ok(outer), Ok(inner)) = (
        window.current_monitor(),
        window.outer_size(),
        window.inner_size(),
    ) else {
        return;
    };
    let work = monitor.work_area();
    if let Some(size) = fitted(outer, inner, work.size) {
        let _ = window.set_size(size);
        let _ = window.set_position(work.position);
    }
}

/// The inner size that makes a window whose frame measures `outer` around `inner` fit in
/// `work`; `None` when it fits already. Only the dimension that is too large shrinks.
fn fitted(
    outer: PhysicalSize<u32>,
    inner: PhysicalSize<u32>,
    work: PhysicalSize<u32>,
) -> Option<PhysicalSize<u32>> {
    // Before the window is on screen its frame is not known yet (GTK reports 0 × 0): the frame
    // is then taken as none, and the window manager adds it.
    let outer = PhysicalSize::new(outer.width.max(inner.width), outer.height.max(inner.height));
    if outer.width <= work.width && outer.height <= work.height {
        return None;
    }
    let frame_width = outer.width.saturating_sub(inner.width);
    let frame_height = outer.height.saturating_sub(inner.height);
    Some(PhysicalSize::new(
        inner.width.min(work.width.saturating_sub(frame_width)),
        inner.height.min(work.height.saturating_sub(frame_height)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(width: u32, height: u32) -> PhysicalSize<u32> {
        PhysicalSize::new(width, height)
    }

    #[test]
    fn a_window_that_fits_is_left_alone() {
        assert_eq!(
            fitted(size(1200, 830), size(1200, 800), size(1920, 1040)),
            None
        );
        assert_eq!(
            fitted(size(1200, 800), size(1200, 800), size(1200, 800)),
            None
        );
    }

    #[test]
    fn a_window_larger_than_the_screen_shrinks_to_it_frame_included() {
        // 1366 × 768 at 125 %: 1200 × 800 logical is 1500 × 1000 physical, plus a 37 px title
        // bar; the work area above the taskbar is 1366 × 728 physical pixels.
        assert_eq!(
            fitted(size(1500, 1037), size(1500, 1000), size(1366, 728)),
            Some(size(1366, 691))
        );
        // Under Xvfb without a window manager: no frame, a 1024 × 768 screen.
        assert_eq!(
            fitted(size(1200, 800), size(1200, 800), size(1024, 768)),
            Some(size(1024, 768))
        );
        // At start on Linux the frame is not known yet: GTK says 0 × 0.
        assert_eq!(
            fitted(size(0, 0), size(1200, 800), size(1024, 768)),
            Some(size(1024, 768))
        );
        assert_eq!(fitted(size(0, 0), size(1200, 800), size(1920, 1080)), None);
        // Only the height is too large: the width stays.
        assert_eq!(
            fitted(size(1200, 830), size(1200, 800), size(1600, 700)),
            Some(size(1200, 670))
        );
    }
}
