//! How long one full evaluation takes on the real pack: replay of a complete answer set and every route's reasons;
//! then `assess` alone (every route's reasons for the answers reached, without the replay).
//! A report, not a timed test: `cargo bench -p engine --bench evaluate`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use engine::source::load;
use engine::{Answers, Date, assess, evaluate, replay};

const ITERATIONS: u32 = 2_000;
/// The runs are timed in batches and the fastest batch is reported: the least disturbed by the rest of the machine.
const BATCHES: u32 = 20;

/// The nanoseconds per call of `run` in the fastest of `BATCHES` batches, and the mean over every batch.
fn time(mut run: impl FnMut()) -> (u128, u128) {
    let per_batch = ITERATIONS / BATCHES;
    let mut best = u128::MAX;
    let mut total = 0;
    for _ in 0..BATCHES {
        let start = Instant::now();
        for _ in 0..per_batch {
            run();
        }
        let elapsed = start.elapsed().as_nanos();
        best = best.min(elapsed / u128::from(per_batch));
        total += elapsed;
    }
    (best, total / u128::from(ITERATIONS))
}

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
    let (best, mean) = time(|| {
        black_box(evaluate(black_box(pack), black_box(&answers), date));
    });
    println!(
        "evaluate: {best} ns per full evaluation (mean {mean} ns; {} questions asked, {} routes, {ITERATIONS} iterations)",
        first.asked.len(),
        first.routes.len()
    );
    let reached = replay(pack, &answers, date).answers;
    let (best, mean) = time(|| {
        black_box(replay(black_box(pack), black_box(&answers), date));
    });
    println!("replay: {best} ns per replay of the answers (mean {mean} ns)");
    let (best, mean) = time(|| {
        black_box(assess(black_box(pack), black_box(&reached), date));
    });
    println!(
        "assess: {best} ns per assessment of the {} answers reached, without the replay (mean {mean} ns)",
        reached.len()
    );
}
