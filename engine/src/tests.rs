//! Data-driven tests of evaluation and question selection on the small test pack (`tests/fixtures/small`).
//!
//! Each test gives answers as `id=value` pairs and the expected summary, printed by `summary`:
//! urgent outcomes, each route's status with its unknown or failed conditions, the path asked and the next question.

use crate::answers::Answers;
use crate::date::Date;
use crate::evaluate::evaluate;
use crate::model::Pack;
use crate::outcome::ConditionResult;
use crate::source::{SourceFile, Sources, build};

const RULES: [(&str, &str); 4] = [
    (
        "pack.toml",
        include_str!("../tests/fixtures/small/rules/pack.toml"),
    ),
    (
        "common.toml",
        include_str!("../tests/fixtures/small/rules/common.toml"),
    ),
    (
        "work.toml",
        include_str!("../tests/fixtures/small/rules/work.toml"),
    ),
    (
        "sources.toml",
        include_str!("../tests/fixtures/small/rules/sources.toml"),
    ),
];
const LOCALES: [(&str, &str); 2] = [
    (
        "common.toml",
        include_str!("../tests/fixtures/small/locales/en/common.toml"),
    ),
    (
        "work.toml",
        include_str!("../tests/fixtures/small/locales/en/work.toml"),
    ),
];

pub(crate) fn small_pack() -> Pack {
    let file = |dir: &str, (name, text): (&str, &str)| {
        SourceFile::new(name, format!("{dir}/{name}"), text)
    };
    let mut rules: Vec<SourceFile> = RULES.into_iter().map(|f| file("rules", f)).collect();
    let pack = rules.remove(0);
    let sources = Sources {
        pack: Some(pack),
        rules,
        locales: LOCALES.into_iter().map(|f| file("locales/en", f)).collect(),
    };
    match build(&sources) {
        Ok(loaded) => loaded.pack,
        Err(errors) => panic!("the small pack is broken:\n{errors}"),
    }
}

fn date(text: &str) -> Date {
    Date::parse(text).expect("test date")
}

fn answers(pack: &Pack, given: &str) -> Answers {
    let mut answers = Answers::new();
    for pair in given.split_whitespace() {
        let (id, raw) = pair.split_once('=').expect("id=value");
        answers.set(pack, id, raw).expect("valid answer");
    }
    answers
}

