//! Session edits of the agreement.

use rust_decimal::Decimal;

use crate::case::Case;
use crate::case::{AgreementKind, AgreementSpec, Incentives};

/// A typed amount of the agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgreementField {
    MonthlyVolume,
    FeeRatePct,
    SharePct,
    FixedMonthly,
    GrowthPct,
    BuildCharge,
    Months,
    Hbot,
    ExchangeToken,
    FirstUsers,
}

impl AgreementField {
    pub fn path(self) -> &'static str {
        match self {
            AgreementField::MonthlyVolume => "agreement.monthly_volume",
            AgreementField::FeeRatePct => "agreement.fee_rate_pct",
            AgreementField::SharePct => "agreement.share_pct",
            AgreementField::FixedMonthly => "agreement.fixed_monthly",
            AgreementField::GrowthPct => "agreement.monthly_growth_pct",
            AgreementField::BuildCharge => "agreement.build_charge",
            AgreementField::Months => "agreement.months",
            AgreementField::Hbot => "agreement.incentives.hbot",
            AgreementField::ExchangeToken => "agreement.incentives.exchange_token",
            AgreementField::FirstUsers => "agreement.incentives.first_users",
        }
    }

    /// The value the case holds, as an input shows it.
    pub fn value(self, spec: &AgreementSpec) -> String {
        let d = |v: Option<Decimal>| v.map(|d| d.to_string()).unwrap_or_default();
        let inc = spec.incentives.as_ref();
        match self {
            AgreementField::MonthlyVolume => d(spec.monthly_volume),
            AgreementField::FeeRatePct => d(spec.fee_rate_pct),
            AgreementField::SharePct => d(spec.share_pct),
            AgreementField::FixedMonthly => d(spec.fixed_monthly),
            AgreementField::GrowthPct => spec.monthly_growth_pct.to_string(),
            AgreementField::BuildCharge => d(spec.build_charge),
            AgreementField::Months => spec.months.to_string(),
            AgreementField::Hbot => inc.map(|i| i.hbot.to_string()).unwrap_or_default(),
            AgreementField::ExchangeToken => inc
                .map(|i| i.exchange_token.to_string())
                .unwrap_or_default(),
            AgreementField::FirstUsers => {
                inc.map(|i| i.first_users.to_string()).unwrap_or_default()
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum AgreementEdit {
    /// Starts an agreement of this kind (or switches the kind), or removes it.
    Kind(Option<AgreementKind>),
    Text(AgreementField, String),
    Renewal(bool),
    TokenSymbol(String),
}

/// A new agreement: the median published share (30%), as a starting point to edit.
pub fn starting_agreement(kind: AgreementKind) -> AgreementSpec {
    AgreementSpec {
        kind,
        monthly_volume: Some(Decimal::from(1_000_000)),
        fee_rate_pct: Some(Decimal::new(1, 1)),
        share_pct: Some(Decimal::from(30)),
        monthly_growth_pct: Decimal::ZERO,
        fixed_monthly: Some(Decimal::from(500)),
        months: 12,
        build_charge: None,
        renewal: false,
        incentives: None,
    }
}

pub fn apply(c: &mut Case, edit: AgreementEdit) -> Option<(String, String, Result<(), String>)> {
    match edit {
        AgreementEdit::Kind(None) => c.agreement = None,
        AgreementEdit::Kind(Some(kind)) => match &mut c.agreement {
            Some(spec) => spec.kind = kind,
            None => c.agreement = Some(starting_agreement(kind)),
        },
        AgreementEdit::Renewal(on) => {
            if let Some(spec) = &mut c.agreement {
                spec.renewal = on;
            }
        }
        AgreementEdit::TokenSymbol(symbol) => {
            if let Some(spec) = &mut c.agreement {
                let inc = spec.incentives.get_or_insert_with(empty_incentives);
                inc.exchange_token_symbol =
                    (!symbol.trim().is_empty()).then(|| symbol.trim().to_string());
            }
        }
        AgreementEdit::Text(field, text) => {
            let result = match &mut c.agreement {
                Some(spec) => set(spec, field, text.trim()),
                None => Err("start an agreement first".into()),
            };
            return Some((field.path().to_string(), text, result));
        }
    }
    None
}

fn empty_incentives() -> Incentives {
    Incentives {
        hbot: Decimal::ZERO,
        exchange_token: Decimal::ZERO,
        exchange_token_symbol: None,
        first_users: 0,
    }
}

fn set(spec: &mut AgreementSpec, field: AgreementField, t: &str) -> Result<(), String> {
    let amount = || -> Result<Decimal, String> {
        crate::support::money::parse_amount(t).ok_or_else(|| {
            format!(
                "{} is not an amount (digits, one decimal point)",
                super::typed(t)
            )
        })
    };
    let optional = || {
        if t.is_empty() {
            Ok(None)
        } else {
            amount().map(Some)
        }
    };
    let whole = || {
        t.parse::<u32>()
            .map_err(|_| format!("{t:?} is not a whole number"))
    };
    match field {
        AgreementField::MonthlyVolume => spec.monthly_volume = optional()?,
        AgreementField::FeeRatePct => spec.fee_rate_pct = optional()?,
        AgreementField::SharePct => spec.share_pct = optional()?,
        AgreementField::FixedMonthly => spec.fixed_monthly = optional()?,
        AgreementField::GrowthPct => {
            spec.monthly_growth_pct = if t.is_empty() {
                Decimal::ZERO
            } else {
                amount()?
            }
        }
        AgreementField::BuildCharge => spec.build_charge = optional()?,
        AgreementField::Months => spec.months = whole()?,
        AgreementField::Hbot => {
            spec.incentives.get_or_insert_with(empty_incentives).hbot = amount()?
        }
        AgreementField::ExchangeToken => {
            spec.incentives
                .get_or_insert_with(empty_incentives)
                .exchange_token = amount()?
        }
        AgreementField::FirstUsers => {
            spec.incentives
                .get_or_insert_with(empty_incentives)
                .first_users = whole()?
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::session::{Edit, Session};

    #[test]
    fn an_agreement_starts_edits_and_validates() {
        let case = Case::from_json(r#"{"version": 1, "exchange": {"name": "X"}}"#).unwrap();
        let mut s = Session::new(case);
        s.apply(Edit::Agreement(AgreementEdit::Text(
            AgreementField::SharePct,
            "30".into(),
        )));
        assert!(
            s.error("agreement.share_pct")
                .unwrap()
                .contains("start an agreement first")
        );
        s.apply(Edit::Agreement(AgreementEdit::Kind(Some(
            AgreementKind::Variable,
        ))));
        s.apply(Edit::Agreement(AgreementEdit::Text(
            AgreementField::SharePct,
            "130".into(),
        )));
        assert!(
            s.error("agreement.share_pct")
                .unwrap()
                .contains("between 0 and 100")
        );
        s.apply(Edit::Agreement(AgreementEdit::Text(
            AgreementField::SharePct,
            "25".into(),
        )));
        assert!(s.is_current(), "{:?}", s.problems());
        assert_eq!(
            s.valid().agreement.as_ref().unwrap().share_pct,
            Some(Decimal::from(25))
        );
        s.apply(Edit::Agreement(AgreementEdit::Text(
            AgreementField::FirstUsers,
            "many".into(),
        )));
        assert!(
            s.error("agreement.incentives.first_users")
                .unwrap()
                .contains("whole number")
        );
        s.apply(Edit::Agreement(AgreementEdit::Kind(None)));
        assert!(s.edited().agreement.is_none());
    }
}
