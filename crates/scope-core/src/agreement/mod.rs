//! The agreement and compensation: the monthly projection of the fee share or fixed amount,
//! and where an offer stands among the published agreements.
//! May import: support, case.
//!
//! Source: the process document, stage 4: "The developer gets from Foundation 20% of the variable
//! fee share agreement or 50% of fixed amount agreement of Exchange with Foundation as a
//! compensation for ongoing maintenance as long as maintenance is performing well. The remaining
//! portion goes to Foundation for sustainment." and "All the connector development charges go
//! from exchange to developer." The year-2 rule: hummingbot-site docs/exchanges (2026): from year 2,
//! USD 2,000/year maintenance, waived when the exchange's fee share exceeds USD 200/month.

use crate::case::{AgreementKind, AgreementSpec, MAX_MONTHS};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::support::money::cents;

/// The maintainer's share: 20% of a variable agreement, 50% of a fixed one.
pub fn developer_share_pct(kind: AgreementKind) -> Decimal {
    match kind {
        AgreementKind::Variable => Decimal::from(20),
        AgreementKind::Fixed => Decimal::from(50),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Month {
    pub month: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<Decimal>,
    pub total: Decimal,
    pub developer: Decimal,
    pub foundation: Decimal,
    /// The year-2 maintenance fee charged this month, if any (paid by the exchange).
    pub maintenance_fee: Decimal,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    pub total: Decimal,
    pub developer: Decimal,
    pub foundation: Decimal,
    pub maintenance_fees: Decimal,
    /// The build charge, from the exchange to the developer.
    pub build_charge: Decimal,
    /// What the developer receives in all: the build charge and the maintenance share.
    pub developer_with_build: Decimal,
}

/// Where an offered share stands among the published agreements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Placement {
    pub offered: Decimal,
    pub published: usize,
    pub below: usize,
    pub equal: usize,
    pub above: usize,
    pub low: Decimal,
    pub median: Decimal,
    pub high: Decimal,
    pub sentence: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IncentivePlan {
    pub hbot: Decimal,
    pub exchange_token: Decimal,
    pub exchange_token_symbol: Option<String>,
    pub first_users: u32,
    pub hbot_per_user: Decimal,
    pub exchange_token_per_user: Decimal,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    pub kind: AgreementKind,
    pub currency: String,
    pub developer_share_pct: Decimal,
    pub months: Vec<Month>,
    pub totals: Totals,
    pub placement: Option<Placement>,
    pub incentives: Option<IncentivePlan>,
}

/// Splits `total` (already in cents) into the developer's `pct` and the Foundation's rest, so
/// that the two add up to the total exactly.
pub fn split(total: Decimal, pct: Decimal) -> (Decimal, Decimal) {
    let developer = cents(total * pct / Decimal::ONE_HUNDRED);
    (developer, total - developer)
}

const YEAR_TWO_FEE: Decimal = Decimal::from_parts(2000, 0, 0, false, 0);
const YEAR_TWO_WAIVER_ABOVE: Decimal = Decimal::from_parts(200, 0, 0, false, 0);

/// The projection; the spec has been validated (the case's rules check the fields).
pub fn project(spec: &AgreementSpec, currency: &str) -> AgreementReport {
    let pct = developer_share_pct(spec.kind);
    let growth = Decimal::ONE + spec.monthly_growth_pct / Decimal::ONE_HUNDRED;
    let mut volume = spec.monthly_volume.unwrap_or_default();
    let mut months = Vec::new();
    for month in 1..=spec.months.min(MAX_MONTHS) {
        let (volume_shown, total) = match spec.kind {
            AgreementKind::Variable => {
                if month > 1 {
                    // Validation bounds the growth; past Decimal's range the volume stays put
                    // rather than overflow.
                    volume = volume.checked_mul(growth).map_or(volume, cents);
                }
                let fees = volume * spec.fee_rate_pct.unwrap_or_default() / Decimal::ONE_HUNDRED;
                (
                    Some(volume),
                    cents(fees * spec.share_pct.unwrap_or_default() / Decimal::ONE_HUNDRED),
                )
            }
            AgreementKind::Fixed => (None, cents(spec.fixed_monthly.unwrap_or_default())),
        };
        let (developer, foundation) = split(total, pct);
        let maintenance_fee = if spec.renewal
            && month > 12
            && (month - 1) % 12 == 0
            && total <= YEAR_TWO_WAIVER_ABOVE
        {
            YEAR_TWO_FEE
        } else {
            Decimal::ZERO
        };
        months.push(Month {
            month,
            volume: volume_shown,
            total,
            developer,
            foundation,
            maintenance_fee,
        });
    }
    let sum = |f: fn(&Month) -> Decimal| months.iter().map(f).sum::<Decimal>();
    let build_charge = cents(spec.build_charge.unwrap_or_default());
    let developer = sum(|m| m.developer);
    let totals = Totals {
        total: sum(|m| m.total),
        developer,
        foundation: sum(|m| m.foundation),
        maintenance_fees: sum(|m| m.maintenance_fee),
        build_charge,
        developer_with_build: developer + build_charge,
    };
    let placement = match spec.kind {
        AgreementKind::Variable => spec.share_pct.map(|s| place(s, &published_shares(), "%")),
        AgreementKind::Fixed => spec
            .fixed_monthly
            .map(|f| place(f, &published_flat(), &format!(" {currency}/month"))),
    };
    let incentives = spec.incentives.as_ref().map(|i| {
        let per = |amount: Decimal| {
            if i.first_users == 0 {
                Decimal::ZERO
            } else {
                (amount / Decimal::from(i.first_users)).round_dp(8)
            }
        };
        IncentivePlan {
            hbot: i.hbot,
            exchange_token: i.exchange_token,
            exchange_token_symbol: i.exchange_token_symbol.clone(),
            first_users: i.first_users,
            hbot_per_user: per(i.hbot),
            exchange_token_per_user: per(i.exchange_token),
        }
    });
    AgreementReport {
        kind: spec.kind,
        currency: currency.to_string(),
        developer_share_pct: pct,
        months,
        totals,
        placement,
        incentives,
    }
}

const FEE_SHARES_CSV: &str = include_str!("../../data/fee_shares_2022.csv");

/// One published agreement (data/fee_shares_2022.csv).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublishedAgreement {
    pub exchange: String,
    pub kind: AgreementKind,
    /// Variable: the midpoint of the published range, in percent. Fixed: the monthly amount.
    pub value: Decimal,
}

pub fn published() -> Vec<PublishedAgreement> {
    FEE_SHARES_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            // exchange,agreement,fee_share_pct_low,fee_share_pct_high,flat_monthly_usd,source
            let cols: Vec<&str> = line.split(',').collect();
            let num = |i: usize| cols.get(i).and_then(|s| s.trim().parse::<Decimal>().ok());
            let kind: AgreementKind = cols.get(1)?.parse().ok()?;
            let value = match kind {
                AgreementKind::Variable => (num(2)? + num(3)?) / Decimal::TWO,
                AgreementKind::Fixed => num(4)?,
            };
            Some(PublishedAgreement {
                exchange: cols.first()?.to_string(),
                kind,
                value,
            })
        })
        .collect()
}

