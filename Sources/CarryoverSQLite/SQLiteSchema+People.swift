extension SQLiteSchema {
    /// Supporters (never deleted: removal is a status), their encouragements
    /// and the session reviews (both append-only). Entries learn their kind
    /// (homework, a supporter's confirmation, an informant form), whether
    /// they count, the supporter who sent them and the client's quality
    /// rating; none of these ever changes. Portal invites and sessions may
    /// belong to a supporter.
    static let v7 =
        """
        CREATE TABLE supporter (
            id TEXT PRIMARY KEY NOT NULL,
            client_id TEXT NOT NULL REFERENCES client(id),
            status TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX supporter_by_client ON supporter(client_id);
        CREATE TRIGGER supporter_no_delete BEFORE DELETE ON supporter
        BEGIN SELECT RAISE(ABORT, 'supporters are never deleted; remove them instead'); END;
        CREATE TABLE encouragement (
            id TEXT PRIMARY KEY NOT NULL,
            supporter_id TEXT NOT NULL REFERENCES supporter(id),
            client_id TEXT NOT NULL REFERENCES client(id),
            assignment_id TEXT NOT NULL REFERENCES assignment(id),
            text TEXT NOT NULL,
            sent_at REAL NOT NULL
        );
        CREATE INDEX encouragement_by_client ON encouragement(client_id, sent_at);
        CREATE TABLE session_review (
            id TEXT PRIMARY KEY NOT NULL,
            client_id TEXT NOT NULL REFERENCES client(id),
            held_at REAL NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX session_review_by_client ON session_review(client_id, held_at);
        ALTER TABLE entry ADD COLUMN kind TEXT NOT NULL DEFAULT 'homework';
        ALTER TABLE entry ADD COLUMN counts INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE entry ADD COLUMN supporter_id TEXT REFERENCES supporter(id);
        ALTER TABLE entry ADD COLUMN quality INTEGER;
        CREATE TRIGGER entry_people_fixed BEFORE UPDATE ON entry
        WHEN NEW.kind IS NOT OLD.kind OR NEW.counts IS NOT OLD.counts
            OR NEW.supporter_id IS NOT OLD.supporter_id OR NEW.quality IS NOT OLD.quality
        BEGIN SELECT RAISE(ABORT, 'an entry keeps its kind, supporter and rating'); END;
        ALTER TABLE portal_invite ADD COLUMN supporter_id TEXT REFERENCES supporter(id);
        ALTER TABLE portal_session ADD COLUMN supporter_id TEXT REFERENCES supporter(id);
        """ + appendOnly("encouragement") + appendOnly("session_review")
}
