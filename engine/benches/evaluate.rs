//! How long one full evaluation takes on the real pack: replay of a complete answer set and every route's reasons.
//! A report, not a timed test: `cargo bench -p engine --bench evaluate`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use engine::source::load;
use engine::{Answers, Date, evaluate};

const ITERATIONS: u32 = 2_000;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let loaded = match load(&root.join("rules"), &root.join("locales/en")) {
        Ok(loaded) => loaded,
        Err(errors) => {
            eprintln!("the real pack does not pass check:\n{errors}");
            std::process::exit(1);
        }
    };
    let pack = &loaded.pack;
    let date = Date::parse("2026-11-27").unwrap_or(Date::EPOCH);
    // A work applicant who answers every question the questionnaire asks.
    let given = [
        ("in_danger_now", "no"),
        ("location", "abroad"),
        ("nationality", "CA"),
        ("purpose", "work"),
        ("age", "38"),
        ("work_type", "employee"),
        ("work_duration", "six_months_or_more"),
        ("job_offer", "yes"),
        ("work_region", "wallonia"),
        ("work_diploma", "higher"),
        ("annual_salary", "67500"),
        ("shortage_job", "no"),
    ];
    let mut answers = Answers::new();
    for (id, raw) in given {
        if let Err(error) = answers.set(pack, id, raw) {
            eprintln!("skipping answer {id}: {error}");
        }
    }
    let first = evaluate(pack, &answers, date);
    let start = Instant::now();
    for _ in 0..ITERATIONS {
        black_box(evaluate(black_box(pack), black_box(&answers), date));
    }
    let elapsed = start.elapsed();
    let mean = elapsed.as_nanos() / u128::from(ITERATIONS);
    println!(
        "evaluate: {mean} ns per full evaluation ({} questions asked, {} routes, {ITERATIONS} iterations)",
        first.asked.len(),
        first.routes.len()
    );
}