/// The published agreements of one kind as points on a line `width` units long, with the offer
/// on the same scale (the largest of them at 1/1.1 of the line, 6 units of margin each side).
pub fn published_strip(kind: AgreementKind, offered: Decimal, width: f64) -> Strip {
    let points: Vec<(String, Decimal)> = published()
        .into_iter()
        .filter(|p| p.kind == kind)
        .map(|p| (p.exchange, p.value))
        .collect();
    let offered = offered.as_f64();
    let hi = points
        .iter()
        .map(|p| p.1.as_f64())
        .fold(offered, f64::max)
        .max(1e-9)
        * 1.1;
    const MARGIN: f64 = 6.0;
    let x = |v: f64| MARGIN + v / hi * (width - 2.0 * MARGIN);
    Strip {
        axis: (MARGIN, width - MARGIN),
        points: points
            .into_iter()
            .map(|(exchange, value)| StripPoint {
                x: x(value.as_f64()),
                exchange,
                value,
            })
            .collect(),
        offer_x: x(offered),
    }
}

/// Published agreements and an offer placed on one axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    /// Where the axis starts and ends.
    pub axis: (f64, f64),
    pub points: Vec<StripPoint>,
    pub offer_x: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StripPoint {
    pub exchange: String,
    pub value: Decimal,
    pub x: f64,
}

fn published_shares() -> Vec<Decimal> {
    published()
        .into_iter()
        .filter(|p| p.kind == AgreementKind::Variable)
        .map(|p| p.value)
        .collect()
}

fn published_flat() -> Vec<Decimal> {
    published()
        .into_iter()
        .filter(|p| p.kind == AgreementKind::Fixed)
        .map(|p| p.value)
        .collect()
}

fn place(offered: Decimal, values: &[Decimal], unit: &str) -> Placement {
    let sorted = crate::support::order::sorted_by(values.to_vec(), Decimal::cmp);
    let below = sorted.iter().filter(|v| **v < offered).count();
    let equal = sorted.iter().filter(|v| **v == offered).count();
    let above = sorted.len() - below - equal;
    let n = sorted.len();
    let median = if n == 0 {
        Decimal::ZERO
    } else if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / Decimal::TWO
    };
    let (low, high) = (
        sorted.first().copied().unwrap_or_default(),
        sorted.last().copied().unwrap_or_default(),
    );
    let sentence = format!(
        "{}{unit} is above {below} and below {above} of the {n} published agreements ({equal} equal); they range from {}{unit} to {}{unit}, median {}{unit}.",
        offered.normalize(),
        low.normalize(),
        high.normalize(),
        median.normalize()
    );
    Placement {
        offered,
        published: n,
        below,
        equal,
        above,
        low,
        median,
        high,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_table_is_the_2022_one() {
        let p = published();
        assert_eq!(p.len(), 16);
        let huobi = p.iter().find(|a| a.exchange == "Huobi").unwrap();
        assert_eq!(huobi.value, Decimal::from(35));
        assert_eq!(published_flat(), [Decimal::from(750), Decimal::from(500)]);
    }

    #[test]
    fn thirty_percent_is_the_median() {
        let p = place(Decimal::from(30), &published_shares(), "%");
        assert_eq!((p.below, p.equal, p.above, p.published), (3, 5, 6, 14));
        assert_eq!(p.median, Decimal::from(30));
        assert_eq!((p.low, p.high), (Decimal::from(20), Decimal::from(45)));
    }
}
