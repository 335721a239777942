//! The `newsmark` command line: a thin shell over the library's annotate, renderers and
//! JSON Lines stream (`newsmark::jsonl`).

use newsmark::jsonl::{self, Config};
use newsmark::offsets::Unit;
use newsmark::render::{self, ansi, document_json, html};
use newsmark::{Kind, Options};
use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
newsmark: marks quotes (with speakers), names and numbers in news text

usage:
  newsmark [OPTIONS] [FILE]            annotate FILE (or stdin, or `-`) as one document
  newsmark --jsonl [OPTIONS] [FILE]    one JSON document a line in, one a line out

options:
  --format FORMAT   text | inline | json | html                        (default: text)
                      text    the text with terminal colors and a legend; without
                              colors, the inline notation below
                      inline  [person Jane Doe] said [direct{Jane Doe} “We won”]
                      json    {\"spans\": [...], \"entities\": [...]}
                      html    a standalone page with <mark data-kind data-type>
  --color WHEN      auto | always | never: auto colors only when standard output is a
                    terminal and NO_COLOR is not set                  (default: auto)
  --kinds LIST      the kinds to report, e.g. quote,name       (default: quote,name,number)
  --jsonl           read {\"id\": ..., \"text\": ...} lines (other keys ignored), write
                    {\"id\": ..., \"spans\": [...]} lines in the same order; a bad line
                    (not UTF-8, not JSON, no \"text\", lone surrogate escapes) is reported
                    on stderr with its line number and the next line is read
  --offsets UNIT    utf8 | utf16 | chars: the unit of JSON offsets
                    (default: chars with --jsonl, utf8 with --format json)
  -h, --help        this help
  -V, --version     the version

exit codes:
  0  every document was annotated
  1  some --jsonl lines were bad (each reported on stderr with its line number);
     the other lines were answered
  2  usage error, the input could not be read or is not UTF-8, or the output failed
A closed standard output (`newsmark ... | head`) ends the run quietly.
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Inline,
    Json,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

struct Args {
    format: Format,
    color: Color,
    kinds: Vec<Kind>,
    jsonl: bool,
    unit: Option<Unit>,
    file: Option<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut a = Args {
        format: Format::Text,
        color: Color::Auto,
        kinds: Kind::ALL.to_vec(),
        jsonl: false,
        unit: None,
        file: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        // --name=value and --name value are both accepted
        let (name, inline_value) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline_value
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} takes {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("newsmark {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--jsonl" => a.jsonl = true,
            "--format" => {
                a.format = match value("text, inline, json or html")?.as_str() {
                    "text" => Format::Text,
                    "inline" => Format::Inline,
                    "json" => Format::Json,
                    "html" => Format::Html,
                    f => return Err(format!("unknown format `{f}`: text, inline, json or html")),
                }
            }
            "--color" | "--colour" => {
                a.color = match value("auto, always or never")?.as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    c => return Err(format!("unknown --color `{c}`: auto, always or never")),
                }
            }
            "--offsets" => {
                let u = value("utf8, utf16 or chars")?;
                a.unit =
                    Some(Unit::parse(&u).ok_or_else(|| {
                        format!("unknown offset unit `{u}`: utf8, utf16 or chars")
                    })?);
            }
            "--kinds" => {
                a.kinds.clear();
                for k in value("a list such as quote,name")?.split(',') {
                    let kind = match k.trim() {
                        "quote" | "quotes" => Kind::Quote,
                        "name" | "names" => Kind::Name,
                        "number" | "numbers" => Kind::Number,
                        "" => continue,
                        other => return Err(format!("unknown kind `{other}`")),
                    };
                    if !a.kinds.contains(&kind) {
                        a.kinds.push(kind);
                    }
                }
            }
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            s => {
                if a.file.replace(s.to_string()).is_some() {
                    return Err("give at most one FILE".into());
                }
            }
        }
    }
    Ok(Some(a))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("newsmark: {msg}\nTry `newsmark --help`.");
            return ExitCode::from(2);
        }
    };
    let input: Box<dyn Read> = match args.file.as_deref() {
        Some(f) if f != "-" => match std::fs::File::open(f) {
            Ok(h) => Box::new(h),
            Err(e) => {
                eprintln!("newsmark: cannot read {f}: {e}");
                return ExitCode::from(2);
            }
        },
        _ => Box::new(io::stdin().lock()),
    };
    let options = Options {
        quotes: args.kinds.contains(&Kind::Quote),
        names: args.kinds.contains(&Kind::Name),
        numbers: args.kinds.contains(&Kind::Number),
    };
    let stdout = io::stdout();
    let tty = stdout.is_terminal();
    let out = io::BufWriter::new(stdout.lock());
    let result = if args.jsonl {
        let config = Config {
            unit: args.unit.unwrap_or(Unit::Chars),
            options,
        };
        let name = args.file.as_deref().filter(|f| *f != "-");
        let mut bad = 0usize;
        let run = jsonl::stream(BufReader::new(input), out, &config, |b| {
            bad += 1;
            match name {
                Some(f) => eprintln!("newsmark: {f}: {b}"),
                None => eprintln!("newsmark: {b}"),
            }
        });
        run.map(|_| if bad > 0 { 1 } else { 0 })
            .map_err(Failure::Io)
    } else {
        let color = match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => tty && std::env::var_os("NO_COLOR").map_or(true, |v| v.is_empty()),
        };
        document(input, out, &args, options, color)
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("newsmark: {e}");
            ExitCode::from(2)
        }
        Err(Failure::Message(m)) => {
            eprintln!("newsmark: {m}");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    Io(io::Error),
    Message(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Io(e)
    }
}

fn document(
    mut input: Box<dyn Read>,
    mut out: impl Write,
    args: &Args,
    options: Options,
    color: bool,
) -> Result<u8, Failure> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Message(format!("cannot read input: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = at - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        Failure::Message(format!(
            "input is not UTF-8: invalid byte 0x{:02x} at line {line}, column {column} (byte {at}); \
             convert it first, e.g. `iconv -f latin1 -t utf-8`",
            e.as_bytes()[at]
        ))
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    newsmark::check_length(text).map_err(|e| Failure::Message(e.to_string()))?;
    let found = newsmark::annotate_with(text, &options);
    let kinds = &args.kinds;
    match args.format {
        Format::Json => {
            let doc = document_json(text, &found, args.unit.unwrap_or(Unit::Utf8));
            writeln!(out, "{doc}")?;
        }
        Format::Html => out.write_all(html::page(text, &found, kinds).as_bytes())?,
        Format::Text if color => {
            out.write_all(ansi::colored(text, &found, kinds).as_bytes())?;
            if !text.ends_with('\n') {
                out.write_all(b"\n")?;
            }
            writeln!(out, "\n{}", ansi::legend(kinds))?;
        }
        Format::Text | Format::Inline => {
            out.write_all(render::inline(text, &found, kinds).as_bytes())?;
            if !text.ends_with('\n') {
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}
