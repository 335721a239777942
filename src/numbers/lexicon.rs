//! The words of the grammar: number words, ordinals, scales, units, currencies,
//! months and weekdays, as static tables (no allocation, small in the wasm).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are short words from fixed tables, so a keyed hash buys nothing
/// here, and SipHash cost as much as the look-ups themselves.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with the [`Fnv`] hasher.
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A 4096-bit filter over the length and three bytes of each key. Most words of a text
/// are in no table, and the filter turns them away without hashing the whole word (the
/// grammar asks its tables many times per token).
pub(crate) struct Filter([u64; 64]);

impl Filter {
    /// A filter that holds no key.
    pub(crate) const fn new() -> Filter {
        Filter([0; 64])
    }

    fn slot(w: &[u8]) -> usize {
        let (Some(&a), Some(&z)) = (w.first(), w.last()) else {
            return 0;
        };
        let m = w[w.len() / 2];
        let x = (w.len() as u32) << 24 ^ u32::from(a) << 16 ^ u32::from(m) << 8 ^ u32::from(z);
        (x.wrapping_mul(0x9E37_79B9) >> 20) as usize
    }

    /// Lets `w` through from now on.
    pub(crate) fn insert(&mut self, w: &str) {
        let k = Filter::slot(w.as_bytes());
        self.0[k >> 6] |= 1 << (k & 63);
    }

    /// False when `w` was never inserted (true may be either).
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        let k = Filter::slot(w.as_bytes());
        self.0[k >> 6] >> (k & 63) & 1 == 1
    }
}

/// A word table looked up in constant time: the map is built from the slice on first
/// use. The grammar asks these tables at nearly every token, so a scan of the slice
/// (hundreds of units) dominated the cost of reading numbers. Where a key stands twice,
/// the first entry wins, as a scan would have it.
struct Table<V: 'static> {
    pairs: &'static [(&'static str, V)],
    map: OnceLock<(Filter, FnvMap<&'static str, V>)>,
}

impl<V: Copy + Send + Sync> Table<V> {
    const fn new(pairs: &'static [(&'static str, V)]) -> Table<V> {
        Table {
            pairs,
            map: OnceLock::new(),
        }
    }

    fn get(&self, key: &str) -> Option<V> {
        let (filter, map) = self.map.get_or_init(|| {
            let mut f = Filter::new();
            let mut m = FnvMap::with_capacity_and_hasher(self.pairs.len(), Default::default());
            for &(k, v) in self.pairs.iter().rev() {
                f.insert(k);
                m.insert(k, v);
            }
            (f, m)
        });
        if !filter.may_hold(key) {
            return None;
        }
        map.get(key).copied()
    }
}

/// A set of words looked up in constant time, built from the slice on first use.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<(Filter, FnvMap<&'static str, ()>)>,
}

impl WordSet {
    /// The set of `words`.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// True when `w` is in the set.
    pub(crate) fn contains(&self, w: &str) -> bool {
        let (filter, set) = self.set.get_or_init(|| {
            let mut f = Filter::new();
            for w in self.words {
                f.insert(w);
            }
            (f, self.words.iter().map(|&w| (w, ())).collect())
        });
        filter.may_hold(w) && set.contains_key(w)
    }
}

static SMALL_T: Table<u32> = Table::new(SMALL);
static ORDINALS_T: Table<u32> = Table::new(ORDINALS);
static SCALES_T: Table<f64> = Table::new(SCALES);
static MAGNITUDES_T: Table<f64> = Table::new(MAGNITUDES);
static UNITS_T: Table<&'static str> = Table::new(UNITS);
static MONTHS_T: Table<u32> = Table::new(MONTHS);
static WEEKDAYS_T: Table<u32> = Table::new(WEEKDAYS);

/// Cardinal words below one hundred that stand alone.
pub(crate) const SMALL: &[(&str, u32)] = &[
    ("zero", 0),
    ("nought", 0),
    ("naught", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Ordinal words and their values.
pub(crate) const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("millionth", 1_000_000),
    ("billionth", 1_000_000_000),
];

/// Scale words: `hundred` and the powers of a thousand (and the Indian lakh, crore).
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lac", 1e5),
    ("crore", 1e7),
    ("krore", 1e7),
];

