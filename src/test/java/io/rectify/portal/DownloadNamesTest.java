package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;

class DownloadNamesTest {

    static DocumentCatalog.Entry entry(String path, String kind, String org, DocumentKind k) {
        return new DocumentCatalog.Entry(new GeneratedDocument(1, 1, k, LocalDate.of(2025, 12, 25), path, "0".repeat(64),
                "0".repeat(64), 1, 1, null, null), "luojiang-2024", kind, org, "省委巡视二组", java.util.List.of());
    }

    @Test
    void chineseNameWithAnAsciiFallback() {
        var e = entry("luojiang-2024/luojiang-2024-bulletin-2025-12-25.pdf", "巡视", "洛江区委", DocumentKind.BULLETIN);
        assertThat(DownloadNames.chineseName(e)).isEqualTo("洛江区委巡视整改进展情况的通报-2025-12-25.pdf");
        String header = DownloadNames.attachment(e);
        assertThat(header).startsWith("attachment; filename=\"").contains("; filename*=UTF-8''"
                + "%E6%B4%9B%E6%B1%9F%E5%8C%BA%E5%A7%94%E5%B7%A1%E8%A7%86%E6%95%B4%E6%94%B9%E8%BF%9B%E5%B1%95"
                + "%E6%83%85%E5%86%B5%E7%9A%84%E9%80%9A%E6%8A%A5-2025-12-25.pdf");
        assertThat(header.substring(0, header.indexOf("; filename*="))).matches("[\\x20-\\x7e]*");
    }

    @Test
    void aXunchaRoundSaysXuncha() {
        var e = entry("x/x.pdf", "巡察", "某某镇党委", DocumentKind.BULLETIN);
        assertThat(DownloadNames.chineseName(e)).isEqualTo("某某镇党委巡察整改进展情况的通报-2025-12-25.pdf");
    }

    @Test
    void namesFromTheDatabaseCannotBreakTheHeader() {
        var e = entry("a/b\"; filename=evil.exe", "巡视", "洛江\"区委/..\\\r\n", DocumentKind.BRIEF);
        String header = DownloadNames.attachment(e);
        assertThat(header).contains("filename*=UTF-8''"
                + "%E6%B4%9B%E6%B1%9F_%E5%8C%BA%E5%A7%94_..___%E5%AD%A3%E5%BA%A6%E4%B8%93%E9%A2%98%E4%BC%9A%E8%AE%AE"
                + "%E6%B1%87%E6%8A%A5%E6%9D%90%E6%96%99-2025-12-25.pdf");
        assertThat(header).doesNotContain("\r", "\n", "evil");
        // what a browser reads back (Spring's parser prefers filename*)
        assertThat(ContentDisposition.parse(header).getFilename())
                .isEqualTo("洛江_区委_..___季度专题会议汇报材料-2025-12-25.pdf");
    }
}
