//! What each condition depends on: its atoms (for the state keys) and its cone of questions (for goal searches).
//!
//! The cone of a route is every question its conditions name (through derived facts and parameter templates),
//! closed under the questions named by those questions' `ask_if`. Only answers in the cone can change whether the
//! route ends likely: while the route is possible, the questionnaire itself keeps the cone's questions relevant.

use crate::expr::Expr;
use crate::model::Pack;

/// The atoms of a condition (comparisons, `in` tests and yes/no facts, through derived facts), each with the
/// questions it depends on. A condition's truth is a function of its atoms' truths.
pub(crate) type Atoms<'a> = Vec<(&'a Expr, Vec<usize>)>;

/// The atoms and cones of a pack, gathered once.
pub(crate) struct Dependencies<'a> {
    pub(crate) ask_if: Vec<Atoms<'a>>,
    pub(crate) conditions: Vec<Vec<Atoms<'a>>>,
    pub(crate) urgent: Vec<Atoms<'a>>,
    /// The cone of each route, one flag per question.
    pub(crate) route_cones: Vec<Vec<bool>>,
    /// The cone of each urgent outcome.
    pub(crate) urgent_cones: Vec<Vec<bool>>,
    /// The questions each question's `ask_if` depends on, closed under their own `ask_if`.
    pub(crate) ask_cones: Vec<Vec<bool>>,
}

impl<'a> Dependencies<'a> {
    pub(crate) fn new(pack: &'a Pack) -> Dependencies<'a> {
        let atoms_of = |expr: &'a Expr| {
            let mut atoms = Vec::new();
            collect_atoms(pack, expr, &mut atoms, &mut vec![false; pack.derived.len()]);
            atoms
        };
        let ask_if: Vec<Atoms<'a>> = pack
            .questions
            .iter()
            .map(|q| q.ask_if.as_ref().map(atoms_of).unwrap_or_default())
            .collect();
        let conditions: Vec<Vec<Atoms<'a>>> = pack
            .routes
            .iter()
            .map(|r| r.conditions.iter().map(|c| atoms_of(&c.expr)).collect())
            .collect();
        let urgent: Vec<Atoms<'a>> = pack.urgent.iter().map(|u| atoms_of(&u.expr)).collect();
        let count = pack.questions.len();
        let direct = |atoms: &[&Atoms<'a>]| {
            let mut flags = vec![false; count];
            for (_, questions) in atoms.iter().flat_map(|a| a.iter()) {
                for &q in questions {
                    if let Some(flag) = flags.get_mut(q) {
                        *flag = true;
                    }
                }
            }
            flags
        };
        // `ask_if` names earlier questions only, so closing from the last question back settles every flag.
        let close = |mut flags: Vec<bool>| {
            for q in (0..count).rev() {
                if flags.get(q) == Some(&true)
                    && let Some(atoms) = ask_if.get(q)
                {
                    for (_, questions) in atoms {
                        for &p in questions {
                            if let Some(flag) = flags.get_mut(p) {
                                *flag = true;
                            }
                        }
                    }
                }
            }
            flags
        };
        let route_cones = conditions
            .iter()
            .map(|route| close(direct(&route.iter().collect::<Vec<_>>())))
            .collect();
        let urgent_cones = urgent.iter().map(|atoms| close(direct(&[atoms]))).collect();
        let ask_cones = ask_if.iter().map(|atoms| close(direct(&[atoms]))).collect();
        Dependencies {
            ask_if,
            conditions,
            urgent,
            route_cones,
            urgent_cones,
            ask_cones,
        }
    }

    /// The answers that matter for asking question `q`: its `ask_if` cone, and the cones of every route and urgent
    /// outcome whose own cone holds `q` (they are what can make `q` relevant).
    pub(crate) fn question_cone(&self, q: usize) -> Vec<bool> {
        let mut cone = self.ask_cones.get(q).cloned().unwrap_or_default();
        cone.resize(cone.len().max(q + 1), false);
        for other in self.route_cones.iter().chain(&self.urgent_cones) {
            if other.get(q) == Some(&true) {
                cone.iter_mut().zip(other).for_each(|(flag, o)| *flag |= *o);
            }
        }
        cone
    }
}

fn collect_atoms<'a>(pack: &'a Pack, expr: &'a Expr, atoms: &mut Atoms<'a>, seen: &mut [bool]) {
    let question = |id: &str| pack.questions.iter().position(|q| q.id == id);
    match expr {
        Expr::Not(inner) => collect_atoms(pack, inner, atoms, seen),
        Expr::And(items) | Expr::Or(items) => items
            .iter()
            .for_each(|item| collect_atoms(pack, item, atoms, seen)),
        Expr::Fact(id) if question(id).is_none() => {
            let Some(d) = pack.derived.iter().position(|d| d.id == id.id) else {
                return;
            };
            if seen.get(d) == Some(&false) {
                if let Some(mark) = seen.get_mut(d) {
                    *mark = true;
                }
                if let Some(derived) = pack.derived.get(d) {
                    collect_atoms(pack, &derived.expr, atoms, seen);
                }
            }
        }
        atom => atoms.push((
            atom,
            atom.facts().into_iter().filter_map(question).collect(),
        )),
    }
}