/// Abbreviated magnitudes written after a figure: `2.5bn`, `3k`, `$4m`, `10M`.
const MAGNITUDES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("K", 1e3),
    ("m", 1e6),
    ("M", 1e6),
    ("MM", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("b", 1e9),
    ("B", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("tn", 1e12),
    ("tr", 1e12),
    ("trn", 1e12),
    ("G", 1e9),
];

/// Value of a cardinal word below one hundred.
pub fn small(w: &str) -> Option<u32> {
    SMALL_T.get(w)
}

/// Value of a scale word, singular or plural (`hundred`, `millions`, `lakhs`).
pub fn scale(w: &str) -> Option<f64> {
    let s = w.strip_suffix('s').unwrap_or(w);
    SCALES_T.get(s)
}

/// Value of an abbreviated magnitude (`bn`, `k`, `M`); case matters (`m` is also metre).
pub fn magnitude(w: &str) -> Option<f64> {
    MAGNITUDES_T.get(w)
}

/// Value of an ordinal word, simple or compound (`third`, `twenty-first`).
pub fn ordinal(w: &str) -> Option<u32> {
    if let Some(v) = ORDINALS_T.get(w) {
        return Some(v);
    }
    let (tens, unit) = w.split_once(['-', '—', '–'])?;
    let t = small(tens).filter(|t| *t >= 20 && t % 10 == 0)?;
    let u = ORDINALS_T.get(unit).filter(|u| *u < 10)?;
    Some(t + u)
}

/// Value of a compound cardinal word written with a hyphen (`twenty-one`).
pub fn compound(w: &str) -> Option<u32> {
    if let Some(v) = small(w) {
        return Some(v);
    }
    let (tens, unit) = w.split_once(['-', '—', '–'])?;
    let t = small(tens).filter(|t| *t >= 20 && t % 10 == 0)?;
    let u = small(unit).filter(|u| (1..10).contains(u))?;
    Some(t + u)
}

/// A denominator word (`half`, `thirds`, `quarter`, `fifths`): its value and whether it
/// is plural.
pub fn denominator(w: &str) -> Option<(f64, bool)> {
    match w {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        "quarter" => return Some((4.0, false)),
        "quarters" => return Some((4.0, true)),
        "trillionth" => return Some((1e12, false)),
        "trillionths" => return Some((1e12, true)),
        _ => {}
    }
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) => (s, true),
        None => (w, false),
    };
    let v = ordinal(stem)?;
    (v >= 3).then_some((f64::from(v), plural))
}

/// Month names and abbreviations, as 1..=12.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// A month name or abbreviation (`April`, `apr`, `Sept.`), as 1..=12.
pub fn month(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    MONTHS_T.get(w)
}

/// True for a month written out in full (not an abbreviation).
pub fn month_full(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Weekday names and abbreviations, as 1 (Monday) ..= 7.
pub(crate) const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1),
    ("mon", 1),
    ("tuesday", 2),
    ("tue", 2),
    ("tues", 2),
    ("wednesday", 3),
    ("wed", 3),
    ("thursday", 4),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("friday", 5),
    ("fri", 5),
    ("saturday", 6),
    ("sat", 6),
    ("sunday", 7),
    ("sun", 7),
];

/// A weekday name or abbreviation, as 1 (Monday) ..= 7.
pub fn weekday(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    let w = w.strip_suffix('s').filter(|s| s.len() > 5).unwrap_or(w);
    WEEKDAYS_T.get(w)
}

/// Units of time, singular or plural or abbreviated, and their canonical names.
pub(crate) const TIME_UNITS: &[(&str, &str)] = &[
    ("second", "second"),
    ("seconds", "second"),
    ("sec", "second"),
    ("secs", "second"),
    ("s", "second"),
    ("minute", "minute"),
    ("minutes", "minute"),
    ("min", "minute"),
    ("mins", "minute"),
    ("hour", "hour"),
    ("hours", "hour"),
    ("hr", "hour"),
    ("hrs", "hour"),
    ("h", "hour"),
    ("day", "day"),
    ("days", "day"),
    ("night", "night"),
    ("nights", "night"),
    ("week", "week"),
    ("weeks", "week"),
    ("wk", "week"),
    ("wks", "week"),
    ("fortnight", "fortnight"),
    ("fortnights", "fortnight"),
    ("month", "month"),
    ("months", "month"),
    ("mo", "month"),
    ("mos", "month"),
    ("year", "year"),
    ("years", "year"),
    ("yr", "year"),
    ("yrs", "year"),
    ("decade", "decade"),
    ("decades", "decade"),
    ("century", "century"),
    ("centuries", "century"),
    ("millennium", "millennium"),
    ("millennia", "millennium"),
];

