//! A calendar date as legal texts write it, stored as `YYYY-MM-DD`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian), checked for a valid day of month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date, if the day exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Reads `dd/mm/yyyy` or `d-m-yyyy` (the way Vietnamese documents write dates).
    pub fn from_dmy(s: &str) -> Option<Date> {
        let mut it = s.trim().split(['/', '-', '.']);
        let d = it.next()?.trim().parse().ok()?;
        let m = it.next()?.trim().parse().ok()?;
        let y = it.next()?.trim().parse().ok()?;
        if it.next().is_some() {
            return None;
        }
        Date::new(y, m, d)
    }
}

impl Date {
    /// The date `n` days later.
    pub fn add_days(self, n: u32) -> Date {
        let mut d = self;
        for _ in 0..n {
            if d.day < days_in_month(d.year, d.month) {
                d.day += 1;
            } else if d.month < 12 {
                d = Date { year: d.year, month: d.month + 1, day: 1 };
            } else {
                d = Date { year: d.year + 1, month: 1, day: 1 };
            }
        }
        d
    }

    /// Today's date (UTC) by the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
        let z = (secs / 86_400) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// The date as Vietnamese readers write it, `dd/mm/yyyy`: the one formatter of dates
    /// shown to users (web pages, messages).
    pub fn vi(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("ngày {s:?} không hợp lệ: cần dạng YYYY-MM-DD");
        let mut it = s.trim().splitn(3, '-');
        let y = it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let m = it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let d = it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        Date::new(y, m, d).ok_or_else(bad)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_checks() {
        assert_eq!(Date::from_dmy("14/8/2023"), Date::new(2023, 8, 14));
        assert_eq!(Date::from_dmy("01/07/2023").unwrap().to_string(), "2023-07-01");
        assert_eq!(Date::from_dmy("30/02/2023"), None);
        assert_eq!("2024-02-29".parse::<Date>().unwrap(), Date::new(2024, 2, 29).unwrap());
        assert!("2023-13-01".parse::<Date>().is_err());
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2023-08-14").add_days(45), d("2023-09-28"));
        assert_eq!(d("2023-12-31").add_days(1), d("2024-01-01"));
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert!(Date::today() > d("2024-01-01"));
        assert_eq!(d("2023-07-01").vi(), "01/07/2023");
    }
}
