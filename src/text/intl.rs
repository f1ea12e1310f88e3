//! Numbers, money, dates and country names formatted by the browser's `Intl`, never by hand.
//!
//! Outside a browser (native tests) the engine's plain formatting is used instead.

use engine::Date;
use engine::model::Unit;

/// The BCP 47 tag the browser formats for, from the language on show (Belgian conventions where they exist).
fn tag() -> &'static str {
    let current = crate::text::catalog::catalog()
        .map(|c| c.current())
        .unwrap_or_default();
    match current.as_str() {
        "fr" => "fr-BE",
        "nl" => "nl-BE",
        "de" => "de-BE",
        "ar" => "ar",
        "fa" => "fa-AF",
        "ps" => "ps-AF",
        "ti" => "ti-ER",
        "so" => "so-SO",
        "uk" => "uk",
        "ru" => "ru",
        "tr" => "tr",
        "es" => "es",
        _ => "en-GB",
    }
}

/// What `Catalog` fills `{$parameter}` placeholders with: the amount in the language on show, isolated from the
/// direction of the text around it (U+2068 … U+2069), so `€2,100` stays whole inside Arabic text.
pub fn quantity_formatter() -> impl Fn(f64, Option<Unit>) -> String {
    |value, unit| format!("\u{2068}{}\u{2069}", quantity(value, unit))
}

/// An amount with its unit, for example `€68,815 a year` or `18 years`, in the language on show.
pub fn quantity(value: f64, unit: Option<Unit>) -> String {
    let tag = tag();
    let number = || browser::number(value, tag).unwrap_or_else(|| engine::format::number(value));
    let money = || {
        browser::money(value, tag).unwrap_or_else(|| format!("€{}", engine::format::number(value)))
    };
    let ui = |name: &str, placeholder: &str, value: String| match crate::text::catalog::catalog() {
        Ok(catalog) => catalog.ui(name, &[(placeholder, &value)]),
        Err(_) => value,
    };
    match unit {
        Some(Unit::Eur) => money(),
        Some(Unit::EurYear) => ui("amount_per_year", "amount", money()),
        Some(Unit::EurMonth) => ui("amount_per_month", "amount", money()),
        Some(Unit::Years) => {
            browser::unit(value, "year", tag).unwrap_or_else(|| format!("{} years", number()))
        }
        Some(Unit::Months) => {
            browser::unit(value, "month", tag).unwrap_or_else(|| format!("{} months", number()))
        }
        Some(Unit::Days) => {
            browser::unit(value, "day", tag).unwrap_or_else(|| format!("{} days", number()))
        }
        Some(Unit::HoursWeek) => ui("amount_hours_week", "number", number()),
        Some(Unit::Persons) => ui("amount_persons", "number", number()),
        None => number(),
    }
}

/// A date such as `27 November 2026`.
pub fn date(date: Date) -> String {
    browser::date(date, tag()).unwrap_or_else(|| date.to_string())
}

/// A country's name from its ISO code, or the code when the browser does not know it.
pub fn country(code: &str) -> String {
    browser::country(code, tag()).unwrap_or_else(|| code.to_string())
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

    pub fn unit(value: f64, unit: &str, locale: &str) -> Option<String> {
        let format = Intl::NumberFormat::new(
            &locales(locale),
            &options(&[("style", "unit"), ("unit", unit), ("unitDisplay", "long")]),
        );
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
        let n = engine::format::number(value);
        // Whole euros as `€68,815`, otherwise always with cents, as the engine writes money.
        Some(match n.split_once('.') {
            Some((_, cents)) if cents.len() == 1 => format!("€{n}0"),
            _ => format!("€{n}"),
        })
    }

    pub fn number(_value: f64, _locale: &str) -> Option<String> {
        None
    }

    pub fn unit(_value: f64, _unit: &str, _locale: &str) -> Option<String> {
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