static TIME_UNITS_T: Table<&'static str> = Table::new(TIME_UNITS);

/// A unit of time, singular or plural or abbreviated, as its canonical name.
pub fn time_unit(w: &str) -> Option<&'static str> {
    TIME_UNITS_T.get(w)
}

/// Units of measure: the written forms (lowercase unless the case matters) and the
/// canonical symbol. Multi-word units are listed with single spaces.
const UNITS: &[(&str, &str)] = &[
    // length
    ("km", "km"),
    ("kms", "km"),
    ("kilometer", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometres", "km"),
    ("m", "m"),
    ("meter", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("metres", "m"),
    ("cm", "cm"),
    ("centimeter", "cm"),
    ("centimeters", "cm"),
    ("centimetre", "cm"),
    ("centimetres", "cm"),
    ("mm", "mm"),
    ("millimeter", "mm"),
    ("millimeters", "mm"),
    ("millimetre", "mm"),
    ("millimetres", "mm"),
    ("nm", "nm"),
    ("nanometer", "nm"),
    ("nanometers", "nm"),
    ("micron", "µm"),
    ("microns", "µm"),
    ("mi", "mi"),
    ("mile", "mi"),
    ("miles", "mi"),
    ("yd", "yd"),
    ("yds", "yd"),
    ("yard", "yd"),
    ("yards", "yd"),
    ("ft", "ft"),
    ("foot", "ft"),
    ("feet", "ft"),
    ("in", "in"),
    ("inch", "in"),
    ("inches", "in"),
    ("nautical mile", "nmi"),
    ("nautical miles", "nmi"),
    ("light year", "ly"),
    ("light years", "ly"),
    ("light-year", "ly"),
    ("light-years", "ly"),
    // area
    ("km2", "km²"),
    ("km²", "km²"),
    ("m2", "m²"),
    ("m²", "m²"),
    ("sq km", "km²"),
    ("sq mi", "mi²"),
    ("sq ft", "ft²"),
    ("square kilometer", "km²"),
    ("square kilometers", "km²"),
    ("square kilometre", "km²"),
    ("square kilometres", "km²"),
    ("square meter", "m²"),
    ("square meters", "m²"),
    ("square metre", "m²"),
    ("square metres", "m²"),
    ("square mile", "mi²"),
    ("square miles", "mi²"),
    ("square foot", "ft²"),
    ("square feet", "ft²"),
    ("square yards", "yd²"),
    ("acre", "acre"),
    ("acres", "acre"),
    ("hectare", "ha"),
    ("hectares", "ha"),
    ("ha", "ha"),
    // volume
    ("l", "l"),
    ("liter", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("litres", "l"),
    ("ml", "ml"),
    ("mls", "ml"),
    ("milliliter", "ml"),
    ("milliliters", "ml"),
    ("millilitre", "ml"),
    ("millilitres", "ml"),
    ("hectoliter", "hl"),
    ("hectoliters", "hl"),
    ("hectolitre", "hl"),
    ("hectolitres", "hl"),
    ("gal", "gal"),
    ("gals", "gal"),
    ("gallon", "gal"),
    ("gallons", "gal"),
    ("barrel", "bbl"),
    ("barrels", "bbl"),
    ("bbl", "bbl"),
    ("cubic meter", "m³"),
    ("cubic meters", "m³"),
    ("cubic metres", "m³"),
    ("cubic feet", "ft³"),
    ("cubic foot", "ft³"),
    ("cup", "cup"),
    ("cups", "cup"),
    ("pint", "pt"),
    ("pints", "pt"),
    ("quart", "qt"),
    ("quarts", "qt"),
    ("teaspoon", "tsp"),
    ("teaspoons", "tsp"),
    ("tablespoon", "tbsp"),
    ("tablespoons", "tbsp"),
    // mass
    ("kg", "kg"),
    ("kgs", "kg"),
    ("k.g.", "kg"),
    ("kilo", "kg"),
    ("kilos", "kg"),
    ("kilogram", "kg"),
    ("kilograms", "kg"),
    ("kilogramme", "kg"),
    ("kilogrammes", "kg"),
    ("g", "g"),
    ("g.", "g"),
    ("gs", "g"),
    ("gram", "g"),
    ("grams", "g"),
    ("gramme", "g"),
    ("grammes", "g"),
    ("mg", "mg"),
    ("milligram", "mg"),
    ("milligrams", "mg"),
    ("mcg", "µg"),
    ("µg", "µg"),
    ("microgram", "µg"),
    ("micrograms", "µg"),
    ("t", "t"),
    ("ton", "t"),
    ("tons", "t"),
    ("tonne", "t"),
    ("tonnes", "t"),
    ("metric ton", "t"),
    ("metric tons", "t"),
    ("metric tonnes", "t"),
    ("lb", "lb"),
    ("lbs", "lb"),
    ("pound", "lb"),
    ("pounds", "lb"),
    ("oz", "oz"),
    ("ounce", "oz"),
    ("ounces", "oz"),
    ("stone", "st"),
    ("carat", "ct"),
    ("carats", "ct"),
    // speed
    ("mph", "mph"),
    ("kph", "km/h"),
    ("kmph", "km/h"),
    ("km/h", "km/h"),
    ("km/hr", "km/h"),
    ("kmh", "km/h"),
    ("knot", "kn"),
    ("knots", "kn"),
    ("miles per hour", "mph"),
    ("mile per hour", "mph"),
    ("kilometers per hour", "km/h"),
    ("kilometres per hour", "km/h"),
    ("kilometer per hour", "km/h"),
    ("meters per second", "m/s"),
    ("metres per second", "m/s"),
    // temperature and angles
    ("°", "°"),
    ("º", "°"),
    ("°c", "°C"),
    ("°f", "°F"),
    ("degree", "°"),
    ("degrees", "°"),
    ("deg", "°"),
    ("deg.", "°"),
    ("degree celsius", "°C"),
    ("degrees celsius", "°C"),
    ("degrees centigrade", "°C"),
    ("degree fahrenheit", "°F"),
    ("degrees fahrenheit", "°F"),
    ("degrees farenheit", "°F"),
    ("degrees c", "°C"),
    ("degrees f", "°F"),
    ("degree c", "°C"),
    ("degree f", "°F"),
    ("deg c", "°C"),
    ("deg f", "°F"),
    ("deg celsius", "°C"),
    ("deg fahrenheit", "°F"),
    ("° c", "°C"),
    ("° f", "°F"),
    ("ºc", "°C"),
    ("ºf", "°F"),
    ("º c", "°C"),
    ("º f", "°F"),
    ("° celsius", "°C"),
    ("° fahrenheit", "°F"),
    ("celsius", "°C"),
    ("centigrade", "°C"),
    ("centigrate", "°C"),
    ("fahrenheit", "°F"),
    ("farenheit", "°F"),
    ("kelvin", "K"),
    // energy, power, data, other news units
    ("kw", "kW"),
    ("mw", "MW"),
    ("gw", "GW"),
    ("kwh", "kWh"),
    ("mwh", "MWh"),
    ("gwh", "GWh"),
    ("kilowatt", "kW"),
    ("kilowatts", "kW"),
    ("megawatt", "MW"),
    ("megawatts", "MW"),
    ("gigawatt", "GW"),
    ("gigawatts", "GW"),
    ("kilowatt-hours", "kWh"),
    ("watt", "W"),
    ("watts", "W"),
    ("volt", "V"),
    ("volts", "V"),
    ("calorie", "kcal"),
    ("calories", "kcal"),
    ("kb", "kB"),
    ("mb", "MB"),
    ("gb", "GB"),
    ("tb", "TB"),
    ("kilobytes", "kB"),
    ("megabytes", "MB"),
    ("gigabytes", "GB"),
    ("terabytes", "TB"),
    ("megapixel", "MP"),
    ("megapixels", "MP"),
    ("ghz", "GHz"),
    ("mhz", "MHz"),
    ("hz", "Hz"),
    ("decibel", "dB"),
    ("decibels", "dB"),
    ("db", "dB"),
    ("megaton", "Mt"),
    ("megatons", "Mt"),
    ("kiloton", "kt"),
    ("kilotons", "kt"),
    ("dozen", "dozen"),
    ("dozens", "dozen"),
];

/// Units with a case-sensitive written form (`MW`, not `mw` as a word).
const UNITS_CASED: &[(&str, &str)] = &[("MW", "MW"), ("GW", "GW"), ("kW", "kW"), ("MB", "MB")];

/// The canonical symbol of a one-word unit. `word` is lowercase.
pub fn unit(word: &str) -> Option<&'static str> {
    UNITS_T.get(word).or_else(|| {
        UNITS_CASED
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(word))
            .map(|&(_, v)| v)
    })
}

/// The canonical symbol of a unit written as two or three words (`square meters`,
/// `miles per hour`), given lowercase words.
pub fn unit_phrase(words: &[&str]) -> Option<(&'static str, usize)> {
    // most figures are followed by no unit of several words: the first word says so
    // without building a key
    static FIRST: OnceLock<FnvMap<&'static str, ()>> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        UNITS
            .iter()
            .filter_map(|(k, _)| k.split_once(' ').map(|(f, _)| (f, ())))
            .collect()
    });
    if !words.first().is_some_and(|w| first.contains_key(w)) {
        return None;
    }
    // longest first
    for n in (2..=words.len().min(3)).rev() {
        let mut key = String::new();
        for (i, w) in words[..n].iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(w);
        }
        if let Some(v) = UNITS_T.get(&key) {
            return Some((v, n));
        }
    }
    None
}

