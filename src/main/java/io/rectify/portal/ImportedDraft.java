package io.rectify.portal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.jobs.DraftRefresh;
import io.rectify.ledger.RoundRepository;

/**
 * After an import on the page (a month's workbook or a new round's first one) the round's draft is made again in the
 * same action, or 签发 refuses it as stale; the secretary is told which.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ImportedDraft {

    private final DraftRefresh refresh;
    private final RoundRepository rounds;
    private final DocumentArchive archive;
    private final PreviewCache previews;

    ImportedDraft(DraftRefresh refresh, RoundRepository rounds, DocumentArchive archive, PreviewCache previews) {
        this.refresh = refresh;
        this.rounds = rounds;
        this.archive = archive;
        this.previews = previews;
    }

    void refresh(String roundCode, RedirectAttributes flash) {
        DraftRefresh.Result r;
        try {
            r = refresh.refresh(roundCode);
        } catch (Exception e) {
            r = new DraftRefresh.Result(null, null, e.getMessage());
        }
        if (r.ok()) {
            // the secretary goes to the draft next: its pages are drawn meanwhile
            rounds.findByCode(roundCode).flatMap(round -> archive.findCurrentDraft(round.id(), DocumentKind.BULLETIN))
                    .ifPresent(d -> previews.prepare(archive.resolve(d), d.sha256(), d.pageCount()));
            flash.addFlashAttribute("draftNotice", "草稿已按本次导入更新（截至 " + r.asOf() + "），请在“草稿与签发”中查看。");
        } else {
            flash.addFlashAttribute("warning", "草稿没有随本次导入更新（另一次生成正在进行或生成失败），签发前请在“草稿与签发”中重新生成。");
        }
    }
}
