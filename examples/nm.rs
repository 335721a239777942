fn main() {
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).unwrap();
    for line in s.lines() {
        let r = newsmark::annotate_with(
            line,
            &newsmark::Options {
                quotes: false,
                names: false,
                numbers: true,
            },
        );
        let v: Vec<String> = r
            .spans
            .iter()
            .map(|a| {
                format!(
                    "[{} {}]{:?}",
                    a.label.type_str(),
                    &line[a.span.range()],
                    a.value.as_ref().map(|v| (
                        v.value,
                        v.high,
                        v.unit.clone(),
                        v.currency.clone(),
                        v.iso.clone()
                    ))
                )
            })
            .collect();
        println!("{line}\n   => {}", v.join("  "));
    }
}