/// Units that are also common words or letters: a figure before them is read as a
/// quantity only when they follow it directly (`5 in` is not five inches in
/// `5 in 10`).
pub fn unit_is_ambiguous(word: &str) -> bool {
    matches!(
        word,
        "in" | "m" | "t" | "g" | "l" | "s" | "h" | "mi" | "st" | "stone" | "db" | "mb" | "cup"
    )
}

/// Currency symbols written before or after a figure, and their ISO codes.
pub(crate) const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₡", "CRC"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("฿", "THB"),
    ("₫", "VND"),
    ("₴", "UAH"),
    ("₿", "BTC"),
    ("₣", "FRF"),
    ("¢", "USD"),
];

/// ISO code of a currency symbol.
pub fn currency_symbol(s: &str) -> Option<&'static str> {
    CURRENCY_SYMBOLS
        .iter()
        .find(|(k, _)| *k == s)
        .map(|&(_, v)| v)
}

/// Letters written before a `$` to say whose dollar it is (`US$`, `C$`, `A$`, `HK$`).
pub(crate) const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("u.s", "USD"),
    ("u.s.", "USD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("can", "CAD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("aus", "AUD"),
    ("nz", "NZD"),
    ("hk", "HKD"),
    ("s", "SGD"),
    ("sg", "SGD"),
    ("r", "BRL"),
    ("nt", "TWD"),
    ("mx", "MXN"),
];

