package io.rectify.jobs;

import java.util.List;

import org.springframework.stereotype.Component;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentFinding;
import io.rectify.archive.GeneratedDocument;

/**
 * The findings of a draft (what makes it unfit to publish), as they were found when the draft was written and recorded
 * with it ({@code document_finding}): the web page lists them beside the draft, and 签发 refuses a draft with findings
 * unless an override reason is given and recorded. Lines in Chinese: secretaries and leaders read them.
 */
@Component
public class DraftFindings {

    private final DocumentArchive archive;

    public DraftFindings(DocumentArchive archive) { this.archive = archive; }

    /** The draft's findings in reading order, one line each ({@code 二（二） 第3项：缺少公开表述…}); empty when fit. */
    public List<String> of(GeneratedDocument draft) {
        return archive.findings(draft.id()).stream().map(DocumentFinding::text).toList();
    }
}
