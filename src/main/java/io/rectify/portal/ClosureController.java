package io.rectify.portal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rectify.accounts.Role;
import io.rectify.ledger.Closures;
import io.rectify.ledger.RoundFacts;
import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;

/**
 * 销号 on the page: a measure reported 已完成 is put forward with its 佐证材料 (files), the office reviews it
 * (销号, or 退回 with a reason); who and when at each step, and the files to download, for those who see the round.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ClosureController {

    /** A completed measure with its latest closure (null: not put forward yet) and that closure's files. */
    /** {@code waiting}: the 佐证材料 an uploaded workbook named for the measure that nobody has uploaded yet (待上传). */
    public record Row(Snapshot.Measure measure, Closures.Closure closure, List<Closures.Evidence> files,
                      List<String> waiting) {}

    private final PortalRounds rounds;
    private final Closures closures;
    private final EvidenceFiles files;
    private final SnapshotReader snapshots;

    private final java.time.Clock clock;

    ClosureController(PortalRounds rounds, Closures closures, EvidenceFiles files, SnapshotReader snapshots,
            java.time.Clock clock) {
        this.clock = clock;
        this.rounds = rounds;
        this.closures = closures;
        this.files = files;
        this.snapshots = snapshots;
    }

    @GetMapping("/rounds/{code}/closures")
    String show(Viewer viewer, @PathVariable String code, Model model) {
        RoundFacts round = rounds.forUnitPage(viewer, code);
        Map<Long, Closures.Closure> latest = closures.latest(round.id()).stream()
                .collect(Collectors.toMap(Closures.Closure::measureId, Function.identity()));
        Map<Long, List<Closures.Evidence>> byClosure = closures.evidence(round.id()).stream()
                .collect(Collectors.groupingBy(Closures.Evidence::closureId));
        Map<Long, List<String>> waiting = closures.waiting(round.id());
        List<Row> rows = snapshots.read(round.id(), java.time.LocalDate.now(clock)).measures().stream()
                .filter(m -> (m.completed() || latest.containsKey(m.id())) && viewer.ownsUnit(m.unit()))
                .map(m -> {
                    Closures.Closure c = latest.get(m.id());
                    return new Row(m, c, c == null ? List.of() : byClosure.getOrDefault(c.id(), List.of()),
                            waiting.getOrDefault(m.id(), List.of()));
                }).toList();
        Map<Closures.Status, Long> counts = latest.values().stream()
                .collect(Collectors.groupingBy(Closures.Closure::status, Collectors.counting()));
        model.addAttribute("round", round);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts);
        model.addAttribute("canSubmit", office(viewer) || viewer.isUnit());
        model.addAttribute("canReview", office(viewer));
        return "portal/closures";
    }

    @PostMapping("/rounds/{code}/closures")
    String submit(Viewer viewer, @PathVariable String code, @RequestParam long measure,
                  @RequestParam(name = "files", required = false) List<MultipartFile> uploaded,
                  RedirectAttributes flash) {
        RoundFacts round = rounds.forUnitPage(viewer, code);
        if (!office(viewer) && !viewer.isUnit()) {
            throw new PortalRounds.ActionNotAllowed("只有该轮次的整改办秘书、责任单位联系人或管理员可以提交销号。");
        }
        Snapshot.Measure m = snapshots.read(round.id(), java.time.LocalDate.now(clock)).measures().stream()
                .filter(x -> x.id() == measure).findFirst()
                .filter(x -> viewer.ownsUnit(x.unit())).orElseThrow(NoSuchMeasure::new);
        if (!m.completed()) throw new BadRequest("第 " + m.seq() + " 项措施尚未报告已完成，不能申请销号。");
        List<Closures.File> kept = files.keep(uploaded);
        try {
            closures.submit(round.id(), m.id(), kept, viewer.username());
        } catch (RuntimeException e) {
            files.forget(kept);
            if (e instanceof Closures.Refused r) throw new BadRequest(r.getMessage());
            throw e;
        }
        flash.addFlashAttribute("notice", "第 " + m.seq() + " 项措施已提交销号，附佐证材料 " + kept.size() + " 个，待审核。");
        return "redirect:/rounds/" + round.code() + "/closures";
    }

    @PostMapping("/rounds/{code}/closures/{id}")
    String review(Viewer viewer, @PathVariable String code, @PathVariable long id, @RequestParam String action,
                  @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
        RoundFacts round = rounds.forSecretary(viewer, code);
        if (!action.equals("close") && !action.equals("return")) throw new BadRequest("审核操作无效。");
        try {
            closures.review(round.id(), id, action.equals("close"), note, viewer.username());
        } catch (Closures.Refused e) {
            throw new BadRequest(e.getMessage());
        }
        flash.addFlashAttribute("notice", action.equals("close") ? "已销号。" : "已退回。");
        return "redirect:/rounds/" + round.code() + "/closures";
    }

    @GetMapping("/evidence/{id}")
    ResponseEntity<FileSystemResource> download(Viewer viewer, @PathVariable long id) {
        Closures.Evidence e = closures.findEvidence(id).orElseThrow(NoSuchMeasure::new);
        if (!viewer.givenRound(e.roundId())) throw new NoSuchMeasure();
        if (viewer.isUnit() && closures.latest(e.roundId()).stream().noneMatch(c -> c.id() == e.closureId()
                && snapshots.read(e.roundId(), java.time.LocalDate.now(clock)).measures().stream()
                        .anyMatch(m -> m.id() == c.measureId() && viewer.ownsUnit(m.unit())))) {
            throw new NoSuchMeasure();
        }
        java.nio.file.Path file = files.file(e);
        if (file == null) throw new DocumentAccess.NoSuchDocument(id);
        String ext = e.storedName().substring(e.storedName().lastIndexOf('.'));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.attachment(e.originalName()))
                .cacheControl(CacheControl.noStore())
                .body(new FileSystemResource(file));
    }

    private static boolean office(Viewer viewer) { return viewer.isAdmin() || viewer.role() == Role.SECRETARY; }
}