/// The currency of the letters written before a `$` (lowercase).
pub fn dollar_prefix(s: &str) -> Option<&'static str> {
    DOLLAR_PREFIXES
        .iter()
        .find(|(k, _)| *k == s)
        .map(|&(_, v)| v)
}

/// ISO 4217 codes accepted before or after a figure (uppercase as written).
pub(crate) const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CAD", "AUD", "NZD", "CHF", "HKD", "SGD",
    "SEK", "NOK", "DKK", "RUB", "BRL", "MXN", "ZAR", "KRW", "TRY", "ILS", "PLN", "CZK", "HUF",
    "SAR", "AED", "QAR", "KWD", "BHD", "OMR", "EGP", "NGN", "KES", "PKR", "BDT", "LKR", "IDR",
    "MYR", "THB", "VND", "PHP", "TWD", "UAH", "ARS", "CLP", "COP", "PEN", "UYU", "BTC", "IRR",
    "IQD", "JOD", "LBP", "MAD", "TND", "DZD", "GHS", "ETB", "TZS", "UGX", "XOF", "XAF", "ISK",
    "RON", "BGN", "HRK", "RSD", "GEL", "AMD", "AZN", "KZT",
];

/// ISO code for a written code (`USD`, `usd`, `Rs`, `RM`, `LE`).
pub fn currency_code(s: &str) -> Option<&'static str> {
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        let b = s.as_bytes();
        let up = [0, 1, 2].map(|k| b[k].to_ascii_uppercase());
        if let Some(c) = CODES.iter().find(|c| c.as_bytes() == up) {
            // lowercase three-letter words (`try`, `php`) are read as codes only in capitals
            if s.bytes().all(|b| b.is_ascii_uppercase()) || matches!(*c, "USD" | "EUR" | "GBP") {
                return Some(c);
            }
        }
    }
    CODE_WORDS.iter().find(|(k, _)| *k == s).map(|&(_, v)| v)
}

