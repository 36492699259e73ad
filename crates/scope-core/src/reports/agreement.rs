//! The agreement's report and its CSV.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::agreement::AgreementReport;
use crate::case::Case;
use crate::support::written::money;

use super::{Document, Table, Text};

pub fn document(case: &Case, a: &AgreementReport) -> Document {
    let mut d = Document::default();
    let c = &a.currency;
    d.heading(1, format!("Agreement: {}", case.exchange.name));
    d.paragraph(format!(
        "A {} agreement; the maintainer receives {}%, the Foundation the rest.",
        a.kind, a.developer_share_pct
    ));
    let total = format!("total ({c})");
    let mut t = Table::new(&[
        ("month", true),
        (total.as_str(), true),
        ("maintainer", true),
        ("Foundation", true),
    ]);
    for m in &a.months {
        t.row([
            m.month.to_string(),
            money(m.total),
            money(m.developer),
            money(m.foundation),
        ]);
    }
    let totals = &a.totals;
    t.row([
        Text::strong("total"),
        Text::strong(money(totals.total)),
        Text::strong(money(totals.developer)),
        Text::strong(money(totals.foundation)),
    ]);
    d.table(t);
    if totals.build_charge > Decimal::ZERO {
        d.paragraph(format!(
            "Build charge, from the exchange to the developer: {c} {}.",
            money(totals.build_charge)
        ));
    }
    if totals.maintenance_fees > Decimal::ZERO {
        d.paragraph(format!(
            "Year-2 maintenance fees: {c} {}.",
            money(totals.maintenance_fees)
        ));
    }
    if let Some(p) = &a.placement {
        d.paragraph(p.sentence.as_str());
    }
    d
}

/// month,volume,total,developer,foundation,maintenance_fee
pub fn csv(a: &AgreementReport) -> String {
    let mut out = String::from("month,volume,total,developer,foundation,maintenance_fee\n");
    // Every amount to the cent, as the months after the first already are (the first month's
    // volume is the one typed).
    let cents = |d: Decimal| format!("{:.2}", d.round_dp(2));
    for m in &a.months {
        let volume = m.volume.map(cents).unwrap_or_default();
        let _ = writeln!(
            out,
            "{},{volume},{},{},{},{}",
            m.month,
            cents(m.total),
            cents(m.developer),
            cents(m.foundation),
            cents(m.maintenance_fee)
        );
    }
    out
}