/// A compact, stable text form of an evaluation.
fn summary(pack: &Pack, given: &str, on: &str) -> String {
    let evaluation = evaluate(pack, &answers(pack, given), date(on));
    let mut lines = vec![format!("urgent: {}", evaluation.urgent.join(" "))];
    for route in &evaluation.routes {
        let mut line = format!("{}: {}", route.id, route.status.as_str());
        for reason in route
            .reasons
            .iter()
            .filter(|r| r.result != ConditionResult::Met)
        {
            line.push_str(&format!(
                " | {} {}",
                reason.condition,
                reason.result.as_str()
            ));
            for comparison in &reason.comparisons {
                line.push_str(&format!(" ({comparison})"));
            }
            if !reason.missing.is_empty() {
                line.push_str(&format!(" [{}]", reason.missing.join(" ")));
            }
        }
        lines.push(line);
    }
    lines.push(format!("asked: {}", evaluation.asked.join(" ")));
    lines.push(format!(
        "next: {}",
        evaluation.next_question.as_deref().unwrap_or("-")
    ));
    lines
        .iter()
        .map(|line| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(given: &str, on: &str, expected: &str) {
    let pack = small_pack();
    let actual = summary(&pack, given, on);
    let expected = expected
        .trim()
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        actual, expected,
        "\nanswers: {given}\n--- actual ---\n{actual}\n"
    );
}

#[test]
fn nothing_answered_asks_the_first_question() {
    check(
        "",
        "2026-06-01",
        "
        urgent:
        legal-aid: possible | not_a_student unknown (purpose unknown != 'study') [purpose]
        study-visa: possible | non_eu unknown (nationality unknown not in eu) [nationality] | study unknown (purpose unknown == 'study') [purpose]
        work-permit: possible | non_eu unknown [nationality purpose] | salary unknown (salary unknown >= salary_threshold.{region} unknown) [region salary] | starts_within_a_year unknown (start_date unknown < today + 365 2027-06-01) [start_date]
        free-movement: possible | eu unknown (nationality unknown in eu) (nationality unknown != 'BE') [nationality] | work unknown (purpose unknown == 'work') [purpose]
        asked:
        next: danger
        ",
    );
}

#[test]
fn urgent_outcome_comes_first_and_the_questionnaire_goes_on() {
    check(
        "danger=yes",
        "2026-06-01",
        "
        urgent: danger-now
        legal-aid: possible | not_a_student unknown (purpose unknown != 'study') [purpose]
        study-visa: possible | non_eu unknown (nationality unknown not in eu) [nationality] | study unknown (purpose unknown == 'study') [purpose]
        work-permit: possible | non_eu unknown [nationality purpose] | salary unknown (salary unknown >= salary_threshold.{region} unknown) [region salary] | starts_within_a_year unknown (start_date unknown < today + 365 2027-06-01) [start_date]
        free-movement: possible | eu unknown (nationality unknown in eu) (nationality unknown != 'BE') [nationality] | work unknown (purpose unknown == 'work') [purpose]
        asked: danger
        next: nationality
        ",
    );
}

#[test]
fn monthly_salary_compares_with_yearly_threshold_and_the_value_in_force() {
    // 4,500 a month is 54,000 a year: above the 2025 northern threshold of 50,000.
    check(
        "danger=no nationality=IN purpose=work region=north salary=4500 start_date=2025-09-01",
        "2025-06-01",
        "
        urgent:
        legal-aid: likely
        study-visa: not_matching | study failed (purpose work != 'study')
        work-permit: likely
        free-movement: not_matching | eu failed (nationality IN not in eu) (nationality IN != 'BE')
        asked: danger nationality purpose region salary start_date
        next: -
        ",
    );
}

#[test]
fn failed_comparison_shows_the_relation_that_holds_and_later_answers_are_ignored() {
    // In 2026 the northern threshold is 60,000 (unconfirmed): the salary fails, so the start date no longer matters.
    check(
        "danger=no nationality=IN purpose=work region=north salary=4500 start_date=2025-09-01",
        "2026-06-01",
        "
        urgent:
        legal-aid: likely
        study-visa: not_matching | study failed (purpose work != 'study')
        work-permit: not_matching | salary failed (salary €4,500 a month < salary_threshold.north €60,000 (2026, unconfirmed)) | starts_within_a_year unknown (start_date unknown < today + 365 2027-06-01) [start_date]
        free-movement: not_matching | eu failed (nationality IN not in eu) (nationality IN != 'BE')
        asked: danger nationality purpose region salary
        next: -
        ",
    );
}

#[test]
fn a_missing_parameter_instance_leaves_the_comparison_unknown() {
    // There is no `salary_threshold.east`: nothing can decide the salary condition, so the route stays possible.
    check(
        "danger=no nationality=CA purpose=work region=east salary=9000 start_date=2026-09-01",
        "2026-06-01",
        "
        urgent:
        legal-aid: likely
        study-visa: not_matching | study failed (purpose work != 'study')
        work-permit: possible | salary unknown (salary €9,000 a month >= salary_threshold.{region} unknown)
        free-movement: not_matching | eu failed (nationality CA not in eu) (nationality CA != 'BE')
        asked: danger nationality purpose region salary start_date
        next: -
        ",
    );
}

#[test]
fn dont_know_counts_as_answered_but_unknown() {
    check(
        "danger=no nationality=CA purpose=work region=dont_know salary=9000",
        "2026-06-01",
        "
        urgent:
        legal-aid: likely
        study-visa: not_matching | study failed (purpose work != 'study')
        work-permit: possible | salary unknown (salary €9,000 a month >= salary_threshold.{region} unknown) [region] | starts_within_a_year unknown (start_date unknown < today + 365 2027-06-01) [start_date]
        free-movement: not_matching | eu failed (nationality CA not in eu) (nationality CA != 'BE')
        asked: danger nationality purpose region salary
        next: start_date
        ",
    );
}

#[test]
fn answers_to_questions_whose_ask_if_fails_are_ignored() {
    check(
        "danger=no nationality=FR purpose=work region=north salary=1",
        "2026-06-01",
        "
        urgent:
        legal-aid: likely
        study-visa: not_matching | non_eu failed (nationality FR in eu) | study failed (purpose work != 'study')
        work-permit: not_matching | non_eu failed | salary unknown (salary unknown >= salary_threshold.{region} unknown) | starts_within_a_year unknown (start_date unknown < today + 365 2027-06-01) [start_date]
        free-movement: likely
        asked: danger nationality purpose
        next: -
        ",
    );
}

#[test]
fn when_nothing_else_can_fit_the_fallback_is_likely_and_the_questionnaire_stops() {
    // A Belgian: no route can fit whatever the purpose, so free legal aid is likely and the purpose is not asked.
    check(
        "danger=no nationality=BE purpose=study",
        "2026-06-01",
        "
        urgent:
        legal-aid: likely | not_a_student unknown (purpose unknown != 'study') [purpose]
        study-visa: not_matching | non_eu failed (nationality BE in eu) | study unknown (purpose unknown == 'study') [purpose]
        work-permit: not_matching | non_eu failed | salary unknown (salary unknown >= salary_threshold.{region} unknown) | starts_within_a_year unknown (start_date unknown < today + 365 2027-06-01) [start_date]
        free-movement: not_matching | eu failed (nationality BE in eu) (nationality BE == 'BE') | work unknown (purpose unknown == 'work') [purpose]
        asked: danger nationality
        next: -
        ",
    );
}

#[test]
fn otherwise_the_fallback_follows_its_own_conditions() {
    check(
        "danger=no nationality=IN purpose=study",
        "2026-06-01",
        "
        urgent:
        legal-aid: not_matching | not_a_student failed (purpose study == 'study')
        study-visa: likely
        work-permit: not_matching | non_eu failed | salary unknown (salary unknown >= salary_threshold.{region} unknown) | starts_within_a_year unknown (start_date unknown < today + 365 2027-06-01)
        free-movement: not_matching | eu failed (nationality IN not in eu) (nationality IN != 'BE') | work failed (purpose study != 'work')
        asked: danger nationality purpose
        next: -
        ",
    );
}

/// `show_first_if` says where a route is shown, never its status: true puts it first, false and unknown ("I don't
/// know" here) among other information; a route without it is always first.
#[test]
fn show_first_if_places_a_route_and_unknown_is_not_first() {
    let mut pack = small_pack();
    let work_permit = pack
        .routes
        .iter()
        .position(|route| route.id == "work-permit")
        .expect("work-permit");
    pack.routes[work_permit].show_first_if =
        Some(crate::source::parse("region == 'north'").expect("expression"));
    let placed = |region: &str| {
        let given = format!(
            "danger=no nationality=IN purpose=work region={region} salary=6000 start_date=2026-09-01"
        );
        let evaluation = evaluate(&pack, &answers(&pack, &given), date("2026-06-01"));
        let place = |id: &str| {
            let route = evaluation.routes.iter().find(|r| r.id == id).expect(id);
            (route.status.as_str(), route.other_information)
        };
        (place("work-permit"), place("legal-aid"))
    };
    assert_eq!(placed("north"), (("likely", false), ("likely", false)));
    assert_eq!(placed("south"), (("likely", true), ("likely", false)));
    assert_eq!(placed("dont_know"), (("possible", true), ("likely", false)));
}

mod answers {
    use super::small_pack;
    use crate::answers::{Answer, Answers};

    fn check(id: &str, raw: &str, expected: &str) {
        let pack = small_pack();
        let mut answers = Answers::new();
        let actual = match answers.set(&pack, id, raw) {
            Ok(()) => format!("{:?}", answers.get(id).unwrap_or(&Answer::DontKnow)),
            Err(error) => error.to_string(),
        };
        assert_eq!(actual, expected, "{id} = {raw:?}");
    }

    #[test]
    fn valid_answers() {
        check("purpose", "work", "Choice(\"work\")");
        check("danger", "yes", "Yes");
        check("salary", "2500.5", "Number(2500.5)");
        check("salary", "dont_know", "DontKnow");
        check(
            "start_date",
            "2026-02-28",
            "Date(Date { year: 2026, month: 2, day: 28 })",
        );
        check("nationality", "ca", "Country(\"CA\")");
    }

    #[test]
    fn refused_answers_say_why() {
        check("colour", "red", "there is no question `colour`");
        check(
            "purpose",
            "holiday",
            "`holiday` is not an option of question `purpose` (options: work, study)",
        );
        check(
            "danger",
            "maybe",
            "`maybe` is not an option of question `danger` (options: yes, no)",
        );
        check(
            "danger",
            "dont_know",
            "question `danger` does not offer \"I don't know\"",
        );
        check(
            "salary",
            "lots",
            "`lots` is not a number (question `salary`)",
        );
        check("salary", "NaN", "`NaN` is not a number (question `salary`)");
        check("salary", "inf", "`inf` is not a number (question `salary`)");
        check(
            "salary",
            "-1",
            "-1 is outside the accepted range 0 to 1000000 (question `salary`)",
        );
        check(
            "salary",
            "1e15",
            "`1e15` is not a number (question `salary`)",
        );
        check(
            "salary",
            "1000000000000000",
            "1000000000000000 is outside the accepted range 0 to 1000000 (question `salary`)",
        );
        check(
            "start_date",
            "2026-02-30",
            "`2026-02-30` is not a date in the form YYYY-MM-DD (question `start_date`)",
        );
        check(
            "nationality",
            "XX",
            "`XX` is not a known country code (question `nationality`)",
        );
    }
}