/// Currency abbreviations other than ISO codes, as written (case matters).
pub(crate) const CODE_WORDS: &[(&str, &str)] = &[
    ("Rs", "INR"),
    ("Rs.", "INR"),
    ("rs", "INR"),
    ("rs.", "INR"),
    ("RM", "MYR"),
    ("LE", "EGP"),
    ("l.e.", "EGP"),
    ("L.E.", "EGP"),
    ("rmb", "CNY"),
    ("RMB", "CNY"),
    ("Sh", "KES"),
    ("KSh", "KES"),
    ("Tk", "BDT"),
];

/// Currency words (singular or plural) and their ISO codes; `dollar` is the US dollar
/// unless a country word before it says otherwise.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("buck", "USD"),
    ("bucks", "USD"),
    ("cent", "USD"),
    ("cents", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("eurocent", "EUR"),
    ("eurocents", "EUR"),
    ("pence", "GBP"),
    ("penny", "GBP"),
    ("sterling", "GBP"),
    ("quid", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("peso", "MXN"),
    ("pesos", "MXN"),
    ("real", "BRL"),
    ("reais", "BRL"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("franc", "CHF"),
    ("francs", "CHF"),
    ("krona", "SEK"),
    ("kronor", "SEK"),
    ("krone", "NOK"),
    ("kroner", "NOK"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("lire", "ITL"),
    ("shekel", "ILS"),
    ("shekels", "ILS"),
    ("riyal", "SAR"),
    ("riyals", "SAR"),
    ("rial", "IRR"),
    ("rials", "IRR"),
    ("dirham", "AED"),
    ("dirhams", "AED"),
    ("dinar", "KWD"),
    ("dinars", "KWD"),
    ("ringgit", "MYR"),
    ("ringgits", "MYR"),
    ("baht", "THB"),
    ("won", "KRW"),
    ("rand", "ZAR"),
    ("naira", "NGN"),
    ("shilling", "KES"),
    ("shillings", "KES"),
    ("dong", "VND"),
    ("rupiah", "IDR"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
    ("zloty", "PLN"),
    ("zlotys", "PLN"),
    ("forint", "HUF"),
    ("koruna", "CZK"),
    ("markka", "FIM"),
    ("markkaa", "FIM"),
    ("mark", "DEM"),
    ("marks", "DEM"),
    ("deutsche marks", "DEM"),
    ("bitcoin", "BTC"),
    ("bitcoins", "BTC"),
    ("egyptianpound", "EGP"),
];

/// ISO code of a currency word (lowercase).
pub fn currency_word(w: &str) -> Option<&'static str> {
    CURRENCY_WORDS
        .iter()
        .find(|(k, _)| *k == w)
        .map(|&(_, v)| v)
}

/// True for currency words that are also ordinary words and count as money only with
/// a figure written right before them and no noun after (`won`, `real`, `mark`).
pub fn currency_word_is_ambiguous(w: &str) -> bool {
    matches!(
        w,
        "won" | "real" | "mark" | "marks" | "rand" | "dong" | "franc" | "lira"
    )
}

/// Country and nationality words that may stand between a figure and its currency
/// (`42 kuwaiti dinar`, `20 Canadian dollars`), with the code they select.
pub fn currency_country(w: &str) -> Option<Option<&'static str>> {
    Some(match w {
        "us" | "u.s." | "american" => Some("USD"),
        "canadian" => Some("CAD"),
        "australian" => Some("AUD"),
        "singapore" | "singaporean" => Some("SGD"),
        "taiwan" | "taiwanese" => Some("TWD"),
        "mexican" => Some("MXN"),
        "hongkong" => Some("HKD"),
        "zealand" => Some("NZD"),
        "jamaican" => Some("JMD"),
        "egyptian" => Some("EGP"),
        "kuwaiti" => Some("KWD"),
        "qatari" => Some("QAR"),
        "saudi" => Some("SAR"),
        "malaysia" | "malaysian" => Some("MYR"),
        "indian" => Some("INR"),
        "pakistani" => Some("PKR"),
        "finnish" => Some("FIM"),
        "swiss" => Some("CHF"),
        "swedish" => Some("SEK"),
        "norwegian" => Some("NOK"),
        "danish" => Some("DKK"),
        "turkish" => Some("TRY"),
        "israeli" => Some("ILS"),
        "russian" => Some("RUB"),
        "brazilian" => Some("BRL"),
        "chinese" => Some("CNY"),
        "japanese" => Some("JPY"),
        "philippine" => Some("PHP"),
        "argentine" | "argentinian" => Some("ARS"),
        "colombian" => Some("COP"),
        "chilean" => Some("CLP"),
        "south" | "african" | "new" | "hong" | "kong" => None,
        _ => return None,
    })
}

/// The value of a Roman numeral in capitals written the standard way, `I` to `LXXXVIII`
/// (letters `I`, `V`, `X`, `L`, at most eight): "IV" is 4; "IIII", "VV" and "IL" are no
/// numerals.
pub fn roman(r: &str) -> Option<u32> {
    if r.is_empty() || r.len() > 8 || !r.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L')) {
        return None;
    }
    let digit = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        _ => 50,
    };
    let b = r.as_bytes();
    let mut total = 0i32;
    for k in 0..b.len() {
        let v = digit(b[k]);
        if b.get(k + 1).is_some_and(|&n| digit(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    // reject invalid forms such as "IIII" or "VV" by writing the value back
    let mut back = String::new();
    let mut n = total;
    for &(v, s) in &[
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            back.push_str(s);
            n -= v;
        }
    }
    (back == r && total > 0).then(|| total.unsigned_abs())
}

/// The value of a vulgar fraction character (`½`, `¾`, `⅔`).
pub fn vulgar_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// Words of vague amount that act as numbers (`thousands of`, `dozens`).
pub fn vague(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 24.0,
        "hundreds" => 200.0,
        "thousands" => 2e3,
        "tens" => 20.0,
        "millions" => 2e6,
        "billions" => 2e9,
        "trillions" => 2e12,
        "lakhs" => 2e5,
        "crores" => 2e7,
        _ => return None,
    })
}

