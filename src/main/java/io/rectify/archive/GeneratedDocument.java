package io.rectify.archive;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A PDF that Rectify wrote, as recorded in {@code generated_document}. {@code path} is relative to the output folder.
 */
public record GeneratedDocument(long id, long roundId, DocumentKind kind, LocalDate asOf, String path, String sha256,
                                String inputSha256, int pageCount, long sizeBytes, Long jobExecutionId,
                                LocalDateTime createdAt) {}
