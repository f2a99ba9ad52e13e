package org.compliance.cases.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** An internal note on a case; only ever shown to staff. */
@Entity
@Table(schema = "case_service", name = "case_note")
@IdClass(CaseNoteRow.Key.class)
public class CaseNoteRow {

    public record Key(String caseId, String noteId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public String caseId;
    @Id
    @Column(name = "note_id")
    public String noteId;
    public String text;
    @Column(name = "author_id")
    public String authorId;
    @Column(name = "author_name")
    public String authorName;
    @Column(name = "added_at")
    public Instant addedAt;
    /** The data subjects the note names, each between spaces (erasing one erases the note's text). */
    @Column(name = "named_subjects")
    public String namedSubjects;
}