/// Words that, right before a figure, make it approximate or bound it. They stay out
/// of the span (see the module docs).
pub fn is_approximator(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "around"
            | "approximately"
            | "aproximately"
            | "roughly"
            | "nearly"
            | "almost"
            | "some"
            | "over"
            | "under"
            | "exactly"
            | "just"
            | "only"
            | "circa"
            | "ca."
            | "c."
            | "~"
            | "≈"
    )
}

/// Time zone abbreviations accepted after a clock time.
pub fn time_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "est"
            | "edt"
            | "et"
            | "cst"
            | "cdt"
            | "ct"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "pt"
            | "ist"
            | "jst"
            | "aest"
            | "msk"
            | "z"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_values() {
        assert_eq!(compound("twenty-one"), Some(21));
        assert_eq!(ordinal("thirty-first"), Some(31));
        assert_eq!(denominator("fifths"), Some((5.0, true)));
        assert_eq!(denominator("second"), None);
        assert_eq!(scale("millions"), Some(1e6));
        assert_eq!(month("sept."), Some(9));
        assert_eq!(weekday("tues"), Some(2));
        assert_eq!(unit_phrase(&["square", "meters", "of"]), Some(("m²", 2)));
        assert_eq!(currency_code("usd"), Some("USD"));
        assert_eq!(currency_code("try"), None);
    }

    #[test]
    fn roman_numerals_in_standard_form_have_values() {
        for (r, v) in [
            ("I", 1),
            ("IV", 4),
            ("IX", 9),
            ("XIV", 14),
            ("XXXIX", 39),
            ("XL", 40),
        ] {
            assert_eq!(roman(r), Some(v), "{r}");
        }
        assert_eq!(roman("LXXXVIII"), Some(88));
        for r in ["", "IIII", "VV", "IL", "VX", "iv", "XLIXXXXX", "MC", "X1"] {
            assert_eq!(roman(r), None, "{r}");
        }
    }
}
