//! Identifier checks: LEI (ISO 17442, ISO 7064 mod 97-10), NCAGE/CAGE (5 alphanumerics),
//! ISO 3166-1 alpha-2 countries (the code list is built in from datasets/country-codes,
//! ODC-PDDL-1.0), DUNS (9 digits), UEI (12 alphanumerics) and GLN (GS1 mod 10).

/// Why an identifier fails its check; `None` when it passes or its scheme is not checked.
#[must_use]
pub fn check(scheme: &str, value: &str) -> Option<String> {
    let v = value.trim();
    let scheme_l = scheme.trim().to_ascii_lowercase();
    if scheme_l.is_empty() {
        return Some("the identifier has no scheme".into());
    }
    if v.is_empty() {
        return Some("the identifier has no value".into());
    }
    match scheme_l.as_str() {
        "lei" => check_lei(v),
        "ncage" | "cage" => alnum(v, 5, "an NCAGE/CAGE code is 5 letters or digits"),
        "duns" => (!(v.len() == 9 && v.bytes().all(|b| b.is_ascii_digit())))
            .then(|| "a DUNS number is 9 digits".to_owned()),
        "uei" => alnum(v, 12, "a UEI is 12 letters or digits"),
        "gln" => check_gln(v),
        _ => None,
    }
}

/// True when the scheme is one flowdown checks.
#[must_use]
pub fn is_checked_scheme(scheme: &str) -> bool {
    matches!(
        scheme.trim().to_ascii_lowercase().as_str(),
        "lei" | "ncage" | "cage" | "duns" | "uei" | "gln"
    )
}

/// Why a country code is not an assigned ISO 3166-1 alpha-2 code.
#[must_use]
pub fn check_country(code: &str) -> Option<String> {
    if flowdown_ingest::declaration::countries::is_alpha2(code) {
        None
    } else {
        Some(format!(
            "`{code}` is not an ISO 3166-1 alpha-2 country code"
        ))
    }
}

fn alnum(v: &str, len: usize, what: &str) -> Option<String> {
    (!(v.len() == len
        && v.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())))
    .then(|| what.to_owned())
}

/// ISO 17442: 18 alphanumerics and 2 check digits, the whole valid under ISO 7064 mod 97-10.
fn check_lei(v: &str) -> Option<String> {
    if v.len() != 20
        || !v
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return Some("an LEI is 20 upper-case letters or digits".into());
    }
    if !v.as_bytes()[18..].iter().all(u8::is_ascii_digit) {
        return Some("the last two characters of an LEI are check digits".into());
    }
    let mut rem: u32 = 0;
    for b in v.bytes() {
        let n = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        rem = if n >= 10 {
            (rem * 100 + n) % 97
        } else {
            (rem * 10 + n) % 97
        };
    }
    (rem != 1).then(|| "the LEI check digits are wrong (ISO 7064 mod 97-10)".into())
}

/// GS1 GLN: 13 digits, the last a mod 10 check digit (weights 3 and 1 from the right).
fn check_gln(v: &str) -> Option<String> {
    if v.len() != 13 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Some("a GLN is 13 digits".into());
    }
    let digits: Vec<u32> = v.bytes().map(|b| u32::from(b - b'0')).collect();
    let (body, check) = digits.split_at(12);
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d })
        .sum();
    let expected = (10 - sum % 10) % 10;
    (check.first() != Some(&expected))
        .then(|| format!("the GLN check digit should be {expected} (GS1 mod 10)"))
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn lei() {
        // Real LEIs from GLEIF (CC0): PUMA SE and APPLE ENERGY LLC's parent side.
        assert_eq!(check("lei", "529900GRZ2BQY5ZM9N49"), None);
        assert_eq!(check("lei", "5493006MHB84DD0ZWV18"), None);
        assert!(check("lei", "5493006MHB84DD0ZWV19").is_some());
        assert!(check("LEI", "5493006MHB84DD0ZWV1").is_some());
    }

    #[test]
    fn others() {
        assert_eq!(check("gln", "5060012340001"), None);
        assert!(check("gln", "5060012340009").is_some());
        assert_eq!(check("duns", "081466849"), None);
        assert!(check("duns", "08146684").is_some());
        assert_eq!(check("ncage", "D1234"), None);
        assert!(check("cage", "D12345").is_some());
        assert_eq!(check("uei", "J7M9HPTGJ1S9"), None);
        assert!(check("uei", "J7M9HPTGJ1S").is_some());
        assert_eq!(check("vat", "whatever"), None);
        assert!(check("", "081466849").is_some());
        assert!(check("duns", "").is_some());
        assert_eq!(super::check_country("DE"), None);
        assert!(super::check_country("XX").is_some());
    }
}
