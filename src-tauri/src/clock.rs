//! The one place that reads the clock. Everything else gets the moment passed in, in the
//! computer's local offset, so its `.date()` is the user's "today" everywhere: the Verbeterplan on
//! screen and in the export, default seal dates, round names and the daily backup agree (they
//! used to differ between midnight and 01:00 or 02:00 in the Netherlands).

use std::sync::OnceLock;

use time::{OffsetDateTime, UtcOffset};

static LOCAL_OFFSET: OnceLock<UtcOffset> = OnceLock::new();

/// Reads the computer's UTC offset. Call it first thing in `main`, while the process has one
/// thread: on Unix the `time` crate refuses to read it later (another thread could change `TZ`
/// meanwhile). A change of daylight saving time during a session shows after the next start.
#[allow(
    clippy::disallowed_methods,
    reason = "the one place that reads the local offset"
)]
pub fn init() {
    LOCAL_OFFSET.get_or_init(|| UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC));
}

/// Now, in the computer's local offset (UTC when it could not be read).
#[allow(
    clippy::disallowed_methods,
    reason = "the one place that reads the clock"
)]
pub fn now() -> OffsetDateTime {
    local(OffsetDateTime::now_utc())
}

/// `moment` in the computer's local offset.
fn local(moment: OffsetDateTime) -> OffsetDateTime {
    moment.to_offset(LOCAL_OFFSET.get().copied().unwrap_or(UtcOffset::UTC))
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime, offset};

    #[test]
    fn the_date_is_the_local_one_around_midnight() {
        // 23:30 UTC on 30 November is already 1 December in the Netherlands (UTC+1).
        let moment = datetime!(2026-11-30 23:30 UTC);
        assert_eq!(moment.to_offset(offset!(+1)).date(), date!(2026 - 12 - 01));
        // What `now` does with the offset it read at start.
        super::LOCAL_OFFSET.get_or_init(|| offset!(+1));
        if super::LOCAL_OFFSET.get() == Some(&offset!(+1)) {
            assert_eq!(super::local(moment).date(), date!(2026 - 12 - 01));
            assert_eq!(super::local(moment), moment, "the same moment");
        }
    }
}
