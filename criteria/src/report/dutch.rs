//! Dates, percentages and counts as a Dutch reader writes them.

use crate::overview::Counts;

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date in prose: "30 november 2026".
pub fn long_date(date: time::Date) -> String {
    let month = MONTHS[usize::from(u8::from(date.month())) - 1];
    format!("{} {month} {}", date.day(), date.year())
}

/// A date in a table: "30-11-2026".
pub fn short_date(date: time::Date) -> String {
    format!(
        "{:02}-{:02}-{}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

/// A stored `YYYY-MM-DD` text as a table date; any other text as it is.
pub(super) fn short_date_text(text: &str) -> String {
    crate::Date::parse(text).map_or_else(|_| text.to_owned(), |d| short_date(d.get()))
}

/// `count` as a whole percentage of the criteria in scope ("67%"); "–" when none are in scope.
pub(super) fn percent(counts: &Counts, count: u32) -> String {
    counts
        .percent(count)
        .map_or_else(|| "–".to_owned(), |p| format!("{}%", p.round()))
}

/// The percentage implemented as a number, for differences in percentage points.
pub(super) fn implemented_share(counts: &Counts) -> Option<f64> {
    counts.percent(counts.implemented)
}

/// A change in percentage points: "+12", "−3", "0".
pub(super) fn points(from: Option<f64>, to: Option<f64>) -> String {
    match (from, to) {
        (Some(a), Some(b)) => {
            let d = (b.round() - a.round()) as i64;
            match d {
                0 => "0".to_owned(),
                d if d > 0 => format!("+{d}"),
                d => format!("\u{2212}{}", -d),
            }
        }
        _ => "–".to_owned(),
    }
}

/// "1 criterium" or "3 criteria".
pub(super) fn criteria(n: u32) -> String {
    if n == 1 {
        "1 criterium".to_owned()
    } else {
        format!("{n} criteria")
    }
}

/// Joins parts as a Dutch list: "a", "a en b", "a, b en c".
pub(super) fn list(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

/// A theme's (or the whole round's) counts in one or two plain sentences.
pub(super) fn summary(counts: &Counts) -> String {
    if counts.criteria == 0 {
        return "Dit thema heeft geen criteria.".to_owned();
    }
    let scope = counts.in_scope();
    if scope == 0 {
        return format!(
            "Geen van de {} is van toepassing.",
            criteria(counts.criteria)
        );
    }
    let mut sentence = if counts.unanswered == scope {
        if scope == 1 {
            "Het criterium dat van toepassing is, is nog niet beoordeeld.".to_owned()
        } else {
            format!("Nog geen van de {scope} criteria is beoordeeld.")
        }
    } else if counts.implemented == scope {
        if scope == 1 {
            "Het criterium dat van toepassing is, is geïmplementeerd.".to_owned()
        } else {
            format!("Alle {scope} criteria die van toepassing zijn, zijn geïmplementeerd.")
        }
    } else {
        let mut parts = vec![format!(
            "{} geïmplementeerd ({})",
            counts.implemented,
            percent(counts, counts.implemented)
        )];
        if counts.partial > 0 {
            parts.push(format!("{} gedeeltelijk", counts.partial));
        }
        if counts.open > 0 {
            parts.push(format!(
                "{} {} aandacht",
                counts.open,
                if counts.open == 1 { "vraagt" } else { "vragen" }
            ));
        }
        if counts.unanswered > 0 {
            parts.push(format!("{} nog niet beoordeeld", counts.unanswered));
        }
        if scope == 1 {
            format!("Eén criterium is van toepassing: {}.", list(&parts))
        } else {
            format!(
                "Van de {scope} criteria die van toepassing zijn, zijn er {}.",
                list(&parts)
            )
        }
    };
    if counts.not_applicable > 0 {
        sentence.push_str(&format!(
            " {} {} niet van toepassing.",
            criteria(counts.not_applicable),
            if counts.not_applicable == 1 {
                "is"
            } else {
                "zijn"
            }
        ));
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn counts(implemented: u32, partial: u32, open: u32, na: u32, unanswered: u32) -> Counts {
        Counts {
            criteria: implemented + partial + open + na + unanswered,
            implemented,
            partial,
            open,
            not_applicable: na,
            unanswered,
        }
    }

    #[test]
    fn dates_are_written_the_dutch_way() {
        assert_eq!(long_date(date!(2026 - 11 - 30)), "30 november 2026");
        assert_eq!(long_date(date!(2027 - 03 - 01)), "1 maart 2027");
        assert_eq!(short_date(date!(2027 - 03 - 01)), "01-03-2027");
        assert_eq!(short_date_text("2027-06-30"), "30-06-2027");
        assert_eq!(short_date_text("na de zomer"), "na de zomer");
    }

    #[test]
    fn summaries_read_as_plain_dutch() {
        assert_eq!(
            summary(&counts(8, 2, 1, 1, 0)),
            "Van de 11 criteria die van toepassing zijn, zijn er 8 geïmplementeerd (73%), 2 gedeeltelijk en 1 vraagt aandacht. 1 criterium is niet van toepassing."
        );
        assert_eq!(
            summary(&counts(3, 0, 0, 0, 0)),
            "Alle 3 criteria die van toepassing zijn, zijn geïmplementeerd."
        );
        assert_eq!(
            summary(&counts(0, 0, 2, 0, 3)),
            "Van de 5 criteria die van toepassing zijn, zijn er 0 geïmplementeerd (0%), 2 vragen aandacht en 3 nog niet beoordeeld."
        );
        assert_eq!(
            summary(&counts(0, 0, 0, 0, 6)),
            "Nog geen van de 6 criteria is beoordeeld."
        );
        assert_eq!(
            summary(&counts(0, 0, 0, 2, 0)),
            "Geen van de 2 criteria is van toepassing."
        );
    }

    #[test]
    fn percentage_points_have_a_sign() {
        assert_eq!(points(Some(50.0), Some(62.4)), "+12");
        assert_eq!(points(Some(50.0), Some(47.0)), "\u{2212}3");
        assert_eq!(points(Some(50.0), Some(50.2)), "0");
        assert_eq!(points(None, Some(50.0)), "–");
    }
}
