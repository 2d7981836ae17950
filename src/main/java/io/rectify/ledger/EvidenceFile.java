package io.rectify.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a 佐证材料 file may be, uploaded on the page or named in the workbook: PDF, JPEG, PNG, Word or Excel whose first
 * bytes are what its name says, no bigger than an uploaded 台账 may be. The reasons are the secretary's, in Chinese.
 */
public final class EvidenceFile {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final Map<String, byte[]> MAGIC = Map.of(
            ".pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
            ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            ".jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            ".jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            ".docx", ZIP,
            ".xlsx", ZIP);

    /** How many of a file's first bytes {@link #contentProblem} reads. */
    public static final int HEAD = 8;

    private EvidenceFile() {}

    /** The extension a name has among the allowed ones (".pdf" …), if any. */
    public static Optional<String> extension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return MAGIC.keySet().stream().filter(lower::endsWith).findFirst();
    }

    public static String typeRefused(String name) {
        return "文件 " + name + " 的类型不能作为佐证材料：请上传 PDF、JPG、PNG、Word（.docx）或 Excel（.xlsx）文件。";
    }

    /** Null when {@code head}, a file's first {@link #HEAD} bytes (or all, when fewer), are what {@code ext} says. */
    public static String contentProblem(byte[] head, String name, String ext) {
        byte[] magic = MAGIC.get(ext);
        if (head.length < magic.length || !Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
            return "文件 " + name + " 的内容与扩展名 " + ext + " 不符";
        }
        return null;
    }

    /** The names a workbook's 佐证材料 cell gives: separated by 、 or ; (full or half width), blanks dropped. */
    public static List<String> names(String cell) {
        if (cell == null || cell.isBlank()) return List.of();
        return Arrays.stream(cell.split("[、;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Why a name in a workbook's 佐证材料 cannot name a file: not a plain file name (a folder, a drive, a control
     * character, longer than 200), or not a type evidence may have; null when it can. One rule for the command line
     * and the page.
     */
    public static String nameProblem(String name) {
        if (name.length() > 200 || name.equals("..") || name.chars().anyMatch(c -> c == '/' || c == '\\' || c == ':'
                || Character.isISOControl(c))) {
            return "“" + name + "”不是文件名(只写文件名,不带文件夹)";
        }
        return extension(name).isEmpty() ? typeRefused(name) : null;
    }

    /**
     * Why a file named in a workbook cannot be taken from {@code dir} (not a plain name, missing, a link, outside the
     * folder, too big, wrong type or content), or null.
     */
    public static String problem(Path dir, String name, long maxBytes) {
        String bad = nameProblem(name);
        if (bad != null) return bad;
        Optional<String> ext = extension(name);
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return "文件 " + name + " 不在 " + dir + " 中";
        }
        try {
            if (Files.size(file) > maxBytes) {
                return "文件 " + name + " 过大：佐证材料每个文件不能超过 " + maxBytes / (1024 * 1024) + " MB";
            }
            try (InputStream in = Files.newInputStream(file)) {
                return contentProblem(in.readNBytes(HEAD), name, ext.get());
            }
        } catch (IOException e) {
            return "文件 " + name + " 无法读取";
        }
    }
}
