//! The rules of the agreement: its amounts, growth, months and incentives.

use rust_decimal::Decimal;

use crate::case::{AgreementKind, Case, MAX_MONTHS, MAX_SYMBOL};

use super::line_text;

pub(super) fn agreement(case: &Case, err: &mut dyn FnMut(&str, String)) {
    let Some(a) = &case.agreement else { return };
    let max = Decimal::from(1_000_000_000_000i64);
    let amount = |err: &mut dyn FnMut(&str, String),
                  field: &str,
                  value: Option<Decimal>,
                  needed: bool,
                  limit: Decimal| match value {
        None if needed => err(
            &format!("agreement.{field}"),
            format!("required for a {} agreement", a.kind),
        ),
        Some(v) if v < Decimal::ZERO || v > limit => err(
            &format!("agreement.{field}"),
            format!("must be between 0 and {limit}"),
        ),
        _ => {}
    };
    let variable = a.kind == AgreementKind::Variable;
    amount(err, "monthly_volume", a.monthly_volume, variable, max);
    amount(
        err,
        "fee_rate_pct",
        a.fee_rate_pct,
        variable,
        Decimal::ONE_HUNDRED,
    );
    amount(
        err,
        "share_pct",
        a.share_pct,
        variable,
        Decimal::ONE_HUNDRED,
    );
    amount(err, "fixed_monthly", a.fixed_monthly, !variable, max);
    amount(err, "build_charge", a.build_charge, false, max);
    if a.monthly_growth_pct < Decimal::from(-100) || a.monthly_growth_pct > Decimal::ONE_HUNDRED {
        err(
            "agreement.monthly_growth_pct",
            "must be between -100 and 100 percent".into(),
        );
    }
    if a.months == 0 || a.months > MAX_MONTHS {
        err(
            "agreement.months",
            format!("must be between 1 and {MAX_MONTHS}"),
        );
    } else if variable && let Some(volume) = a.monthly_volume {
        let growth = a.monthly_growth_pct.as_f64();
        // Compounded growth must keep the last month's volume a real figure (and inside
        // Decimal's range): at most 10^15 a month.
        let first = volume.as_f64();
        let last = first * (1.0 + growth / 100.0).powi(a.months as i32 - 1);
        if !(last.is_finite() && last <= 1e15) {
            err(
                "agreement.monthly_growth_pct",
                format!(
                    "at {}% a month the volume passes 10^15 a month within {} months: lower the growth or the months",
                    a.monthly_growth_pct, a.months
                ),
            );
        }
    }
    if let Some(i) = &a.incentives {
        if let Some(symbol) = &i.exchange_token_symbol {
            line_text(
                err,
                "agreement.incentives.exchange_token_symbol",
                symbol,
                MAX_SYMBOL,
            );
        }
        if i.hbot < Decimal::ZERO || i.exchange_token < Decimal::ZERO {
            err(
                "agreement.incentives",
                "rewards must not be negative".into(),
            );
        }
        if i.first_users == 0 && (i.hbot > Decimal::ZERO || i.exchange_token > Decimal::ZERO) {
            err(
                "agreement.incentives.first_users",
                "rewards need at least one first user".into(),
            );
        }
    }
}
