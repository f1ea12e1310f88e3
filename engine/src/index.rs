//! Lookups by id into a pack, built once on first use and kept beside it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::expr::FactRef;
use crate::model::Pack;

/// A fast, non-cryptographic hasher for short ids (the multiply-rotate scheme of rustc's FxHasher). The ids come
/// from the pack, not from an attacker, so hash flooding is no concern, and lookups are the evaluator's hot path.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type IdMap = HashMap<String, usize, BuildHasherDefault<IdHasher>>;

/// What a fact id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FactSlot {
    /// The question at this position in pack order.
    Question(usize),
    /// The derived fact at this position.
    Derived(usize),
}

impl FactSlot {
    /// 1 for no fact, then even codes for questions and odd ones for derived facts (0 means "not looked up").
    fn encode(slot: Option<FactSlot>) -> u32 {
        let code = |i: usize, kind: usize| u32::try_from(2 + 2 * i + kind).unwrap_or(1);
        match slot {
            None => 1,
            Some(FactSlot::Question(i)) => code(i, 0),
            Some(FactSlot::Derived(i)) => code(i, 1),
        }
    }

    fn decode(code: u32) -> Option<FactSlot> {
        let code = usize::try_from(code).ok()?.checked_sub(2)?;
        Some(if code % 2 == 0 {
            FactSlot::Question(code / 2)
        } else {
            FactSlot::Derived(code / 2)
        })
    }
}

/// Positions of every id, by kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct PackIndex {
    questions: IdMap,
    derived: IdMap,
    parameters: IdMap,
    routes: IdMap,
}

fn positions<'a>(ids: impl Iterator<Item = &'a String>) -> IdMap {
    let mut map = IdMap::default();
    for (i, id) in ids.enumerate() {
        // The first of duplicate ids wins; `check` refuses duplicates anyway.
        map.entry(id.clone()).or_insert(i);
    }
    map
}

impl PackIndex {
    pub(crate) fn build(pack: &Pack) -> PackIndex {
        PackIndex {
            questions: positions(pack.questions.iter().map(|q| &q.id)),
            derived: positions(pack.derived.iter().map(|d| &d.id)),
            parameters: positions(pack.parameters.iter().map(|p| &p.id)),
            routes: positions(pack.routes.iter().map(|r| &r.id)),
        }
    }

    pub(crate) fn question(&self, id: &str) -> Option<usize> {
        self.questions.get(id).copied()
    }

    pub(crate) fn derived(&self, id: &str) -> Option<usize> {
        self.derived.get(id).copied()
    }

    pub(crate) fn parameter(&self, id: &str) -> Option<usize> {
        self.parameters.get(id).copied()
    }

    pub(crate) fn route(&self, id: &str) -> Option<usize> {
        self.routes.get(id).copied()
    }

    /// What a fact id names: questions first, then derived facts.
    pub(crate) fn fact(&self, id: &str) -> Option<FactSlot> {
        self.question(id)
            .map(FactSlot::Question)
            .or_else(|| self.derived(id).map(FactSlot::Derived))
    }

    /// What a fact reference names, looked up once and then remembered in the reference.
    pub(crate) fn fact_ref(&self, fact: &FactRef) -> Option<FactSlot> {
        match fact.remembered() {
            0 => {
                let slot = self.fact(&fact.id);
                fact.remember(FactSlot::encode(slot));
                slot
            }
            code => FactSlot::decode(code),
        }
    }
}
