//! Reading and writing notes and sessions. Every write is one short
//! transaction (`BEGIN IMMEDIATE`, so two instances queue instead of
//! failing halfway); a note is written whole by its uid, so two instances
//! writing notes at once keep both.

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use super::anchor::Anchor;
use super::note::{Flag, Kind, Note, Target};
use super::session::Session;
use super::store::Store;

const NOTE_COLUMNS: &str = "uid, corpus, kind, article, text, start, end, other_article, other_text, \
     other_start, other_end, flag, note, speaker, title, outlet, created, updated";

impl Store {
    /// Writes `note` (or deletes it when it holds nothing).
    pub fn save_note(&mut self, note: &Note) -> rusqlite::Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if note.is_empty() {
            tx.execute("DELETE FROM notes WHERE uid = ?1", [&note.uid])?;
        } else {
            let (text, start, end) = anchor_columns(note.target.anchor.as_ref());
            let other = note.other.as_ref();
            let (other_text, other_start, other_end) = anchor_columns(other.and_then(|o| o.anchor.as_ref()));
            tx.execute(
                &format!("INSERT OR REPLACE INTO notes ({NOTE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"),
                params![
                    note.uid,
                    note.corpus,
                    note.kind.name(),
                    note.target.article,
                    text,
                    start,
                    end,
                    other.map(|o| &o.article),
                    other_text,
                    other_start,
                    other_end,
                    note.flag.map(Flag::name),
                    note.text,
                    note.speaker,
                    note.title,
                    note.outlet,
                    note.created,
                    note.updated,
                ],
            )?;
        }
        tx.commit()
    }

    /// Every note kept, oldest first.
    pub fn notes(&self) -> rusqlite::Result<Vec<Note>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {NOTE_COLUMNS} FROM notes ORDER BY created, uid"))?;
        let rows = stmt.query_map([], note_of)?;
        rows.collect()
    }

    /// What is kept of corpus `corpus`'s last session.
    pub fn session(&self, corpus: &str) -> rusqlite::Result<Option<Session>> {
        self.conn
            .query_row(
                "SELECT marks, screen, selected, article, scroll, sort, descending, filter, other FROM sessions WHERE corpus = ?1",
                [corpus],
                |r| {
                    let marks: String = r.get(0)?;
                    Ok(Session {
                        marks: serde_json::from_str(&marks).unwrap_or_default(),
                        screen: r.get(1)?,
                        selected: r.get(2)?,
                        article: r.get(3)?,
                        scroll: r.get::<_, i64>(4)?.max(0) as usize,
                        sort: r.get(5)?,
                        descending: r.get(6)?,
                        filter: r.get(7)?,
                        other: r.get(8)?,
                    })
                },
            )
            .optional()
    }

    /// Keeps `session` for corpus `corpus`.
    pub fn save_session(&mut self, corpus: &str, session: &Session) -> rusqlite::Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT OR REPLACE INTO sessions (corpus, marks, screen, selected, article, scroll, sort, descending, filter, updated, other) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                corpus,
                serde_json::to_string(&session.marks).unwrap_or_else(|_| "[]".into()),
                session.screen,
                session.selected,
                session.article,
                session.scroll.min(i64::MAX as usize) as i64,
                session.sort,
                session.descending,
                session.filter,
                super::note::now(),
                session.other,
            ],
        )?;
        tx.commit()
    }

    /// The corpora with a session or notes.
    pub fn corpora(&self) -> rusqlite::Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT corpus FROM sessions UNION SELECT corpus FROM notes ORDER BY 1")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect()
    }

    /// Deletes what is kept for corpus `corpus` (its session and the notes
    /// made in it), or everything; how many sessions and notes went.
    pub fn clear(&mut self, corpus: Option<&str>) -> rusqlite::Result<(usize, usize)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let counts = match corpus {
            Some(c) => (
                tx.execute("DELETE FROM sessions WHERE corpus = ?1", [c])?,
                tx.execute("DELETE FROM notes WHERE corpus = ?1", [c])?,
            ),
            None => (
                tx.execute("DELETE FROM sessions", [])?,
                tx.execute("DELETE FROM notes", [])?,
            ),
        };
        tx.commit()?;
        // Deleted text should not linger in the file's free pages or WAL.
        let _ = self
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
        Ok(counts)
    }
}

fn anchor_columns(anchor: Option<&Anchor>) -> (Option<&str>, Option<i64>, Option<i64>) {
    match anchor {
        Some(a) => (Some(a.text.as_str()), Some(a.start as i64), Some(a.end as i64)),
        None => (None, None, None),
    }
}

fn anchor_at(r: &Row, at: usize) -> rusqlite::Result<Option<Anchor>> {
    let text: Option<String> = r.get(at)?;
    let start: Option<i64> = r.get(at + 1)?;
    let end: Option<i64> = r.get(at + 2)?;
    Ok(text.map(|text| Anchor {
        text,
        start: start.unwrap_or(0).max(0) as usize,
        end: end.unwrap_or(0).max(0) as usize,
    }))
}

fn note_of(r: &Row) -> rusqlite::Result<Note> {
    let kind: String = r.get(2)?;
    let flag: Option<String> = r.get(11)?;
    let other_article: Option<String> = r.get(7)?;
    let other = match other_article {
        Some(article) => Some(Target {
            article,
            anchor: anchor_at(r, 8)?,
        }),
        None => None,
    };
    Ok(Note {
        uid: r.get(0)?,
        corpus: r.get(1)?,
        kind: Kind::parse(&kind).unwrap_or(Kind::Article),
        target: Target {
            article: r.get(3)?,
            anchor: anchor_at(r, 4)?,
        },
        other,
        flag: flag.as_deref().and_then(Flag::parse),
        text: r.get(12)?,
        speaker: r.get(13)?,
        title: r.get(14)?,
        outlet: r.get(15)?,
        created: r.get(16)?,
        updated: r.get(17)?,
    })
}
