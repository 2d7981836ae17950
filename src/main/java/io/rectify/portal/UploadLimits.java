package io.rectify.portal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where uploaded ledgers are kept ({@code rectify.upload.dir}, default {@code data/uploads}), for how long a refused
 * one is kept ({@code rectify.upload.keep-refused}, default 30 days; its record stays), and how big an uploaded 台账 may
 * be ({@code rectify.upload.max-size}, default 20 MB). A file up to twice that is received
 * and answered with a page that says so; a request announcing more is refused before it is read (413, same message),
 * so nobody can fill the disk through the upload form.
 */
@ConfigurationProperties("rectify.upload")
public record UploadLimits(@DefaultValue("20MB") DataSize maxSize, java.nio.file.Path dir,
                           @DefaultValue("30d") java.time.Duration keepRefused) {

    public UploadLimits {
        if (maxSize == null || maxSize.toBytes() < 1024 || maxSize.toGigabytes() > 2) {
            throw new IllegalArgumentException("rectify.upload.max-size must be between 1KB and 2GB (got " + maxSize
                    + ")");
        }
        if (dir == null) throw new IllegalArgumentException(
                "rectify.upload.dir is not set (where uploaded ledgers are kept)");
        dir = dir.toAbsolutePath().normalize();
        if (keepRefused == null || keepRefused.isNegative()) {
            throw new IllegalArgumentException("rectify.upload.keep-refused must be a duration of 0 or more (got "
                    + keepRefused + ")");
        }
    }

    /** How long a refused file is kept, as a person reads it. */
    String keepRefusedText() {
        return keepRefused.toDays() >= 1 ? keepRefused.toDays() + " 天" : Math.max(1, keepRefused.toHours()) + " 小时";
    }

    /** The refusal a person reads. */
    String tooLarge() {
        return "文件过大：台账文件不能超过 " + Formats.size(maxSize.toBytes()) + "。请删去不需要的工作表或图片后再上传，"
                + "或请管理员调整上限（rectify.upload.max-size）。";
    }

    long hardLimit() { return maxSize.toBytes() * 2 + 64 * 1024; }

    MultipartConfigElement multipartConfig() {
        return new MultipartConfigElement(null, hardLimit(), hardLimit(), 1024 * 1024);
    }

    /** Refuses a multipart request whose announced length passes the hard limit, before anything reads it. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String type = request.getContentType();
                if ("POST".equals(request.getMethod()) && type != null && type.startsWith("multipart/")
                        && request.getContentLengthLong() > hardLimit()) {
                    response.setHeader("Connection", "close");
                    response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
