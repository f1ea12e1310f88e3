//! Numbers, money, dates and country names formatted by the browser's `Intl`, never by hand.
//!
//! Outside a browser (native tests) the engine's plain formatting is used instead.

use engine::Date;
use engine::model::Unit;

/// The language the app formats for.
const LOCALE: &str = "en-GB";

/// An amount with its unit, for example `€68,815.00 a year` or `18 years`.
pub fn quantity(value: f64, unit: Option<Unit>) -> String {
    let formatted = match unit {
        Some(Unit::EurYear | Unit::EurMonth | Unit::Eur) => browser::money(value, LOCALE),
        _ => browser::number(value, LOCALE),
    }
    .unwrap_or_else(|| engine::format::number(value));
    match unit {
        Some(Unit::EurYear) => format!("{formatted} a year"),
        Some(Unit::EurMonth) => format!("{formatted} a month"),
        Some(Unit::Years) => format!("{formatted} years"),
        Some(Unit::Months) => format!("{formatted} months"),
        Some(Unit::Days) => format!("{formatted} days"),
        Some(Unit::HoursWeek) => format!("{formatted} hours a week"),
        Some(Unit::Persons) => format!("{formatted} persons"),
        Some(Unit::Eur) | None => formatted,
    }
}

/// A date such as `27 November 2026`.
pub fn date(date: Date) -> String {
    browser::date(date, LOCALE).unwrap_or_else(|| date.to_string())
}

/// A country's name from its ISO code, or the code when the browser does not know it.
pub fn country(code: &str) -> String {
    browser::country(code, LOCALE).unwrap_or_else(|| code.to_string())
}

/// Today's date on this device (none outside a browser).
pub fn today() -> Option<Date> {
    browser::today()
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use engine::Date;
    use js_sys::{Array, Function, Intl, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    fn options(pairs: &[(&str, &str)]) -> Object {
        let options = Object::new();
        for (key, value) in pairs {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&options, &(*key).into(), &(*value).into());
        }
        options
    }

    fn locales(locale: &str) -> Array {
        Array::of1(&locale.into())
    }

    fn call(format: Function, value: &JsValue) -> Option<String> {
        format.call1(&JsValue::NULL, value).ok()?.as_string()
    }

    pub fn money(value: f64, locale: &str) -> Option<String> {
        let fraction = if value.fract() == 0.0 { "0" } else { "2" };
        let format = Intl::NumberFormat::new(
            &locales(locale),
            &options(&[
                ("style", "currency"),
                ("currency", "EUR"),
                ("minimumFractionDigits", fraction),
            ]),
        );
        call(format.format(), &value.into())
    }

    pub fn number(value: f64, locale: &str) -> Option<String> {
        let format = Intl::NumberFormat::new(&locales(locale), &Object::new());
        call(format.format(), &value.into())
    }

    pub fn date(date: Date, locale: &str) -> Option<String> {
        let millis = date.days_since_epoch() as f64 * 86_400_000.0;
        let js_date = js_sys::Date::new(&millis.into());
        let format = Intl::DateTimeFormat::new(
            &locales(locale),
            &options(&[("dateStyle", "long"), ("timeZone", "UTC")]),
        );
        call(format.format(), &js_date.into())
    }

    pub fn country(code: &str, locale: &str) -> Option<String> {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let constructor: Function = Reflect::get(&intl, &"DisplayNames".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let arguments = Array::of2(&locales(locale), &options(&[("type", "region")]));
        let names = Reflect::construct(&constructor, &arguments).ok()?;
        let of: Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
        of.call1(&names, &code.into()).ok()?.as_string()
    }

    pub fn today() -> Option<Date> {
        let days = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
        Date::from_days_since_epoch(days)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use engine::Date;

    pub fn money(value: f64, _locale: &str) -> Option<String> {
        Some(format!("€{}", engine::format::number(value)))
    }

    pub fn number(_value: f64, _locale: &str) -> Option<String> {
        None
    }

    pub fn date(_date: Date, _locale: &str) -> Option<String> {
        None
    }

    pub fn country(_code: &str, _locale: &str) -> Option<String> {
        None
    }

    pub fn today() -> Option<Date> {
        None
    }
}
